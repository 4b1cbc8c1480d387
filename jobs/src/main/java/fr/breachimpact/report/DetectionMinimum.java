package fr.breachimpact.report;

import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * A category that rests on content detection alone (status {@code detected}) counts only where it
 * was detected in enough records of its file: at least {@code minRecords} of them and at least
 * {@code minShare} of the file's records. One "traitement" in one comment column must not make an
 * incident health data (DPC 4); a health vocabulary running through a notes column does. Verified
 * and claimed categories are never touched.
 */
public final class DetectionMinimum {
  /** Every detection counts: for callers that apply no minimum. */
  public static final DetectionMinimum NONE = new DetectionMinimum(1, 0.0);

  private final int minRecords;
  private final double minShare;

  public DetectionMinimum(int minRecords, double minShare) {
    if (minRecords < 1 || minShare < 0 || minShare > 1) {
      throw new IllegalArgumentException(
          "detection minimum needs records >= 1 and 0 <= share <= 1");
    }
    this.minRecords = minRecords;
    this.minShare = minShare;
  }

  public int minRecords() {
    return minRecords;
  }

  public double minShare() {
    return minShare;
  }

  /**
   * @param prepared {@link ExposedRecords#prepare}: the records of each file
   * @param exposures {@link ExposedRecords#categories}
   * @return the exposures without the detected ones whose file holds too few of them; a few rows
   *     per file and category are aggregated and broadcast
   */
  public Dataset<Row> apply(Dataset<Row> prepared, Dataset<Row> exposures) {
    if (minRecords <= 1 && minShare <= 0) {
      return exposures;
    }
    Dataset<Row> files =
        prepared
            .groupBy(col("incident_id"), file(col("source_file")).as("_file"))
            .agg(count(lit(1)).as("_file_records"));
    Dataset<Row> weak =
        exposures
            .where(col("status").equalTo("detected"))
            .groupBy(col("incident_id"), file(col("source_file")).as("_file"), col("code"))
            .agg(count(lit(1)).as("_detected"))
            .join(files, Frames.seq("incident_id", "_file"))
            .where(
                col("_detected")
                    .lt(minRecords)
                    .or(col("_detected").lt(col("_file_records").multiply(minShare))))
            .select(col("incident_id"), col("_file"), col("code"), lit(true).as("_weak"));
    return exposures
        .withColumn("_file", file(col("source_file")))
        .join(broadcast(weak), Frames.seq("incident_id", "_file", "code"), "left")
        .where(col("_weak").isNull().or(col("status").notEqual("detected")))
        .drop("_file", "_weak");
  }

  /** A record without a source file counts in one file of its own per incident. */
  private static Column file(Column sourceFile) {
    return coalesce(sourceFile, lit(""));
  }
}
