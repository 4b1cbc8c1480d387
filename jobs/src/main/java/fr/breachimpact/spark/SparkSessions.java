package fr.breachimpact.spark;

import fr.breachimpact.config.LoadedConfig;
import fr.breachimpact.security.RestrictedZoneEncryption;
import java.util.HashMap;
import java.util.Map;
import org.apache.spark.SparkConf;
import org.apache.spark.sql.SparkSession;

/**
 * Builds the SparkSession of a job. Under {@code spark-submit} the master and resources come from
 * the submit command; a local run (scripts/run.sh, tests) gets {@code local[*]}.
 */
public final class SparkSessions {
  private SparkSessions() {}

  /** Stops the session of this process if there is one: at the very end of main only. */
  public static void stopActive() {
    SparkSession.getDefaultSession()
        .foreach(
            s -> {
              s.stop();
              return null;
            });
  }

  /**
   * The session of a job run from a config: its {@code spark} map, plus the settings that encrypt
   * the restricted zone when its {@code encryption} section says so (checked before any write).
   */
  public static SparkSession create(String appName, LoadedConfig config) {
    Map<String, String> session = RestrictedZoneEncryption.settings(config, System.getenv());
    Map<String, String> extra = new HashMap<>(config.config().spark());
    if (!session.isEmpty()) {
      // Shuffle, spill and cached blocks hold the same data on local disk: encrypt them too
      // (takes effect when this call creates the SparkContext, as under spark-submit).
      extra.putIfAbsent("spark.io.encryption.enabled", "true");
    }
    SparkSession spark = create(appName, extra);
    // Runtime settings reach every read and write's Hadoop configuration (Delta's included), even
    // when the session already existed before this command.
    // A session shared by several commands (tests, nightly) follows the config of each one.
    RestrictedZoneEncryption.settingNames().forEach(spark.conf()::unset);
    session.forEach(spark.conf()::set);
    return spark;
  }

  /** The process's session: created on first use, shared by every stage of one command line. */
  public static SparkSession create(String appName, Map<String, String> extra) {
    SparkConf conf = new SparkConf(true);
    if (!conf.contains("spark.master")) {
      conf.setMaster("local[*]");
      conf.setIfMissing("spark.sql.shuffle.partitions", "8");
      conf.setIfMissing("spark.ui.enabled", "false");
      conf.setIfMissing("spark.driver.host", "127.0.0.1");
      conf.setIfMissing("spark.driver.bindAddress", "127.0.0.1");
      // Delta rebuilds a table's state from its log with a 50-partition shuffle on every read
      // and write: on a laptop's few cores that is most of the fixed cost of a small query.
      conf.setIfMissing("spark.databricks.delta.snapshotPartitions", "2");
      // Cached frames kept as plain columns: building a compressed cache tries every encoding on
      // every value, which on two cores cost more than the memory it saved (measured on resolve's
      // parties, docs/benchmarks-history.md).
      // A cluster keeps Spark's default: there memory is what runs short.
      conf.setIfMissing("spark.sql.inMemoryColumnarStorage.compressed", "false");
    }
    conf.setIfMissing("spark.sql.extensions", "io.delta.sql.DeltaSparkSessionExtension");
    conf.setIfMissing(
        "spark.sql.catalog.spark_catalog", "org.apache.spark.sql.delta.catalog.DeltaCatalog");
    conf.setIfMissing("spark.sql.session.timeZone", "UTC");
    // Parquet timestamps that any reader (DuckDB, pandas, Trino) understands.
    conf.setIfMissing("spark.sql.parquet.outputTimestampType", "TIMESTAMP_MICROS");
    conf.setIfMissing("spark.sql.sources.partitionOverwriteMode", "dynamic");
    // A sort-merge join whose build side fits in 128 MB per partition (known once the shuffle has
    // run) becomes a shuffled hash join: no sort of either side (the benchmark's deterministic key
    // join, docs/benchmarks-history.md).
    conf.setIfMissing("spark.sql.adaptive.maxShuffledHashJoinLocalMapThreshold", "128MB");
    // HotSpot never compiles a method above 8,000 bytes of bytecode: whole-stage code generation
    // of normalise + classify makes one of 20,219 bytes, which then runs interpreted. Above the
    // limit Spark evaluates the stage with per-expression code split into small methods (as
    // Spark's own documentation advises for HotSpot); measured with NormalizeBenchmark
    // (docs/benchmarks-history.md).
    conf.setIfMissing("spark.sql.codegen.hugeMethodLimit", "8000");
    extra.forEach(conf::set);
    SparkSession session = SparkSession.builder().appName(appName).config(conf).getOrCreate();
    // At run time, so that a session shared by several commands (nightly, tests) has it too; a
    // config's spark map may still ask for statistics.
    if (!extra.containsKey(LakeTables.COLUMN_STATISTICS)) {
      session.conf().set(LakeTables.COLUMN_STATISTICS, "0");
    }
    session.sparkContext().setLogLevel("WARN");
    return session;
  }
}
