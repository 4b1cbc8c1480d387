package fr.breachimpact.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import fr.breachimpact.spark.TestSpark;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * run_log's slowest_spark_stage: written with each stage row, added to a log made before it
 * existed.
 */
class RunLogSlowestStageTest {
  private static final SparkSession SPARK = TestSpark.session();

  @TempDir Path dir;

  private static RunLog.Entry entry(String stage, String slowest) {
    Instant t = Instant.parse("2026-12-06T01:00:00Z");
    return new RunLog.Entry(
        "run-1",
        LocalDate.parse("2026-12-06"),
        stage,
        "ran",
        "why",
        "fp",
        t,
        t.plusSeconds(42),
        7,
        Map.of(),
        null,
        slowest);
  }

  @Test
  void aRunLogMadeBeforeTheColumnGainsItAndKeepsItsRows() {
    String path = dir.resolve("run_log").toString();
    // The log as runs before this column wrote it: every column but the last.
    StructField[] old = Arrays.copyOf(RunLog.SCHEMA.fields(), RunLog.SCHEMA.fields().length - 1);
    Row oldRow =
        SPARK
            .createDataFrame(List.of(entryRow()), RunLog.SCHEMA)
            .drop("slowest_spark_stage")
            .first();
    SPARK.createDataFrame(List.of(oldRow), new StructType(old)).write().format("delta").save(path);

    new RunLog(SPARK, path).append(entry("link", "stage 31 (save at LakeTables.java:88) 12.3 s"));

    List<Row> rows = SPARK.read().format("delta").load(path).orderBy("stage").collectAsList();
    assertEquals(2, rows.size());
    assertEquals(
        "stage 31 (save at LakeTables.java:88) 12.3 s", rows.get(1).getAs("slowest_spark_stage"));
    assertEquals(42.0, (double) rows.get(1).getAs("seconds"));
    assertNull(rows.get(0).getAs("slowest_spark_stage"), "the older row has none");
  }

  @Test
  void theTableWrittenHasTheColumnsOfItsContract() throws java.io.IOException {
    String path = dir.resolve("run_log").toString();
    new RunLog(SPARK, path).append(entry("link", null));
    List<String> contract = new java.util.ArrayList<>();
    for (var c :
        new com.fasterxml.jackson.databind.ObjectMapper()
            .readTree(Path.of("..", "schemas", "run_log.json").toFile())
            .get("columns")) {
      contract.add(c.get("name").asText() + " " + c.get("type").asText());
    }
    List<String> actual =
        Arrays.stream(SPARK.read().format("delta").load(path).schema().fields())
            .map(f -> f.name() + " " + f.dataType().simpleString())
            .toList();
    assertEquals(contract, actual, "run_log columns as in schemas/run_log.json");
  }

  private static Row entryRow() {
    RunLog.Entry e = entry("ingest", null);
    return org.apache.spark.sql.RowFactory.create(
        e.runId(),
        java.sql.Date.valueOf(e.runDate()),
        e.stage(),
        e.status(),
        e.reason(),
        e.fingerprint(),
        java.sql.Timestamp.from(e.startedAt()),
        java.sql.Timestamp.from(e.endedAt()),
        42.0,
        e.rowsOut(),
        fr.breachimpact.spark.ScalaMaps.of(e.inputVersions()),
        e.error(),
        null);
  }
}
