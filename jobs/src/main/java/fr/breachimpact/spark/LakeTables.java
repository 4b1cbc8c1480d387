package fr.breachimpact.spark;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.max;

import io.delta.tables.DeltaTable;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import org.apache.spark.sql.DataFrameWriter;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;

/** Reading and writing the Delta tables of the restricted zone. */
public final class LakeTables {
  /**
   * Delta's default for new tables, set to 0 in every job's session: no per-column min/max
   * statistics in the log. They would write raw values (the smallest and largest email, name, phone
   * of every file) into the log's plain JSON, and computing them is 6 to 12 % of the customers
   * stage's task time (docs/benchmarks.md). No stage reads a lake table selectively but for an
   * incident's rows, which a scan of the one column finds.
   */
  public static final String COLUMN_STATISTICS =
      "spark.databricks.delta.properties.defaults.dataSkippingNumIndexedCols";

  /** The user metadata of a snapshot's commit: {@code run_date=<date>}. */
  static final String RUN_DATE_META = "run_date=";

  private LakeTables() {}

  /**
   * Replaces the table's content in one Delta commit: readers see the old or the new, never half.
   */
  public static void overwrite(Dataset<Row> frame, String path) {
    overwriting(frame).save(path);
  }

  /** {@link #overwrite}, returning the rows written, from the Delta log (no second scan). */
  public static long overwriteCounted(SparkSession spark, Dataset<Row> frame, String path) {
    overwrite(frame, path);
    Row last = DeltaTable.forPath(spark, path).history(1).select("operationMetrics").first();
    Map<String, String> metrics = last.getJavaMap(0);
    return Long.parseLong(metrics.getOrDefault("numOutputRows", "-1"));
  }

  /**
   * {@link #overwrite}, the commit tagged with the run date: {@link #lastRunBefore} finds it again.
   */
  public static void overwriteSnapshot(Dataset<Row> frame, String path, LocalDate runDate) {
    overwriting(frame).option("userMetadata", RUN_DATE_META + runDate).save(path);
  }

  /**
   * Replaces the rows of the run date only (a column {@code run_date}), the commit tagged with it;
   * creates the table when there is none.
   */
  public static void replaceRunDate(
      SparkSession spark, Dataset<Row> frame, String path, LocalDate runDate) {
    DataFrameWriter<Row> writer =
        frame
            .write()
            .format("delta")
            .mode(SaveMode.Overwrite)
            .option("userMetadata", RUN_DATE_META + runDate);
    if (exists(spark, path)) {
      writer = writer.option("replaceWhere", "run_date = '" + runDate + "'");
    }
    writer.save(path);
  }

  /**
   * Appends in one commit; a column the table lacks is added to it (a table written by an earlier
   * version of the code gains the columns of this one).
   */
  public static void append(Dataset<Row> frame, String path) {
    frame.write().format("delta").mode(SaveMode.Append).option("mergeSchema", "true").save(path);
  }

  /** Replaces only the rows matching {@code predicate}, in one Delta commit. */
  public static void replaceWhere(Dataset<Row> frame, String path, String predicate) {
    frame
        .write()
        .format("delta")
        .mode(SaveMode.Overwrite)
        .option("replaceWhere", predicate)
        .save(path);
  }

  /** Deletes the rows matching {@code predicate}. */
  public static void delete(SparkSession spark, String path, String predicate) {
    DeltaTable.forPath(spark, path).delete(predicate);
  }

  public static Dataset<Row> read(SparkSession spark, String path) {
    return spark.read().format("delta").load(path);
  }

  /**
   * The table as the last run of a date before {@code runDate} left it, or null: the latest version
   * committed by {@link #overwriteSnapshot} or {@link #replaceRunDate} for an earlier date (Delta
   * time travel).
   */
  public static Dataset<Row> lastRunBefore(SparkSession spark, String path, LocalDate runDate) {
    if (!exists(spark, path)) {
      return null;
    }
    Row latest =
        DeltaTable.forPath(spark, path)
            .history()
            .where(col("userMetadata").startsWith(RUN_DATE_META))
            .where(
                col("userMetadata").substr(RUN_DATE_META.length() + 1, 10).lt(runDate.toString()))
            .agg(max("version"))
            .first();
    if (latest.isNullAt(0)) {
      return null;
    }
    return spark.read().format("delta").option("versionAsOf", latest.getLong(0)).load(path);
  }

  /** When the table's latest commit was made, or null when there is no table. */
  public static Instant lastCommitTime(SparkSession spark, String path) {
    if (!exists(spark, path)) {
      return null;
    }
    Row last = DeltaTable.forPath(spark, path).history(1).select("timestamp").first();
    return last.getTimestamp(0).toInstant();
  }

  public static boolean exists(SparkSession spark, String path) {
    return DeltaTable.isDeltaTable(spark, path);
  }

  private static DataFrameWriter<Row> overwriting(Dataset<Row> frame) {
    return frame.write().format("delta").mode(SaveMode.Overwrite).option("overwriteSchema", "true");
  }
}
