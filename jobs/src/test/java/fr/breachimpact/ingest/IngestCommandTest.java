package fr.breachimpact.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.breachimpact.cli.BreachImpact;
import fr.breachimpact.cli.ExitCode;
import fr.breachimpact.config.IngestConfig;
import fr.breachimpact.config.LoadedConfig;
import fr.breachimpact.spark.TestSpark;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Ingestion through Spark on a tiny incident with every kind of file. */
class IngestCommandTest {
  @TempDir static Path dir;
  static LoadedConfig config;
  static SparkSession spark;

  @BeforeAll
  static void writeIncident() throws IOException {
    spark = TestSpark.session();
    Path incident = Files.createDirectories(dir.resolve("incidents/shop-2025"));
    Files.write(
        incident.resolve("clients.csv"),
        ("nom;prénom;téléphone;remarque\n"
                + "Lefèvre;Hélène;06 12 34 56 78;RAS\n"
                + "Dupont;Jean\n"
                + "Martin;Paul;0612345679;\n")
            .getBytes(Charset.forName("windows-1252")));
    Files.copy(incident.resolve("clients.csv"), incident.resolve("repost.csv"));
    try (OutputStream out =
        new GZIPOutputStream(Files.newOutputStream(incident.resolve("extra.jsonl.gz")))) {
      out.write(
          "{\"name\":\"Durand\",\"mail\":\"d@x.fr\"}\nnot json\n".getBytes(StandardCharsets.UTF_8));
    }
    Files.writeString(
        incident.resolve("manifest.json"),
        """
        {"incident_id":"shop-2025","organisation":"Shop","brands":["Shop"],"group":"G",
         "dates":{"occurred":"2025-11-01","became_aware":"2025-11-20T09:00:00Z"},
         "files":[
          {"path":"clients.csv","delimiter":";","encoding":"windows-1252",
           "mapping":{"nom":"last_name","prénom":"first_name","téléphone":"phone"}},
          {"path":"repost.csv","delimiter":";","encoding":"windows-1252",
           "mapping":{"nom":"last_name","prénom":"first_name","téléphone":"phone"}},
          {"path":"extra.jsonl.gz","format":"jsonl","compression":"gzip",
           "mapping":{"name":"last_name","mail":"email"}}]}
        """);
    Files.writeString(
        dir.resolve("config.json"),
        "{\"incidents_dir\":\"incidents\",\"lake_dir\":\"lake\",\"reports_dir\":\"reports\"}");
    config = LoadedConfig.load(dir.resolve("config.json"));
  }

  private static Dataset<Row> outcomes() {
    List<FileTask> tasks =
        IngestPlanner.plan(IncidentCatalog.load(config), IngestConfig.defaults());
    return IngestStage.outcomes(spark, tasks, IngestConfig.defaults());
  }

  @Test
  void everyRowOfEveryFileEndsInExactlyOnePlace() {
    List<Row> counts = IngestStage.fileCounts(outcomes()).orderBy("source_file").collectAsList();
    assertEquals(3, counts.size());
    for (Row c : counts) {
      assertEquals(
          c.getLong(c.fieldIndex("rows_in")),
          c.getLong(c.fieldIndex("rows_out")) + c.getLong(c.fieldIndex("rows_quarantined")));
    }
    Row clients = counts.get(0);
    assertEquals("clients.csv", clients.getString(1));
    assertEquals(3L, clients.getLong(clients.fieldIndex("rows_in")));
    assertEquals(2L, clients.getLong(clients.fieldIndex("rows_out")));
  }

  @Test
  void theRepostedFileIsQuarantinedAsADuplicateNotCountedTwice() {
    Dataset<Row> q = IngestStage.quarantine(outcomes());
    assertEquals(3, q.filter("source_file = 'repost.csv' AND reason = 'DUPLICATE_FILE'").count());
    assertEquals(
        0, IngestStage.leakedRecords(outcomes()).filter("source_file = 'repost.csv'").count());
  }

