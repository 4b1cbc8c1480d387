package fr.breachimpact.report;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.when;

import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Small-cell suppression for analyst-facing aggregates: a count from 1 to k - 1 becomes null and
 * the row's {@code suppressed} flag is set, and so do the figures computed from it (a share
 * times a known base would give the count back). Zero stays: it singles nobody out.
 */
public final class Suppression {
  private Suppression() {}

  /** True when a count would single out fewer than k people. */
  public static boolean isSmall(long count, int k) {
    return count > 0 && count < k;
  }

  public static Column small(Column count, int k) {
    return count.gt(0).and(count.lt(k));
  }

  /**
   * @param counts count column to the derived columns nulled with it
   */
  public static Dataset<Row> apply(Dataset<Row> df, int k, Map<String, List<String>> counts) {
    Column any = lit(false);
    for (String c : counts.keySet()) {
      any = any.or(when(small(col(c), k), true).otherwise(false));
    }
    Dataset<Row> out = df.withColumn("suppressed", any);
    // Derived columns first, while the counts they depend on are still there.
    for (Map.Entry<String, List<String>> e : counts.entrySet()) {
      for (String derived : e.getValue()) {
        out = out.withColumn(derived, when(small(col(e.getKey()), k), lit(null)).otherwise(col(derived)));
      }
    }
    for (String c : counts.keySet()) {
      out = out.withColumn(c, when(small(col(c), k), lit(null)).otherwise(col(c)));
    }
    return out;
  }
}
