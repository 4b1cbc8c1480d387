package fr.breachimpact.report;

import static fr.breachimpact.testing.Frames.row;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.breachimpact.config.ContextAdjustment;
import fr.breachimpact.spark.TestSpark;
import fr.breachimpact.testing.Frames;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;

/** A category found only by content detection needs enough records of its file. */
class DetectionMinimumTest {
  private static final StructType PREPARED =
      new StructType()
          .add("incident_id", DataTypes.StringType)
          .add("source_file", DataTypes.StringType);
  private static final StructType EXPOSURES =
      new StructType()
          .add("record_id", DataTypes.StringType)
          .add("incident_id", DataTypes.StringType)
          .add("source_file", DataTypes.StringType)
          .add("person_id", DataTypes.StringType)
          .add("code", DataTypes.StringType)
          .add("status", DataTypes.StringType);

  /**
   * notes.csv: 200 records, HEALTH detected in 30 (enough), FINANCIAL detected in 1 (a single word
   * or number), CONTACT verified in 1. small.csv: 20 records, HEALTH detected in 1 (5% of the file,
   * but one record).
   */
  private static Dataset<Row> kept(DetectionMinimum minimum) {
    List<Row> prepared = new ArrayList<>();
    List<Row> exposures = new ArrayList<>();
    for (int i = 0; i < 200; i++) {
      prepared.add(RowFactory.create("i", "notes.csv"));
      if (i < 30) {
        exposures.add(RowFactory.create("n" + i, "i", "notes.csv", "p" + i, "HEALTH", "detected"));
      }
    }
    exposures.add(RowFactory.create("n100", "i", "notes.csv", "p100", "FINANCIAL", "detected"));
    exposures.add(RowFactory.create("n101", "i", "notes.csv", "p101", "CONTACT", "verified"));
    for (int i = 0; i < 20; i++) {
      prepared.add(RowFactory.create("i", "small.csv"));
    }
    exposures.add(RowFactory.create("s0", "i", "small.csv", "q0", "HEALTH", "detected"));
    var spark = TestSpark.session();
    Dataset<Row> out =
        minimum.apply(
            spark.createDataFrame(prepared, PREPARED), spark.createDataFrame(exposures, EXPOSURES));
    return out.groupBy("source_file", "code").count();
  }

  /** Records kept per file and category. */
  private static Dataset<Row> counts(Object[]... rows) {
    return Frames.frame("source_file STRING, code STRING, count BIGINT", rows);
  }

  @Test
  void aSingleDetectedRecordNoLongerExposesACategory() {
    Frames.assertEqualIgnoringOrder(
        counts(row("notes.csv", "HEALTH", 30L), row("notes.csv", "CONTACT", 1L)),
        kept(new DetectionMinimum(10, 0.01)));
  }

  @Test
  void theShareOfTheFileIsRequiredToo() {
    // 30 of 200 is below 20%.
    Frames.assertEqualIgnoringOrder(
        counts(row("notes.csv", "CONTACT", 1L)), kept(new DetectionMinimum(10, 0.2)));
  }

  @Test
  void withoutAMinimumEveryDetectionCounts() {
    Frames.assertEqualIgnoringOrder(
        counts(
            row("notes.csv", "HEALTH", 30L),
            row("notes.csv", "FINANCIAL", 1L),
            row("notes.csv", "CONTACT", 1L),
            row("small.csv", "HEALTH", 1L)),
        kept(DetectionMinimum.NONE));
  }

  @Test
  void aDetectedCategorySettingDpcSaysInHowManyRecords() {
    var dpc =
        DataProcessingContext.score(
            List.of(
                new CategoryEvidence("IDENTITY", 200, 0, 0),
                new CategoryEvidence("HEALTH", 0, 0, 30, 34)),
            List.<ContextAdjustment>of(),
            10);
    assertEquals(4, dpc.dpc());
    assertTrue(
        dpc.factors().startsWith("base 4 from HEALTH (detected in 34 records)"), dpc.factors());
    assertTrue(dpc.factors().contains("HEALTH=4 detected only"), dpc.factors());
    assertEquals("HEALTH", dpc.category());
    assertEquals(34L, dpc.detectedRecords());
  }

  @Test
  void aDetectionCountBelowKIsNotWritten() {
    var dpc =
        DataProcessingContext.score(
            List.of(new CategoryEvidence("HEALTH", 0, 0, 3, 4)), List.of(), 10);
    assertTrue(dpc.factors().contains("detected in fewer than 10 records"), dpc.factors());
    assertTrue(!dpc.factors().contains(" 4 records"), dpc.factors());
    assertNull(dpc.detectedRecords());
  }
}
