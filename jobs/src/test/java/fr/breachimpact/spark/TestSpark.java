package fr.breachimpact.spark;

import org.apache.spark.sql.SparkSession;

/**
 * The one SparkSession of the test JVM: local[2], few shuffle partitions, no UI. Every test class
 * takes it from here; nobody stops it (the JVM's end does).
 */
public final class TestSpark {
  private static SparkSession session;

  private TestSpark() {}

  public static synchronized SparkSession session() {
    if (session == null) {
      session =
          SparkSession.builder()
              .master("local[2]")
              .appName("breach-impact-tests")
              .config("spark.ui.enabled", "false")
              .config("spark.sql.shuffle.partitions", "2")
              .config("spark.default.parallelism", "2")
              .config("spark.driver.host", "127.0.0.1")
              .config("spark.driver.bindAddress", "127.0.0.1")
              .config("spark.sql.session.timeZone", "UTC")
              .config("spark.sql.extensions", "io.delta.sql.DeltaSparkSessionExtension")
              .config(
                  "spark.sql.catalog.spark_catalog",
                  "org.apache.spark.sql.delta.catalog.DeltaCatalog")
              .config("spark.sql.parquet.outputTimestampType", "TIMESTAMP_MICROS")
              .config("spark.sql.sources.partitionOverwriteMode", "dynamic")
              .config("spark.databricks.delta.snapshotPartitions", "2")
              // The JVM runs the same stages many times over: Spark's cache of compiled generated
              // classes (100 by default) evicted them between runs and Janino compiled them again
              // (NightlyRunTest 0.85 and 0.90 of its time, docs/benchmarks.md).
              .config("spark.sql.codegen.cache.maxEntries", "2000")
              .getOrCreate();
      session.sparkContext().setLogLevel("ERROR");
    }
    return session;
  }
}
