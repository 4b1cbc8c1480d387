package fr.breachimpact.resolve;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat_ws;
import static org.apache.spark.sql.functions.greatest;
import static org.apache.spark.sql.functions.least;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.substring;
import static org.apache.spark.sql.functions.xxhash64;

import fr.breachimpact.spark.KeyBloomFilter;
import java.util.Arrays;
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
 * Blocking for deduplication: pairs of parties that share at least one blocking key, so that
 * only those are scored. Record-to-customer pairs are left out (the link stage decides those);
 * record-to-record and customer-to-customer pairs are kept. A blocking value holding more than
 * {@code maxBlockSize} parties of one kind yields nothing (only parties of one kind are paired,
 * so a block is counted per kind): pairs stay near-linear, and what such a block
 * would have found is found by a more selective rule.
 */
public final class CandidatePairs {
  /** A blocking rule: the parties agreeing on every column of it are candidates. */
  public record BlockingRule(String name, List<Column> keys) {
    static BlockingRule of(String name, Column... keys) {
      return new BlockingRule(name, Arrays.asList(keys));
    }
  }

  private static final Column NAMES_SORTED =
      concat_ws(" ", least(col("first_name_key"), col("last_name_key")),
          greatest(col("first_name_key"), col("last_name_key")));

  /** The rules, most selective first; swapped first and last names block together. */
  public static final List<BlockingRule> RULES =
      List.of(
          BlockingRule.of("email", col("email_key")),
          BlockingRule.of("phone", col("phone_e164")),
          BlockingRule.of("nir", col("nir_norm")),
          BlockingRule.of("names_birth_date", NAMES_SORTED, col("birth_date_norm")),
          // One name and a date put more people in a block the larger the population: each
          // comes with a third identifier (as in link's rules), so the pairs grow with the data.
          BlockingRule.of(
              "last_name_first_initial_birth_date",
              col("last_name_key"), substring(col("first_name_key"), 1, 1), col("birth_date_norm")),
          BlockingRule.of(
              "first_name_birth_date_department", col("first_name_key"), col("birth_date_norm"), col("department")),
          BlockingRule.of("names_postcode", NAMES_SORTED, col("postcode_norm")),
          BlockingRule.of("birth_date_postcode", col("birth_date_norm"), col("postcode_norm")));

  /** What {@link BlockPairs} emits. */
  private static final Encoder<Row> PAIR_ENCODER =
      Encoders.row(new StructType().add("node_a", DataTypes.StringType, false).add("node_b", DataTypes.StringType, false));

  private CandidatePairs() {}

  /**
   * Distinct candidate pairs: node_a < node_b, computed at once (a local checkpoint). Every
   * rule's key goes into one frame (a hash of the rule's name, the party's kind and the key
   * values), shuffled once on the key and sorted within its partitions: each block is then a run
   * of rows, and {@link BlockPairs} pairs its nodes, or skips it past {@code maxBlockSize}, in one
   * pass that holds one block at a time. (Counting the blocks first, then keeping the sized ones
   * by a semi-join and self-joining them, shuffled the keys twice and cost a sixth more.)
   */
  public static Dataset<Row> pairs(Dataset<Row> parties, int maxBlockSize) {
    Dataset<Row> keyed = null;
    for (BlockingRule rule : RULES) {
      Dataset<Row> keys = blockKeys(parties, rule);
      keyed = keyed == null ? keys : keyed.union(keys);
    }
    int bound = maxBlockSize;
    return keyed
        .select("block_key", "node_id")
        .repartition(col("block_key"))
        .sortWithinPartitions("block_key")
        .mapPartitions((MapPartitionsFunction<Row, Row>) rows -> new BlockPairs(rows, bound), PAIR_ENCODER)
        .distinct()
        .localCheckpoint(true);
  }

  /** node_id, kind, block_key (hash of the rule name, the kind and the key values) of the parties the rule applies to. */
  static Dataset<Row> blockKeys(Dataset<Row> parties, BlockingRule rule) {
    Column present = lit(true);
    Column[] parts = new Column[rule.keys().size() + 2];
    parts[0] = lit(rule.name());
    parts[1] = col("kind");
    for (int i = 0; i < rule.keys().size(); i++) {
      Column key = rule.keys().get(i);
      present = present.and(key.isNotNull());
      parts[i + 2] = key.cast("string");
    }
    // A 64-bit hash of the rule and its values: blocks are counted and self-joined on a long.
    // A collision (about one in 10^10 for millions of keys) only adds a pair for the scorer.
    return parties
        .where(present)
        .select(col("node_id"), col("kind"), xxhash64(parts).as("block_key"));
  }

  /**
   * Attaches each side's identity columns ({@link Parties#IDENTITY_COLUMNS}, what a scorer
   * compares) as structs {@code a} and {@code b}: the ids stay out of the two shuffles. Each side
   * is first narrowed to the parties that side of a pair names (a Bloom filter of the pairs' node
   * ids): a fraction of the parties are in any pair, and the others would be shuffled for nothing.
   *
   * @param pairCount the number of pairs (sizes the filters)
   */
  public static Dataset<Row> withParties(Dataset<Row> pairs, Dataset<Row> parties, long pairCount) {
    Column[] fields = Parties.IDENTITY_COLUMNS.stream().map(c -> col(c)).toArray(Column[]::new);
    Dataset<Row> left = pairedSide(parties, pairs, "node_a", pairCount).select(col("node_id").as("node_a"), struct(fields).as("a"));
    Dataset<Row> right = pairedSide(parties, pairs, "node_b", pairCount).select(col("node_id").as("node_b"), struct(fields).as("b"));
    return pairs.join(left, "node_a").join(right, "node_b").select("node_a", "node_b", "a", "b");
  }

  /** The parties whose node id may be in the pairs' column {@code side}; exactly joined after. */
  private static Dataset<Row> pairedSide(Dataset<Row> parties, Dataset<Row> pairs, String side, long pairCount) {
    return KeyBloomFilter.narrow(parties, xxhash64(col("node_id")), pairs, xxhash64(col(side)), pairCount);
  }
}
