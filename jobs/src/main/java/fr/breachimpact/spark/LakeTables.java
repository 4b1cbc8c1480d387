package fr.breachimpact.spark;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;

/** Reading and writing the Delta tables of the restricted zone. */
public final class LakeTables {
  private LakeTables() {}

  /** Replaces the table's content in one Delta commit: readers see the old or the new, never half. */
  public static void overwrite(Dataset<Row> frame, String path) {
    frame.write().format("delta").mode(SaveMode.Overwrite).option("overwriteSchema", "true").save(path);
  }

  public static Dataset<Row> read(SparkSession spark, String path) {
    return spark.read().format("delta").load(path);
  }

  public static boolean exists(SparkSession spark, String path) {
    return io.delta.tables.DeltaTable.isDeltaTable(spark, path);
  }
}
