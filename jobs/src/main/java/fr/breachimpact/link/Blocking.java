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
import scala.collection.Seq;

/**
 * Candidate pairs: the union of the blocking rules of the settings ({@link BlockingKeys}), each an
 * equi-join on a narrow key (ids and key only), deduplicated. A key value held by more than {@code
 * maxBlockSize} customers, or whose block would pair more than {@code maxBlockPairs} leaked records
 * and customers, is skipped, so no partition holds a whole "Martin" block and the pairs do not grow
 * with the square of the data: the other rules still reach those records.
 */
public final class Blocking {
  private static final Seq<String> BLOCK_COLUMNS =
      JavaConverters.asScalaBuffer(List.of("rule", "_bk")).toSeq();
  private static final Seq<String> BLOCK_ID =
      JavaConverters.asScalaBuffer(List.of("l_record_id")).toSeq();
  private static final WindowSpec BLOCK = Window.partitionBy(col("rule"), col("_bk"));

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
    Dataset<Row> left = leakedKeys(leaked, rules);
    // The window's partitioning on the key is the one the join needs: one shuffle per side.
    Dataset<Row> leakedBlocks = left.withColumn("_ln", count(lit(1)).over(BLOCK));
    return pairsOf(leakedBlocks, left, customers, rules, maxBlockSize, maxBlockPairs);
  }

  /**
   * The candidate pairs of a part of the leaked records, equal to those of the whole: each block's
   * size is counted on {@code allKeys}, the key rows of every leaked record ({@link #leakedKeys}).
   */
  public static Dataset<Row> pairsOfPart(
      Dataset<Row> partKeys,
      Dataset<Row> allKeys,
      Dataset<Row> customers,
      List<BlockingRule> rules,
      int maxBlockSize,
      long maxBlockPairs) {
    Dataset<Row> leakedBlocks = partKeys.join(blockSizes(allKeys, partKeys), BLOCK_COLUMNS);
    return pairsOf(leakedBlocks, partKeys, customers, rules, maxBlockSize, maxBlockPairs);
  }

  /**
   * The earlier records whose candidate pairs the added ones change, as {@code l_record_id}: those
   * holding a key whose block the added records push past {@code maxBlockPairs} (a block of
   * customers too large alone is skipped before and after). A record in no such block keeps the
   * pairs, hence the matches, it had.
   *
   * @param allKeys the key rows of every leaked record, the added ones among them
   * @param addedKeys those of the added records
   */
  public static Dataset<Row> shiftedRecords(
      Dataset<Row> allKeys,
      Dataset<Row> addedKeys,
      Dataset<Row> customers,
      List<BlockingRule> rules,
      int maxBlockSize,
      long maxBlockPairs) {
    Dataset<Row> added = addedKeys.groupBy("rule", "_bk").agg(count(lit(1)).as("_added"));
    Dataset<Row> customerBlocks =
        customerKeys(customers, rules, addedKeys)
            .groupBy("rule", "_bk")
            .agg(count(lit(1)).as("_rn"))
            .where(col("_rn").leq(blockBound(rules, maxBlockSize)));
    Column before = col("_ln").minus(col("_added"));
    Dataset<Row> shifted =
        blockSizes(allKeys, addedKeys)
            .join(added, BLOCK_COLUMNS)
            .join(customerBlocks, BLOCK_COLUMNS)
            .where(
                before
                    .gt(0)
                    .and(before.multiply(col("_rn")).leq(maxBlockPairs))
                    .and(col("_ln").multiply(col("_rn")).gt(maxBlockPairs)))
            .select("rule", "_bk");
    return allKeys
        .join(shifted, BLOCK_COLUMNS, "left_semi")
        .join(addedKeys.select("l_record_id").distinct(), BLOCK_ID, "left_anti")
        .select("l_record_id")
        .distinct();
  }

  /**
   * Every rule's keys of the leaked side as {@code (l_record_id, rule, _bk)}: the rule's index and
   * a 64-bit hash of the key that covers the index.
   */
  public static Dataset<Row> leakedKeys(Dataset<Row> leaked, List<BlockingRule> rules) {
    Dataset<Row> left = null;
    for (int i = 0; i < rules.size(); i++) {
      BlockingRule rule = rules.get(i);
      Column key = rule.leftIsArray() ? explode(rule.leftKey()) : rule.leftKey();
      Dataset<Row> l =
          leaked
              .select(col("l_record_id"), key.as("_key"))
              .where(col("_key").isNotNull())
              .select(
                  col("l_record_id"), lit(i).as("rule"), xxhash64(lit(i), col("_key")).as("_bk"));
      left = left == null ? l : left.unionAll(l);
    }
    return left;
  }

  /**
   * The customers' key rows {@code (r_brand, r_customer_id, rule, _bk)} of the blocks some leaked
   * key row of {@code left} is in. Most customer keys are held by no leaked record and cannot pair:
   * a Bloom filter of the leaked keys drops them before the shuffle. A key passes or fails whole,
   * so the block sizes counted on what is left stay exact.
   */
  private static Dataset<Row> customerKeys(
      Dataset<Row> customers, List<BlockingRule> rules, Dataset<Row> left) {
    Dataset<Row> right = null;
    for (int i = 0; i < rules.size(); i++) {
      BlockingRule rule = rules.get(i);
      Column key = rule.rightIsArray() ? explode(rule.rightKey()) : rule.rightKey();
      Dataset<Row> r =
          customers
              .select(col("r_brand"), col("r_customer_id"), key.as("_key"))
              .where(col("_key").isNotNull())
              .select(
                  col("r_brand"),
                  col("r_customer_id"),
                  lit(i).as("rule"),
                  xxhash64(lit(i), col("_key")).as("_bk"));
      right = right == null ? r : right.unionAll(r);
    }
    return KeyBloomFilter.narrow(right, col("_bk"), left, col("_bk"), left.count());
  }

  /** {@code (rule, _bk, _ln)}: the size of each block of {@code allKeys} that {@code of} is in. */
  private static Dataset<Row> blockSizes(Dataset<Row> allKeys, Dataset<Row> of) {
    return allKeys
        .join(of.select("rule", "_bk").distinct(), BLOCK_COLUMNS, "left_semi")
        .groupBy("rule", "_bk")
        .agg(count(lit(1)).as("_ln"));
  }

  /** The most customers a block of each rule may hold: its own bound or the settings'. */
  private static Column blockBound(List<BlockingRule> rules, int maxBlockSize) {
    Column bound = lit(maxBlockSize);
    for (int i = 0; i < rules.size(); i++) {
      if (rules.get(i).maxBlockSize() != null) {
        bound = when(col("rule").equalTo(i), lit(rules.get(i).maxBlockSize())).otherwise(bound);
      }
    }
    return bound;
  }

  /** Pairs the leaked key rows, each with its block's size {@code _ln}, with the customers'. */
  private static Dataset<Row> pairsOf(
      Dataset<Row> leakedBlocks,
      Dataset<Row> left,
      Dataset<Row> customers,
      List<BlockingRule> rules,
      int maxBlockSize,
      long maxBlockPairs) {
    Dataset<Row> customerBlocks =
        customerKeys(customers, rules, left)
            .withColumn("_rn", count(lit(1)).over(BLOCK))
            .where(col("_rn").leq(blockBound(rules, maxBlockSize)));
    return leakedBlocks
        .join(customerBlocks, BLOCK_COLUMNS)
        .where(col("_ln").multiply(col("_rn")).leq(maxBlockPairs))
        .groupBy("l_record_id", "r_brand", "r_customer_id")
        .agg(min("rule").as("rule"), expr("bit_or(shiftleft(1L, rule))").as("rules"));
  }
}
