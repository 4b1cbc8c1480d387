package fr.breachimpact.spark;

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

  private LakeTables() {}

  /**
   * Replaces the table's content in one Delta commit: readers see the old or the new, never half.
   */
  public static void overwrite(Dataset<Row> frame, String path) {
    frame
        .write()
        .format("delta")
        .mode(SaveMode.Overwrite)
        .option("overwriteSchema", "true")
        .save(path);
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
    io.delta.tables.DeltaTable.forPath(spark, path).delete(predicate);
  }

  public static Dataset<Row> read(SparkSession spark, String path) {
    return spark.read().format("delta").load(path);
  }

  public static boolean exists(SparkSession spark, String path) {
    return io.delta.tables.DeltaTable.isDeltaTable(spark, path);
  }
}