  @Test
  void recordIdsAreStableAcrossRunsAndUnique() {
    List<String> first =
        IngestStage.leakedRecords(outcomes())
            .orderBy("record_id")
            .select("record_id")
            .as(org.apache.spark.sql.Encoders.STRING())
            .collectAsList();
    List<String> second =
        IngestStage.leakedRecords(outcomes().repartition(3))
            .orderBy("record_id")
            .select("record_id")
            .as(org.apache.spark.sql.Encoders.STRING())
            .collectAsList();
    assertEquals(first, second);
    assertEquals(first.size(), first.stream().distinct().count());
    assertEquals(3, first.size());
  }

  @Test
  void unmappedColumnsLandInExtraAndAccentsSurviveWindows1252() {
    Row helene =
        IngestStage.leakedRecords(outcomes())
            .filter("line_number = 2 AND source_file = 'clients.csv'")
            .first();
    assertEquals("Hélène", helene.getString(helene.fieldIndex("first_name")));
    assertEquals(
        "RAS", helene.<String, String>getJavaMap(helene.fieldIndex("extra")).get("remarque"));
  }

  @Test
  void theCommandWritesTablesAndSummaryAndExitsZero() {
    int code =
        BreachImpact.execute(
            "ingest",
            "--config",
            dir.resolve("config.json").toString(),
            "--run-date",
            "2026-11-29");
    assertEquals(ExitCode.OK, code);
    assertEquals(3, spark.read().format("delta").load(config.lakeTable("leaked_records")).count());
    assertEquals(5, spark.read().format("delta").load(config.lakeTable("quarantine")).count());
    Dataset<Row> summary = spark.read().parquet(config.reportPath("run_summary"));
    Row all = summary.filter("stage = 'ingest' AND source = 'all'").first();
    assertEquals(8L, all.getLong(all.fieldIndex("rows_in")));
    assertTrue(
        Files.exists(
            Path.of(config.reportPath("run_summary"), "report_date=2026-11-29", "stage=ingest")));
    // Re-running the date replaces its rows, never appends.
    assertEquals(
        ExitCode.OK,
        BreachImpact.execute(
            "ingest",
            "--config",
            dir.resolve("config.json").toString(),
            "--run-date",
            "2026-11-29"));
    assertEquals(
        1,
        spark
            .read()
            .parquet(config.reportPath("run_summary"))
            .filter("stage = 'ingest' AND source = 'all'")
            .count());
  }

  @Test
  void aManifestErrorExitsTwoWithOneLineAndWritesNothing() throws IOException {
    Path bad = Files.createDirectories(dir.resolve("bad/incidents/x-1"));
    Files.writeString(bad.resolve("a.csv"), "a\n1\n");
    Files.writeString(
        bad.resolve("manifest.json"),
        "{\"incident_id\":\"x-1\",\"dates\":{\"became_aware\":\"2025-01-01T00:00:00Z\"},\"files\":[{\"path\":\"a.csv\",\"encoding\":\"nope\"}]}");
    Path cfg = dir.resolve("bad/config.json");
    Files.writeString(
        cfg, "{\"incidents_dir\":\"incidents\",\"lake_dir\":\"lake\",\"reports_dir\":\"reports\"}");
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    java.io.PrintStream old = System.err;
    System.setErr(new java.io.PrintStream(err, true, StandardCharsets.UTF_8));
    int code;
    try {
      code = BreachImpact.execute("ingest", "--config", cfg.toString());
    } finally {
      System.setErr(old);
    }
    assertEquals(ExitCode.BAD_CONFIG, code);
    String message = err.toString(StandardCharsets.UTF_8).strip();
    assertEquals(1, message.lines().count(), message);
    assertTrue(message.contains("manifest.json: files[0].encoding"), message);
    assertFalse(Files.exists(dir.resolve("bad/lake")));
  }
}
