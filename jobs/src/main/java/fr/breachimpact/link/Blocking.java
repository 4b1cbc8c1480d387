package fr.breachimpact.link;

import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.element_at;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.expr;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.when;
import static org.apache.spark.sql.functions.xxhash64;

import fr.breachimpact.spark.KeyBloomFilter;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.expressions.WindowSpec;
import scala.collection.JavaConverters;

/**
 * Candidate pairs: the union of the blocking rules of the settings ({@link BlockingKeys}), each an
 * equi-join on a narrow key (ids and key only), deduplicated. A key value held by more than {@code
 * maxBlockSize} customers, or whose block would pair more than {@code maxBlockPairs} leaked records
 * and customers, is skipped, so no partition holds a whole "Martin" block and the pairs do not grow
 * with the square of the data: the other rules still reach those records.
 */
public final class Blocking {
  private Blocking() {}

  /**
   * The name of the rule whose index {@code rule} holds (pairs keep the index, tables the name).
   */
  public static Column ruleName(Column rule, List<String> names) {
    return element_at(array(names.stream().map(n -> lit(n)).toArray(Column[]::new)), rule.plus(1));
  }

  /**
   * Candidate pairs {@code (l_record_id, r_brand, r_customer_id, rule, rules)}, {@code rule} the
   * index of the first rule that found the pair, {@code rules} the bit set of all of them.
   *
   * <p>Every rule's keys go into one frame per side, as {@code (rule, 64-bit hash of the key)}: one
   * shuffle per side and one join for all rules, sorting longs rather than strings. The hash covers
   * the rule's index, so that a Bloom filter of the leaked keys can drop the customer keys no
   * record shares before the shuffle. A hash collision (about one in 10^10 for millions of keys)
   * only adds a candidate pair, which the comparison then scores like any other.
   */
  public static Dataset<Row> pairs(
      Dataset<Row> leaked,
      Dataset<Row> customers,
      List<BlockingRule> rules,
      int maxBlockSize,
      long maxBlockPairs) {
    Dataset<Row> left = null;
    Dataset<Row> right = null;
    for (int i = 0; i < rules.size(); i++) {
      BlockingRule rule = rules.get(i);
      Column leftKey = rule.leftIsArray() ? explode(rule.leftKey()) : rule.leftKey();
      Column rightKey = rule.rightIsArray() ? explode(rule.rightKey()) : rule.rightKey();
      Dataset<Row> l =
          leaked
              .select(col("l_record_id"), leftKey.as("_key"))
              .where(col("_key").isNotNull())
              .select(
                  col("l_record_id"), lit(i).as("rule"), xxhash64(lit(i), col("_key")).as("_bk"));
      Dataset<Row> r =
          customers
              .select(col("r_brand"), col("r_customer_id"), rightKey.as("_key"))
              .where(col("_key").isNotNull())
              .select(
                  col("r_brand"),
                  col("r_customer_id"),
                  lit(i).as("rule"),
                  xxhash64(lit(i), col("_key")).as("_bk"));
      left = left == null ? l : left.unionAll(l);
      right = right == null ? r : right.unionAll(r);
    }
    // Most customer keys are held by no leaked record and cannot pair: a Bloom filter of the
    // leaked keys drops them before the shuffle. A key passes or fails whole, so the block sizes
    // counted below stay exact.
    right = KeyBloomFilter.narrow(right, col("_bk"), left, col("_bk"), left.count());
    // The windows' partitioning on the key is the one the join needs: one shuffle per side.
    WindowSpec block = Window.partitionBy(col("rule"), col("_bk"));
    Column bound = lit(maxBlockSize);
    for (int i = 0; i < rules.size(); i++) {
      if (rules.get(i).maxBlockSize() != null) {
        bound = when(col("rule").equalTo(i), lit(rules.get(i).maxBlockSize())).otherwise(bound);
      }
    }
    Dataset<Row> customerBlocks =
        right.withColumn("_rn", count(lit(1)).over(block)).where(col("_rn").leq(bound));
    Dataset<Row> leakedBlocks = left.withColumn("_ln", count(lit(1)).over(block));
    return leakedBlocks
        .join(customerBlocks, JavaConverters.asScalaBuffer(List.of("rule", "_bk")).toSeq())
        .where(col("_ln").multiply(col("_rn")).leq(maxBlockPairs))
        .groupBy("l_record_id", "r_brand", "r_customer_id")
        .agg(min("rule").as("rule"), expr("bit_or(shiftleft(1L, rule))").as("rules"));
  }
}
