package fr.breachimpact.cli;

import fr.breachimpact.classify.Classifier;
import fr.breachimpact.config.LoadedConfig;
import fr.breachimpact.ingest.InputException;
import fr.breachimpact.normalize.RecordNormalizer;
import fr.breachimpact.spark.SparkSessions;
import io.delta.tables.DeltaTable;
import java.util.concurrent.Callable;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * Stage 2: {@code leaked_records} -> normalise -> classify -> {@code leaked_records_clean},
 * overwritten whole: the output is a function of the input and the run date only. The customer
 * master is normalised by the customers stage ({@link CustomersCommand}).
 */
@Command(
    name = "classify",
    mixinStandardHelpOptions = true,
    description = "Normalise identifiers and classify data categories (leaked_records_clean).")
public final class ClassifyCommand implements Callable<Integer> {
  private static final Logger LOG = LoggerFactory.getLogger(ClassifyCommand.class);

  @Mixin JobOptions options;

  @Override
  public Integer call() {
    LoadedConfig config = LoadedConfig.load(options.config());
    SparkSession spark = SparkSessions.create("breach-impact classify", config);
    try (var progress = fr.breachimpact.spark.StageProgress.start(spark, "classify")) {
      run(spark, config, normalizer(options.runDate()));
    }
    return ExitCode.OK;
  }

  /**
   * The normaliser of a run date. Its reference date (the latest possible birth date, the pivot of
   * two-digit years) is the first day of the run's month, so that the nightly run recomputes this
   * stage at most once a month when nothing else changed.
   */
  public static RecordNormalizer normalizer(java.time.LocalDate runDate) {
    return new RecordNormalizer(runDate.withDayOfMonth(1));
  }

  /** The job without its command line, for the nightly pipeline and tests. */
  public static void run(SparkSession spark, LoadedConfig config, RecordNormalizer normalizer) {
    String leaked = config.lakeTable("leaked_records");
    if (!DeltaTable.isDeltaTable(spark, leaked)) {
      throw new InputException(leaked + ": no Delta table leaked_records (run ingest first)");
    }
    long started = System.nanoTime();
    Dataset<Row> clean =
        spark
            .read()
            .format("delta")
            .load(leaked)
            .transform(normalizer::normalize)
            .transform(new Classifier()::classify);
    long rows = write(spark, clean, config.lakeTable("leaked_records_clean"));
    LOG.info(
        "stage=classify table=leaked_records_clean rows={} seconds={}", rows, seconds(started));
  }

  /** Overwrites the table and returns the rows written, from the Delta log (no second scan). */
  static long write(SparkSession spark, Dataset<Row> frame, String path) {
    frame.write().format("delta").mode("overwrite").option("overwriteSchema", "true").save(path);
    Row last = DeltaTable.forPath(spark, path).history(1).select("operationMetrics").first();
    java.util.Map<String, String> metrics = last.getJavaMap(0);
    return Long.parseLong(metrics.getOrDefault("numOutputRows", "-1"));
  }

  static String seconds(long startedNanos) {
    return String.format(java.util.Locale.ROOT, "%.1f", (System.nanoTime() - startedNanos) / 1e9);
  }
}
