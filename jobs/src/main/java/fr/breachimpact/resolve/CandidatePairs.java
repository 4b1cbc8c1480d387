package fr.breachimpact.resolve;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.expr;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.xxhash64;

import fr.breachimpact.link.BlockingRule;
import fr.breachimpact.link.ComparableColumns;
import fr.breachimpact.spark.KeyBloomFilter;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoder;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * Blocking for deduplication: pairs of parties of one kind (record and record, customer and
 * customer) that agree on every key of at least one rule of {@code resolve.model}, so that only
 * those are scored; a rule may name the kinds it pairs. Record-to-customer pairs are left out (the
 * link stage decides those). A key value held by more than {@code maxBlockSize} parties of one kind
 * (or the rule's own bound) yields nothing: pairs stay near-linear, and what such a block would
 * have found is found by a more selective rule.
 */
public final class CandidatePairs {
  /** What {@link BlockPairs} emits. */
  private static final Encoder<Row> PAIR_ENCODER =
      Encoders.row(
          new StructType()
              .add("node_a", DataTypes.StringType, false)
              .add("node_b", DataTypes.StringType, false)
              .add("rule", DataTypes.IntegerType, false));

  private CandidatePairs() {}

  /**
   * Distinct candidate pairs (node_a, node_b, rule, rules) with node_a < node_b, {@code rule} the
   * first rule that found the pair and {@code rules} the bit set of all of them (EM trains each
   * rule's pairs apart), computed at once (a local checkpoint). Every rule's key goes into one
   * frame (a hash of the rule, the party's kind and the key), shuffled once on the key and sorted
   * within its partitions: each block is then a run of rows, and {@link BlockPairs} pairs its
   * nodes, or skips it past {@code maxBlockSize}, in one pass that holds one block at a time.
   */
  public static Dataset<Row> pairs(
      Dataset<Row> parties, List<BlockingRule> rules, int maxBlockSize) {
    Dataset<Row> keyed = null;
    for (int i = 0; i < rules.size(); i++) {
      Dataset<Row> keys = blockKeys(parties, rules.get(i), i);
      keyed = keyed == null ? keys : keyed.union(keys);
    }
    int[] bounds = new int[rules.size()];
    for (int i = 0; i < bounds.length; i++) {
      bounds[i] = rules.get(i).maxBlockSize(maxBlockSize);
    }
    return keyed
        .repartition(col("block_key"))
        .sortWithinPartitions("block_key")
        .mapPartitions(
            (MapPartitionsFunction<Row, Row>) rows -> new BlockPairs(rows, bounds), PAIR_ENCODER)
        .groupBy("node_a", "node_b")
        .agg(min("rule").as("rule"), expr("bit_or(shiftleft(1L, rule))").as("rules"))
        .localCheckpoint(true);
  }

  /**
   * block_key (a 64-bit hash of the rule, the kind and the key), node_id, rule of the parties the
   * rule applies to. A collision (about one in 10^10 for millions of keys) only adds a pair.
   */
  static Dataset<Row> blockKeys(Dataset<Row> parties, BlockingRule rule, int index) {
    Column key = rule.leftIsArray() ? explode(rule.leftKey()) : rule.leftKey();
    Dataset<Row> kinds =
        rule.kinds().isEmpty() ? parties : parties.where(col("kind").isin(rule.kinds().toArray()));
    return kinds
        .select(col("node_id"), col("kind"), key.as("_key"))
        .where(col("_key").isNotNull())
        .select(
            xxhash64(lit(index), col("kind"), col("_key")).as("block_key"),
            col("node_id"),
            lit(index).as("rule"));
  }

  /**
   * The pairs with each party's comparable columns beside them, as {@code l_*} and {@code r_*}
   * (node_a on the left), ready for the comparisons. Each side is first narrowed to the parties
   * that side of a pair names (a Bloom filter of the pairs' node ids): a fraction of the parties
   * are in any pair, and the others would be shuffled for nothing.
   *
   * @param pairCount the number of pairs (sizes the filters)
   * @param termFrequency comparable columns whose {@code <column>_tf} the parties carry
   */
  public static Dataset<Row> withParties(
      Dataset<Row> pairs, Dataset<Row> parties, long pairCount, List<String> termFrequency) {
    Dataset<Row> left =
        side(pairedSide(parties, pairs, "node_a", pairCount), "node_a", "l_", termFrequency);
    Dataset<Row> right =
        side(pairedSide(parties, pairs, "node_b", pairCount), "node_b", "r_", termFrequency);
    return pairs.join(left, "node_a").join(right, "node_b");
  }

  /** One side of the pairs: its node id under {@code idName} and its columns prefixed. */
  static Dataset<Row> side(
      Dataset<Row> parties, String idName, String prefix, List<String> termFrequency) {
    List<Column> cols = new ArrayList<>();
    cols.add(col("node_id").as(idName));
    for (String c : ComparableColumns.NAMES) {
      cols.add(col(c).as(prefix + c));
    }
    for (String c : termFrequency) {
      cols.add(col(c + "_tf").as(prefix + c + "_tf"));
    }
    return parties.select(cols.toArray(new Column[0]));
  }

  /** The parties whose node id may be in the pairs' column {@code side}; exactly joined after. */
  private static Dataset<Row> pairedSide(
      Dataset<Row> parties, Dataset<Row> pairs, String side, long pairCount) {
    return KeyBloomFilter.narrow(
        parties, xxhash64(col("node_id")), pairs, xxhash64(col(side)), pairCount);
  }
}
