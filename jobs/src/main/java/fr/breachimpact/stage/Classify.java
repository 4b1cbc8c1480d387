package fr.breachimpact.stage;

import fr.breachimpact.classify.Classifier;
import fr.breachimpact.ingest.InputException;
import fr.breachimpact.normalize.RecordNormalizer;
import fr.breachimpact.spark.Tables;
import io.delta.tables.DeltaTable;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code leaked_records} -> normalise -> classify -> {@code leaked_records_clean}, overwritten
 * whole: the output is a function of the input and the run date only. The customer master is
 * normalised by the customers stage ({@link Customers}).
 */
public final class Classify implements Stage {
  public static final String NAME = "classify";

  private static final Logger LOG = LoggerFactory.getLogger(Classify.class);

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public List<String> reads() {
    return List.of(Tables.LEAKED_RECORDS);
  }

  @Override
  public List<String> writes() {
    return List.of(Tables.LEAKED_RECORDS_CLEAN);
  }

  @Override
  public void run(StageContext context) {
    classify(context, normalizer(context.runDate()));
  }

  /**
   * The normaliser of a run date. Its reference date (the latest possible birth date, the pivot of
   * two-digit years) is the first day of the run's month, so that the nightly run recomputes this
   * stage at most once a month when nothing else changed.
   */
  public static RecordNormalizer normalizer(LocalDate runDate) {
    return new RecordNormalizer(runDate.withDayOfMonth(1));
  }

  /** The stage with a given normaliser: for the tests. */
  public static void classify(StageContext context, RecordNormalizer normalizer) {
    SparkSession spark = context.spark();
    String leaked = context.table(Tables.LEAKED_RECORDS);
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
    long rows = write(spark, clean, context.table(Tables.LEAKED_RECORDS_CLEAN));
    LOG.info(
        "stage=classify table=leaked_records_clean rows={} seconds={}", rows, seconds(started));
  }

  /** Overwrites the table and returns the rows written, from the Delta log (no second scan). */
  static long write(SparkSession spark, Dataset<Row> frame, String path) {
    frame.write().format("delta").mode("overwrite").option("overwriteSchema", "true").save(path);
    Row last = DeltaTable.forPath(spark, path).history(1).select("operationMetrics").first();
    Map<String, String> metrics = last.getJavaMap(0);
    return Long.parseLong(metrics.getOrDefault("numOutputRows", "-1"));
  }

  static String seconds(long startedNanos) {
    return String.format(Locale.ROOT, "%.1f", (System.nanoTime() - startedNanos) / 1e9);
  }
}
