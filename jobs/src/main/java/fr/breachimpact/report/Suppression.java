package fr.breachimpact.report;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.when;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Small-cell suppression for analyst-facing aggregates: a count from 1 to k - 1 becomes null and
 * the row's {@code suppressed} flag is set, and so do the figures computed from it (a share times a
 * known base would give the count back). Zero stays: it singles nobody out.
 *
 * <p>Complementary suppression: where shown figures add up to another shown figure (parts and their
 * total), hiding one small part is not enough, since the total minus the other parts gives it back.
 * More parts (the smallest first), or the total, are hidden until what the shown figures still give
 * away, the sum of the hidden parts, is zero or at least k.
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

  /** Which parts of a total, and whether the total itself, are to be hidden. */
  public record Hidden(Set<Integer> parts, boolean total) {
    public boolean part(int i) {
      return parts.contains(i);
    }
  }

  /**
   * Complementary suppression of parts that add up to a shown total: the small parts, then the
   * smallest other non-zero parts until the hidden parts sum to k or more (the total minus the
   * shown parts then gives only that sum); the total itself when no part is left to hide, or when
   * it is small.
   */
  public static Hidden complement(List<Long> parts, long total, int k) {
    Set<Integer> hidden = new TreeSet<>();
    long hiddenSum = 0;
    for (int i = 0; i < parts.size(); i++) {
      if (isSmall(parts.get(i), k)) {
        hidden.add(i);
        hiddenSum += parts.get(i);
      }
    }
    while (hiddenSum > 0 && hiddenSum < k) {
      int next = -1;
      for (int i = 0; i < parts.size(); i++) {
        if (!hidden.contains(i)
            && parts.get(i) > 0
            && (next < 0 || parts.get(i) < parts.get(next))) {
          next = i;
        }
      }
      if (next < 0) {
        return new Hidden(Set.copyOf(hidden), true);
      }
      hidden.add(next);
      hiddenSum += parts.get(next);
    }
    return new Hidden(Set.copyOf(hidden), isSmall(total, k));
  }

  /**
   * @param counts count column to the derived columns nulled with it
   */
  public static Dataset<Row> apply(Dataset<Row> df, int k, Map<String, List<String>> counts) {
    Map<String, Column> hide = new LinkedHashMap<>();
    counts.keySet().forEach(c -> hide.put(c, small(col(c), k)));
    return apply(df, hide, counts);
  }

  /**
   * @param hide count column to the condition that hides it (small, or complementary)
   * @param counts count column to the derived columns nulled with it
   */
  public static Dataset<Row> apply(
      Dataset<Row> df, Map<String, Column> hide, Map<String, List<String>> counts) {
    // The conditions first, as columns: they read counts that the nulling below replaces.
    Dataset<Row> out = df;
    Column any = lit(false);
    for (Map.Entry<String, Column> e : hide.entrySet()) {
      out = out.withColumn("_hide_" + e.getKey(), coalesce(e.getValue(), lit(false)));
      any = any.or(col("_hide_" + e.getKey()));
    }
    out = out.withColumn("suppressed", any);
    for (Map.Entry<String, List<String>> e : counts.entrySet()) {
      for (String derived : e.getValue()) {
        out =
            out.withColumn(
                derived, when(col("_hide_" + e.getKey()), lit(null)).otherwise(col(derived)));
      }
    }
    for (String c : hide.keySet()) {
      out =
          out.withColumn(c, when(col("_hide_" + c), lit(null)).otherwise(col(c)))
              .drop("_hide_" + c);
    }
    return out;
  }
}
