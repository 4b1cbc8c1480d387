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
    return pair(leakedBlocks, customerBlocks(customers, rules, left, maxBlockSize), maxBlockPairs);
  }

  /**
   * The blocks a part of the leaked records is in: {@code sizes} {@code (rule, _bk, _ln, _part)},
   * each block's leaked key rows counted on every record and on the part's alone, and {@code
   * customers} {@code (r_brand, r_customer_id, rule, _bk, _rn)}, the customers' key rows of those
   * blocks within the bound on a block's customers. The part's pairs ({@link #pairsOfPart}) and the
   * records its addition shifts ({@link #shiftedRecords}) both read them, so that the customers'
   * keys are made once.
   */
  public record PartBlocks(Dataset<Row> sizes, Dataset<Row> customers) {}

  /**
   * @param partKeys the part's key rows ({@link #leakedKeys})
   * @param allKeys those of every leaked record, the part's among them
   */
  public static PartBlocks partBlocks(
      Dataset<Row> partKeys,
      Dataset<Row> allKeys,
      Dataset<Row> customers,
      List<BlockingRule> rules,
      int maxBlockSize) {
    Dataset<Row> ofPart = partKeys.groupBy("rule", "_bk").agg(count(lit(1)).as("_part"));
    Dataset<Row> sizes =
        allKeys
            .join(ofPart.select("rule", "_bk"), BLOCK_COLUMNS, "left_semi")
            .groupBy("rule", "_bk")
            .agg(count(lit(1)).as("_ln"))
            .join(ofPart, BLOCK_COLUMNS);
    return new PartBlocks(sizes, customerBlocks(customers, rules, partKeys, maxBlockSize));
  }

  /**
   * The candidate pairs of a part of the leaked records, equal to those of the whole: each block's
   * size is counted on every record ({@link #partBlocks}).
   */
  public static Dataset<Row> pairsOfPart(
      Dataset<Row> partKeys, PartBlocks blocks, long maxBlockPairs) {
    return pair(
        partKeys.join(blocks.sizes().select("rule", "_bk", "_ln"), BLOCK_COLUMNS),
        blocks.customers(),
        maxBlockPairs);
  }

  /**
   * The earlier records whose candidate pairs the added ones change, as {@code l_record_id}: those
   * holding a key whose block the added records push past {@code maxBlockPairs} (a block of
   * customers too large alone is skipped before and after). A record in no such block keeps the
   * pairs, hence the matches, it had.
   *
   * @param allKeys the key rows of every leaked record, the added ones among them
   * @param addedKeys those of the added records
   * @param added {@link #partBlocks} of the added records
   */
  public static Dataset<Row> shiftedRecords(
      Dataset<Row> allKeys, Dataset<Row> addedKeys, PartBlocks added, long maxBlockPairs) {
    Column before = col("_ln").minus(col("_part"));
    Dataset<Row> shifted =
        added
            .sizes()
            .join(added.customers().select("rule", "_bk", "_rn").distinct(), BLOCK_COLUMNS)
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
   * The key rows of {@code keys} in a block some key row of {@code part} is in, give or take a few:
   * a Bloom filter of the part's keys drops most others before they are kept or shuffled. Enough
   * for {@link #partBlocks} and {@link #shiftedRecords}, which semi-join them on the part's blocks
   * exactly: counting a block of the part needs no record outside it, and an added incident's
   * blocks are a small share of the lake's.
   */
  public static Dataset<Row> inBlocksOf(Dataset<Row> keys, Dataset<Row> part, long partKeyCount) {
    return KeyBloomFilter.narrow(keys, col("_bk"), part, col("_bk"), partKeyCount);
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
   * The customers' key rows {@code (r_brand, r_customer_id, rule, _bk, _rn)} of the blocks some
   * leaked key row of {@code left} is in, {@code _rn} the block's customers, at most the rule's
   * bound. Most customer keys are held by no leaked record and cannot pair: a Bloom filter of the
   * leaked keys drops them before the shuffle. A key passes or fails whole, so the block sizes
   * counted on what is left stay exact.
   */
  private static Dataset<Row> customerBlocks(
      Dataset<Row> customers, List<BlockingRule> rules, Dataset<Row> left, int maxBlockSize) {
    Dataset<Row> right = null;
    Column bound = lit(maxBlockSize);
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
      if (rule.maxBlockSize() != null) {
        bound = when(col("rule").equalTo(i), lit(rule.maxBlockSize())).otherwise(bound);
      }
    }
    return KeyBloomFilter.narrow(right, col("_bk"), left, col("_bk"), left.count())
        .withColumn("_rn", count(lit(1)).over(BLOCK))
        .where(col("_rn").leq(bound));
  }

  /** Pairs the leaked key rows, each with its block's size {@code _ln}, with the customers'. */
  private static Dataset<Row> pair(
      Dataset<Row> leakedBlocks, Dataset<Row> customerBlocks, long maxBlockPairs) {
    return leakedBlocks
        .join(customerBlocks, BLOCK_COLUMNS)
        .where(col("_ln").multiply(col("_rn")).leq(maxBlockPairs))
        .groupBy("l_record_id", "r_brand", "r_customer_id")
        .agg(min("rule").as("rule"), expr("bit_or(shiftleft(1L, rule))").as("rules"));
  }
}
