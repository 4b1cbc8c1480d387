package fr.breachimpact.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fr.breachimpact.cli.ExitCode;
import fr.breachimpact.spark.TestSpark;
import fr.breachimpact.testing.MiniHdfs;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The nightly with its inputs (incident folders, manifests, leaked files, customer extracts), its
 * lake, its lock and its reports on a real HDFS (an in-process MiniDFSCluster): the same tiny
 * generated data set as {@link NightlyFixture}'s local run, copied there, gives the same reports.
 * Then a customer extract cut short on HDFS stops the next run with exit 3.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class HdfsNightlyTest {
  static MiniHdfs hdfs;
  static Path config;
  static String root;
  static NightlyFixture.Result run;

  @BeforeAll
  static void runOnHdfs() throws IOException {
    NightlyFixture.FirstRun local = NightlyFixture.firstRun();
    hdfs = MiniHdfs.get();
    Path dir = Files.createTempDirectory("breach-impact-hdfs-run");
    config = NightlyFixture.generate(dir);
    hdfs.put(dir.resolve("incidents"), "/breach-impact/incidents");
    hdfs.put(dir.resolve("customers"), "/breach-impact/customers");
    // Only the config and the pseudonym key stay local; the copies here go, so nothing is read
    // locally.
    NightlyFixture.deleteTree(dir.resolve("incidents"));
    NightlyFixture.deleteTree(dir.resolve("customers"));
    root = hdfs.uri("/breach-impact");
    ObjectMapper json = new ObjectMapper();
    ObjectNode c = (ObjectNode) json.readTree(config.toFile());
    c.put("incidents_dir", root + "/incidents");
    c.put("lake_dir", root + "/lake");
    c.put("reports_dir", root + "/reports");
    c.put("notification_dir", root + "/notifications");
    c.withArray("customers")
        .forEach(s -> ((ObjectNode) s).put("path", root + "/" + s.get("path").asText()));
    json.writerWithDefaultPrettyPrinter().writeValue(config.toFile(), c);

    run = NightlyFixture.nightly(config);
    assertEquals(ExitCode.OK, run.code(), run.err());
    // Everything compared below comes from this run; the local one was made before it.
    assertFalse(local.reports().isEmpty());
  }

  @Test
  @Order(1)
  void theReportsOnHdfsEqualThoseOfTheLocalRun() throws IOException {
    Map<String, List<String>> onHdfs = reports(root + "/reports");
    Map<String, List<String>> local = NightlyFixture.firstRun().reports();
    assertEquals(local.keySet(), onHdfs.keySet(), "the same reports");
    for (String name : local.keySet()) {
      System.out.printf(
          "hdfs report %s rows_local=%d rows_hdfs=%d%n",
          name, local.get(name).size(), onHdfs.get(name).size());
      assertEquals(local.get(name), onHdfs.get(name), name + ": rows differ");
    }
  }

  @Test
  @Order(2)
  void theLockWasTakenOnHdfsBesideTheLakeAndReleased() throws IOException {
    FileSystem fs = hdfs.fs();
    assertTrue(
        fs.exists(new org.apache.hadoop.fs.Path("/breach-impact/lake/run_log")), "run_log on HDFS");
    assertFalse(
        fs.exists(new org.apache.hadoop.fs.Path("/breach-impact/lake/_nightly.lock")), "released");
    assertTrue(run.out().contains("nightly: stage=ingest ran"), "ingested from HDFS");
  }

  @Test
  @Order(3)
  void aCustomerExtractCutShortOnHdfsStopsTheNextRunWithExitThreeAndChangesNoReport()
      throws IOException {
    FileSystem fs = hdfs.fs();
    org.apache.hadoop.fs.Path extract =
        new org.apache.hadoop.fs.Path("/breach-impact/customers/auchan.csv");
    List<String> lines;
    try (var in = fs.open(extract)) {
      lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
    }
    int kept = lines.size() / 2; // the header and about half the customers: an export cut short
    try (OutputStream out = fs.create(extract, true)) {
      out.write(
          (String.join("\n", lines.subList(0, kept)) + "\n").getBytes(StandardCharsets.UTF_8));
    }
    long previous =
        TestSpark.session()
            .read()
            .format("delta")
            .load(root + "/lake/customer_files")
            .filter("source LIKE '%/auchan.csv'")
            .first()
            .getLong(1);
    Map<String, Long> reportFiles = fileCount(root + "/reports");
    long customersBefore =
        TestSpark.session().read().format("delta").load(root + "/lake/customers").count();

    NightlyFixture.Result cut = NightlyFixture.nightly(config);

    assertEquals(ExitCode.INPUT_PROBLEM, cut.code(), cut.err());
    List<String> errors = cut.err().lines().filter(l -> l.startsWith("error:")).toList();
    assertEquals(1, errors.size(), "one error line: " + cut.err());
    String line = errors.get(0);
    assertTrue(line.contains("customers[0].path") && line.contains("auchan.csv"), line);
    assertTrue(
        line.matches(".* \\d+ rows, " + previous + " at the previous load: shrank by .*"), line);
    assertTrue(line.contains("customers_max_shrink=0.2"), line);
    assertEquals(
        customersBefore,
        TestSpark.session().read().format("delta").load(root + "/lake/customers").count(),
        "the customers table is as it was");
    assertEquals(reportFiles, fileCount(root + "/reports"), "no report written");
  }

  /**
   * Every analyst report of the run date but run_summary, as sorted row strings, read from HDFS.
   */
  private static Map<String, List<String>> reports(String reportsRoot) throws IOException {
    FileSystem fs = hdfs.fs();
    Map<String, List<String>> result = new TreeMap<>();
    for (FileStatus s : fs.listStatus(new org.apache.hadoop.fs.Path(reportsRoot))) {
      String name = s.getPath().getName();
      if (!s.isDirectory()
          || name.startsWith("_")
          || name.startsWith(".")
          || name.equals("run_summary")) {
        continue;
      }
      String partition = reportsRoot + "/" + name + "/report_date=" + NightlyFixture.RUN_DATE;
      if (fs.exists(new org.apache.hadoop.fs.Path(partition))) {
        result.put(name, NightlyFixture.rows(TestSpark.session().read().parquet(partition)));
      }
    }
    return result;
  }

  /** Files per report folder (run_summary left out: a failed run adds its line there by design). */
  private static Map<String, Long> fileCount(String reportsRoot) throws IOException {
    FileSystem fs = hdfs.fs();
    Map<String, Long> counts = new TreeMap<>();
    for (FileStatus s : fs.listStatus(new org.apache.hadoop.fs.Path(reportsRoot))) {
      if (s.isDirectory() && !s.getPath().getName().equals("run_summary")) {
        counts.put(s.getPath().getName(), fs.getContentSummary(s.getPath()).getFileCount());
      }
    }
    return counts;
  }
}
