package fr.breachimpact.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Ingestion of the generated seed incidents checked line by line against the ground truth. */
class IngestGroundTruthTest {
  static GeneratedRun run;

  @BeforeAll
  static void runPipeline() {
    run = GeneratedRun.get();
  }

  @Test
  void acceptedRowsAreExactlyTheWellFormedRowsOfFilesReadForTheFirstTime() {
    Dataset<Row> expected =
        run.truthCsv("leaked_records.csv")
            .filter("NOT in_duplicate_file")
            .select("incident_id", "source_file", "line_number");
    Dataset<Row> actual =
        run.lake("leaked_records").select("incident_id", "source_file", "line_number");
    assertTrue(expected.count() > 500, "the generated set has rows");
    assertEquals(
        0, expected.exceptAll(actual).count(), "well-formed rows missing from leaked_records");
    assertEquals(
        0,
        actual.exceptAll(expected).count(),
        "rows accepted that the ground truth calls malformed");
  }

  @Test
  void eachMalformedLineIsQuarantinedWithItsReason() {
    Dataset<Row> expected =
        run.truthCsv("malformed.csv")
            .filter("NOT in_duplicate_file")
            .select("incident_id", "source_file", "line_number", "reason");
    Dataset<Row> actual =
        run.lake("quarantine")
            .filter("reason <> 'DUPLICATE_FILE'")
            .select("incident_id", "source_file", "line_number", "reason");
    assertTrue(expected.count() >= 8, "the generated set has malformed lines of several kinds");
    assertEquals(
        List.of(),
        expected.exceptAll(actual).collectAsList().stream()
            .map(r -> r.getString(0) + "/" + r.getString(1) + ":" + r.get(2) + " " + r.get(3))
            .toList());
    assertEquals(0, actual.exceptAll(expected).count());
  }

  @Test
  void theRepostedFileIsNotCountedTwice() {
    Dataset<Row> truth = run.truthCsv("leaked_records.csv").filter("in_duplicate_file");
    Dataset<Row> malformedTruth = run.truthCsv("malformed.csv").filter("in_duplicate_file");
    long repostRows = truth.count() + malformedTruth.count();
    assertTrue(repostRows > 0, "the generator reposts a sample");
    long quarantinedAsDuplicate =
        run.lake("quarantine").filter("reason = 'DUPLICATE_FILE'").count();
    assertEquals(repostRows, quarantinedAsDuplicate);
    Dataset<Row> repostFiles = truth.select("incident_id", "source_file").distinct();
    assertEquals(
        0,
        run.lake("leaked_records")
            .join(repostFiles, new String[] {"incident_id", "source_file"})
            .count());
  }

  @Test
  void perFileRowsInEqualAcceptedPlusQuarantinedAndMatchTheGeneratedLines() {
    Dataset<Row> summary = run.report("run_summary").filter("stage = 'ingest' AND source <> 'all'");
    for (Row r : summary.collectAsList()) {
      assertEquals(
          r.getLong(r.fieldIndex("rows_in")),
          r.getLong(r.fieldIndex("rows_out")) + r.getLong(r.fieldIndex("rows_quarantined")),
          r.getString(r.fieldIndex("source")));
    }
    long generated =
        run.truthCsv("leaked_records.csv").count() + run.truthCsv("malformed.csv").count();
    Row all = run.report("run_summary").filter("stage = 'ingest' AND source = 'all'").first();
    assertEquals(generated, all.getLong(all.fieldIndex("rows_in")));
  }
}
