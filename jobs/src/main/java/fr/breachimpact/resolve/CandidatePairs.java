package fr.breachimpact.resolve;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat_ws;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.greatest;
import static org.apache.spark.sql.functions.least;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.struct;

import java.util.Arrays;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Blocking for deduplication: pairs of parties that share at least one blocking key, so that
 * only those are scored. Record-to-customer pairs are left out (the link stage decides those);
 * record-to-record and customer-to-customer pairs are kept. A blocking value holding more than
 * {@code maxBlockSize} parties yields nothing: pairs stay near-linear, and what such a block
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
          BlockingRule.of("last_name_birth_date", col("last_name_key"), col("birth_date_norm")),
          BlockingRule.of("first_name_birth_date", col("first_name_key"), col("birth_date_norm")),
          BlockingRule.of("names_postcode", NAMES_SORTED, col("postcode_norm")),
          BlockingRule.of("birth_date_postcode", col("birth_date_norm"), col("postcode_norm")));

  private CandidatePairs() {}

  /** Distinct candidate pairs: node_a < node_b. */
  public static Dataset<Row> pairs(Dataset<Row> parties, int maxBlockSize) {
    Dataset<Row> all = null;
    for (BlockingRule rule : RULES) {
      Dataset<Row> pairs = pairsOf(parties, rule, maxBlockSize);
      all = all == null ? pairs : all.union(pairs);
    }
    return all.distinct();
  }

  static Dataset<Row> pairsOf(Dataset<Row> parties, BlockingRule rule, int maxBlockSize) {
    Column present = lit(true);
    Column[] asText = new Column[rule.keys().size()];
    for (int i = 0; i < asText.length; i++) {
      Column key = rule.keys().get(i);
      present = present.and(key.isNotNull());
      asText[i] = key.cast("string");
    }
    Dataset<Row> keyed =
        parties
            .where(present)
            .select(col("node_id"), col("kind"), concat_ws("\u0001", asText).as("block_key"));
    Dataset<Row> small =
        keyed
            .groupBy("block_key")
            .agg(count(lit(1)).as("n"))
            .where(col("n").gt(1).and(col("n").leq(maxBlockSize)))
            .select("block_key");
    Dataset<Row> blocked = keyed.join(small, "block_key");
    Dataset<Row> a = blocked.toDF("block_key", "node_a", "kind_a");
    Dataset<Row> b = blocked.toDF("block_key", "node_b", "kind_b");
    return a.join(b, "block_key")
        .where(col("node_a").lt(col("node_b")).and(col("kind_a").equalTo(col("kind_b"))))
        .select("node_a", "node_b");
  }

  /** Attaches each side's party columns as structs {@code a} and {@code b}, for a scorer. */
  public static Dataset<Row> withParties(Dataset<Row> pairs, Dataset<Row> parties) {
    Column[] fields = Arrays.stream(parties.columns()).map(c -> col(c)).toArray(Column[]::new);
    Dataset<Row> side = parties.select(col("node_id"), struct(fields).as("party"));
    Dataset<Row> left = side.toDF("node_a", "a");
    Dataset<Row> right = side.toDF("node_b", "b");
    return pairs.join(left, "node_a").join(right, "node_b").select("node_a", "node_b", "a", "b");
  }
}
