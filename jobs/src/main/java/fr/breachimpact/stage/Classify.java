package fr.breachimpact.stage;

import fr.breachimpact.classify.Classifier;
import fr.breachimpact.ingest.InputException;
import fr.breachimpact.normalize.RecordNormalizer;
import fr.breachimpact.spark.Tables;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code leaked_records} -> normalise -> classify -> {@code leaked_records_clean}, overwritten
 * whole: the output is a function of the input and the run date only, row by row, so that the
 * records of changed incidents can be classified alone ({@link #runIncidents}). The customer master
 * is normalised by the customers stage ({@link Customers}).
 */
public final class Classify implements IncidentScoped {
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
   * Classifies the records of the added and replaced incidents only, replacing theirs in one
   * commit, and deletes those of removed incidents: each row depends on its input row and the run
   * month alone, so the table is then the one a full run writes.
   */
  @Override
  public DeltaRun runIncidents(StageContext context, IncidentDelta delta) {
    if (!context.exists(Tables.LEAKED_RECORDS_CLEAN)) {
      return DeltaRun.refused(Tables.LEAKED_RECORDS_CLEAN + " is missing");
    }
    long started = System.nanoTime();
    long rows = 0;
    if (!delta.reread().isEmpty()) {
      String predicate = Ingest.incidentPredicate(delta.reread());
      Dataset<Row> clean =
          context
              .read(Tables.LEAKED_RECORDS)
              .where(predicate)
              .transform(normalizer(context.runDate())::normalize)
              .transform(new Classifier()::classify);
      context.replaceWhere(clean, Tables.LEAKED_RECORDS_CLEAN, predicate);
      rows = context.read(Tables.LEAKED_RECORDS_CLEAN).where(predicate).count();
    }
    if (!delta.removed().isEmpty()) {
      context.delete(Tables.LEAKED_RECORDS_CLEAN, Ingest.incidentPredicate(delta.removed()));
    }
    LOG.info(
        "stage=classify table=leaked_records_clean incremental rows={} seconds={}",
        rows,
        seconds(started));
    return DeltaRun.done("classified the records of " + delta.describe() + " (" + rows + " rows)");
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
    if (!context.exists(Tables.LEAKED_RECORDS)) {
      throw new InputException(
          context.table(Tables.LEAKED_RECORDS)
              + ": no Delta table leaked_records (run ingest first)");
    }
    long started = System.nanoTime();
    Dataset<Row> clean =
        context
            .read(Tables.LEAKED_RECORDS)
            .transform(normalizer::normalize)
            .transform(new Classifier()::classify);
    long rows = context.overwriteCounted(clean, Tables.LEAKED_RECORDS_CLEAN);
    LOG.info(
        "stage=classify table=leaked_records_clean rows={} seconds={}", rows, seconds(started));
  }

  static String seconds(long startedNanos) {
    return String.format(Locale.ROOT, "%.1f", (System.nanoTime() - startedNanos) / 1e9);
  }
}
