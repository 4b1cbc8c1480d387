package fr.breachimpact.link;

import static org.apache.spark.sql.functions.current_timestamp;

import fr.breachimpact.ingest.InputException;
import fr.breachimpact.spark.LakeTables;
import fr.breachimpact.spark.Tables;
import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructType;

/**
 * The rows of each customer extract at its last load (lake table {@code customer_files}), and the
 * guard that stops a load whose extract lost more than {@code customers_max_shrink} of them: a
 * truncated extract (an export cut short, a half-copied file) would otherwise drop customers from
 * the notification lists without a word.
 */
public final class CustomerExtractCounts {
  public static final String TABLE = Tables.CUSTOMER_FILES;

  private static final StructType SCHEMA =
      new StructType()
          .add("source", "string", false)
          .add("rows", "long", false)
          .add("run_date", "date", true);

  /** One configured extract: {@code customers[index]}, its path as configured, its rows now. */
  public record Extract(int index, String source, long rows) {}

  private CustomerExtractCounts() {}

  /** Rows by source (path as configured) at the last load; empty before the first one. */
  public static Map<String, Long> previous(SparkSession spark, String table) {
    Map<String, Long> rows = new HashMap<>();
    if (!LakeTables.exists(spark, table)) {
      return rows;
    }
    for (Row r : LakeTables.read(spark, table).select("source", "rows").collectAsList()) {
      rows.put(r.getString(0), r.getLong(1));
    }
    return rows;
  }

  /**
   * Throws (exit 3) at the first extract that shrank by more than {@code maxShrink} of its rows at
   * the previous load; a new extract, or one that was empty, passes.
   */
  public static void requireNoShrink(
      List<Extract> now, Map<String, Long> before, double maxShrink) {
    Map<String, Long> rows = bySource(now);
    for (Extract e : now) {
      Long was = before.get(e.source());
      long is = rows.get(e.source());
      if (was == null || was == 0) {
        continue;
      }
      double lost = (was - is) / (double) was;
      if (lost > maxShrink) {
        throw new InputException(
            String.format(
                Locale.ROOT,
                "customers[%d].path %s: %d rows, %d at the previous load: shrank by %.1f %%, more than customers_max_shrink=%s"
                    + " (a truncated extract? if the drop is real, raise customers_max_shrink for one run)",
                e.index(),
                e.source(),
                is,
                was,
                100 * lost,
                maxShrink));
      }
    }
  }

  /** Rows per source path (summed where one path is configured twice). */
  private static Map<String, Long> bySource(List<Extract> extracts) {
    Map<String, Long> bySource = new TreeMap<>();
    extracts.forEach(e -> bySource.merge(e.source(), e.rows(), Long::sum));
    return bySource;
  }

  /** Replaces the counts with this load's, once its customers are written. */
  public static void save(
      SparkSession spark, String table, List<Extract> extracts, LocalDate runDate) {
    List<Row> rows = new ArrayList<>();
    bySource(extracts)
        .forEach(
            (source, n) ->
                rows.add(
                    RowFactory.create(source, n, runDate == null ? null : Date.valueOf(runDate))));
    LakeTables.overwrite(
        spark.createDataFrame(rows, SCHEMA).withColumn("loaded_at", current_timestamp()), table);
  }
}
