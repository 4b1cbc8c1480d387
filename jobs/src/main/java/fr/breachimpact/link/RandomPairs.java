package fr.breachimpact.link;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.pmod;
import static org.apache.spark.sql.functions.xxhash64;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * A seeded sample of the leaked x customers space without a cartesian product: each side keeps a
 * hashed share of its rows and gets a hashed bucket; pairs are the rows sharing a bucket. Same
 * seed and input, same pairs, whatever the partitioning.
 *
 * <p>Each kept row meets about {@link #PAIRS_PER_ROW} rows of the other side, so that a million
 * pairs come from some 31,000 rows of each side rather than from every leaked record and half
 * the customers: only those rows are shuffled. Every pair is still a uniformly drawn pair of the
 * space (what u needs); Splink draws its u sample the same way, from a sample of rows.
 */
public final class RandomPairs {
  /** Rows of the other side each kept row is paired with, on average. */
  static final long PAIRS_PER_ROW = 32;

  private RandomPairs() {}

  /**
   * About {@code target} pairs {@code (l_*, r_*, rule = -1)} drawn from the two sides.
   *
   * @param leakedCount rows of {@code leaked}
   * @param customerCount rows of {@code customers}
   */
  public static Dataset<Row> sample(
      Dataset<Row> leaked,
      Dataset<Row> customers,
      long leakedCount,
      long customerCount,
      long target,
      long seed) {
    long[] kept = rowsKept(leakedCount, customerCount, target);
    long keepL = kept[0];
    long keepC = kept[1];
    long buckets = Math.max(1, Math.round((double) keepL * keepC / target));
    Dataset<Row> l =
        leaked
            .where(pmod(xxhash64(lit(seed), col("l_record_id")), lit(Math.max(1, leakedCount))).lt(keepL))
            .withColumn("_u", pmod(xxhash64(lit(seed + 1), col("l_record_id")), lit(buckets)));
    Dataset<Row> r =
        customers
            .where(
                pmod(xxhash64(lit(seed + 2), col("r_brand"), col("r_customer_id")), lit(Math.max(1, customerCount)))
                    .lt(keepC))
            .withColumn("_u", pmod(xxhash64(lit(seed + 3), col("r_brand"), col("r_customer_id")), lit(buckets)));
    return l.join(r, "_u").drop("_u").withColumn("rule", lit(-1)).withColumn("rules", lit(0L));
  }

  /**
   * Rows kept on each side, {@code {leaked, customers}}: about {@code target / PAIRS_PER_ROW}
   * each, a side smaller than that whole, and the other side more where the two would not give
   * {@code target} pairs (a small incident against millions of customers).
   */
  static long[] rowsKept(long leakedCount, long customerCount, long target) {
    long rowsPerSide = Math.max(1, target / PAIRS_PER_ROW);
    long keepL = Math.min(leakedCount, Math.max(rowsPerSide, target / Math.max(1, Math.min(customerCount, rowsPerSide))));
    long keepC = Math.min(customerCount, Math.max(rowsPerSide, target / Math.max(1, keepL)));
    return new long[] {keepL, keepC};
  }
}
