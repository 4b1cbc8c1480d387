package fr.breachimpact.faults;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.breachimpact.report.ReportWriter;
import fr.breachimpact.spark.TestSpark;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.List;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A full disk while tonight's report is written: the run fails with one line, last night's stays.
 */
class ReportOutputFaultTest {
  private static final LocalDate LAST_NIGHT = LocalDate.parse("2026-11-28");
  private static final LocalDate TONIGHT = LocalDate.parse(FullDiskFileSystem.FULL_MARKER);
  private static final String IMPL = "fs." + FullDiskFileSystem.SCHEME + ".impl";

  @TempDir static Path dir;
  static SparkSession spark;

  @BeforeAll
  static void mountFullDisk() {
    spark = TestSpark.session();
    Configuration conf = spark.sparkContext().hadoopConfiguration();
    conf.set(IMPL, FullDiskFileSystem.class.getName());
    conf.setBoolean("fs." + FullDiskFileSystem.SCHEME + ".impl.disable.cache", true);
    spark.conf().set(IMPL, FullDiskFileSystem.class.getName());
  }

  @AfterAll
  static void unmount() {
    spark.sparkContext().hadoopConfiguration().unset(IMPL);
    spark
        .sparkContext()
        .hadoopConfiguration()
        .unset("fs." + FullDiskFileSystem.SCHEME + ".impl.disable.cache");
    spark.conf().unset(IMPL);
  }

  private static Dataset<Row> report(int n) {
    return spark.range(n).selectExpr("concat('p', id) AS person_pseudonym", "id AS score");
  }

  @Test
  void aFullDiskFailsTheWriteWithOneLineNamingThePathAndKeepsLastNightsReport() throws Exception {
    String root = FullDiskFileSystem.SCHEME + ":" + dir.resolve("reports");
    ReportWriter.write(report(5), root, "customer_risk", LAST_NIGHT);
    Path lastNight = dir.resolve("reports/customer_risk/report_date=" + LAST_NIGHT);
    TreeMap<String, String> before = hashes(lastNight);
    assertFalse(before.isEmpty());

    UncheckedIOException e =
        assertThrows(
            UncheckedIOException.class,
            () -> ReportWriter.write(report(7), root, "customer_risk", TONIGHT));

    String line = e.getMessage();
    assertFalse(line.contains("\n"), "the error is one line");
    assertTrue(
        line.contains(root + "/customer_risk/report_date=" + TONIGHT),
        "the error names the folder: " + line);
    assertTrue(line.contains("No space left on device"), "the error gives the cause: " + line);
    assertEquals(before, hashes(lastNight), "last night's files changed");
    try (Stream<Path> s = Files.list(dir.resolve("reports/customer_risk"))) {
      assertEquals(
          List.of("report_date=" + LAST_NIGHT),
          s.map(p -> p.getFileName().toString()).sorted().toList(),
          "no half-written date nor staging folder is left");
    }
    assertEquals(5, spark.read().parquet(dir.resolve("reports/customer_risk").toString()).count());
  }

  private static TreeMap<String, String> hashes(Path folder) throws IOException {
    TreeMap<String, String> result = new TreeMap<>();
    try (Stream<Path> s = Files.walk(folder)) {
      for (Path f : s.filter(Files::isRegularFile).toList()) {
        MessageDigest md = MessageDigestHolder.sha256();
        result.put(
            folder.relativize(f).toString(),
            HexFormat.of().formatHex(md.digest(Files.readAllBytes(f))));
      }
    }
    return result;
  }

  private static final class MessageDigestHolder {
    static MessageDigest sha256() {
      try {
        return MessageDigest.getInstance("SHA-256");
      } catch (java.security.NoSuchAlgorithmException e) {
        throw new IllegalStateException(e);
      }
    }
  }
}
