package fr.breachimpact.link;

import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.pmod;
import static org.apache.spark.sql.functions.xxhash64;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * A seeded sample of the leaked x customers space without a cartesian product: each side keeps a
 * hashed share of its rows and gets a hashed bucket; pairs are the rows sharing a bucket. Same seed
 * and input, same pairs, whatever the partitioning.
 *
 * <p>Each kept row meets about {@link #PAIRS_PER_ROW} rows of the other side, so that a million
 * pairs come from some 31,000 rows of each side rather than from every leaked record and half the
 * customers: only those rows are shuffled. Every pair is still a uniformly drawn pair of the space
 * (what u needs); Splink draws its u sample the same way, from a sample of rows.
 */
public final class RandomPairs {
  /** Rows of the other side each kept row is paired with, on average. */
  static final long PAIRS_PER_ROW = 32;

  private RandomPairs() {}

  /**
   * About {@code target} pairs {@code (l_*, r_*, rule = -1)} drawn from the two sides.
   *
   * @param leftId a left row's id, hashed to sample it
   * @param rightId a right row's id columns
   * @param leftCount rows of {@code left}
   * @param rightCount rows of {@code right}
   */
  public static Dataset<Row> sample(
      Dataset<Row> left,
      Dataset<Row> right,
      Column leftId,
      List<Column> rightId,
      long leftCount,
      long rightCount,
      long target,
      long seed) {
    long[] kept = rowsKept(leftCount, rightCount, target);
    long keepL = kept[0];
    long keepC = kept[1];
    long buckets = Math.max(1, Math.round((double) keepL * keepC / target));
    Dataset<Row> l =
        left.where(pmod(xxhash64(lit(seed), leftId), lit(Math.max(1, leftCount))).lt(keepL))
            .withColumn("_u", pmod(xxhash64(lit(seed + 1), leftId), lit(buckets)));
    Dataset<Row> r =
        right
            .where(
                pmod(xxhash64(seeded(seed + 2, rightId)), lit(Math.max(1, rightCount))).lt(keepC))
            .withColumn("_u", pmod(xxhash64(seeded(seed + 3, rightId)), lit(buckets)));
    return l.join(r, "_u").drop("_u").withColumn("rule", lit(-1)).withColumn("rules", lit(0L));
  }

  private static Column[] seeded(long seed, List<Column> ids) {
    List<Column> cols = new ArrayList<>();
    cols.add(lit(seed));
    cols.addAll(ids);
    return cols.toArray(new Column[0]);
  }

  /**
   * Rows kept on each side, {@code {leaked, customers}}: about {@code target / PAIRS_PER_ROW} each,
   * a side smaller than that whole, and the other side more where the two would not give {@code
   * target} pairs (a small incident against millions of customers).
   */
  static long[] rowsKept(long leakedCount, long customerCount, long target) {
    long rowsPerSide = Math.max(1, target / PAIRS_PER_ROW);
    long keepL =
        Math.min(
            leakedCount,
            Math.max(rowsPerSide, target / Math.max(1, Math.min(customerCount, rowsPerSide))));
    long keepC = Math.min(customerCount, Math.max(rowsPerSide, target / Math.max(1, keepL)));
    return new long[] {keepL, keepC};
  }
}
