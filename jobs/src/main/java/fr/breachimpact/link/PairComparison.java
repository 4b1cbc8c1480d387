package fr.breachimpact.link;

import static org.apache.spark.sql.functions.array_contains;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.xxhash64;

import fr.breachimpact.spark.KeyBloomFilter;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import scala.collection.JavaConverters;

/**
 * Puts the two sides of each candidate pair side by side and computes its comparison vector: one
 * {@code gamma_<field>} level per comparison and one {@code key_<key>} flag per trusted key that
 * agrees (brand-scoped for the loyalty id).
 */
public final class PairComparison {
  public static final List<String> KEYS = List.of("email", "phone", "loyalty_id", "nir");

  private PairComparison() {}

  /** Pairs (l_record_id, r_brand, r_customer_id, rule) joined with both sides. */
  public static Dataset<Row> join(Dataset<Row> pairs, Dataset<Row> leaked, Dataset<Row> customers) {
    return pairs
        .join(leaked, "l_record_id")
        .join(customers, JavaConverters.asScalaBuffer(List.of("r_brand", "r_customer_id")).toSeq());
  }

  /**
   * The customers of {@code customers} that appear in {@code pairs}, give or take a few: a Bloom
   * filter of the pairs' customers drops most of the others before the customer side is shuffled to
   * meet the pairs (the join stays exact; a customer let through by mistake meets no pair).
   */
  public static Dataset<Row> pairedCustomers(
      Dataset<Row> customers, Dataset<Row> pairs, long pairCount) {
    return KeyBloomFilter.narrow(customers, customerKey(), pairs, customerKey(), pairCount);
  }

  private static Column customerKey() {
    return xxhash64(col("r_brand"), col("r_customer_id"));
  }

  /** Trusted keys agreeing in a pair; null keys never agree. */
  public static List<Column> keyFlags() {
    List<Column> out = new ArrayList<>();
    out.add(agree("email_det").as("key_email"));
    out.add(agree("phone_det").as("key_phone"));
    out.add(
        agree("loyalty_det")
            .and(coalesce(array_contains(col("l_brands"), col("r_brand_lc")), lit(false)))
            .as("key_loyalty_id"));
    out.add(agree("nir_det").as("key_nir"));
    return out;
  }

  private static Column agree(String c) {
    return coalesce(col("l_" + c).equalTo(col("r_" + c)), lit(false));
  }

  /**
   * The comparison vector of joined pairs, with the {@code ids}, the rule and the value frequencies
   * of the right side; with {@code keyFlags}, the trusted keys that agree (linkage).
   */
  public static Dataset<Row> compare(
      Dataset<Row> joined, List<Comparison> comparisons, List<String> ids, boolean keyFlags) {
    List<Column> cols = new ArrayList<>();
    for (String id : ids) {
      cols.add(col(id));
    }
    cols.add(col("rule"));
    cols.add(col("rules"));
    for (Comparison c : comparisons) {
      cols.add(c.level().as(c.gammaColumn()));
    }
    if (keyFlags) {
      cols.addAll(keyFlags());
    }
    for (Comparison c : comparisons) {
      if (c.termFrequency() != null) {
        cols.add(col("r_" + c.termFrequency()).as(c.termFrequency()));
      }
    }
    return joined.select(cols.toArray(new Column[0]));
  }

  /**
   * Scored pairs as a table of their own ({@code link_pairs}, {@code dedupe_pairs}): the pair's
   * {@code ids}, the rule that found it first by name, its weight, probability and levels, so that
   * blocking's recall and any pair's score can be checked afterwards.
   */
  public static Dataset<Row> explained(
      Dataset<Row> scored, List<Column> ids, List<String> ruleNames, List<Comparison> comparisons) {
    List<Column> cols = new ArrayList<>(ids);
    cols.add(Blocking.ruleName(col("rule"), ruleNames).as("rule"));
    cols.add(col("match_weight"));
    cols.add(col("match_probability"));
    for (Comparison c : comparisons) {
      cols.add(col(c.gammaColumn()));
    }
    return scored.select(cols.toArray(new Column[0]));
  }

  /** Pattern counts of compared pairs: the input of EM and of the u estimate. */
  public static List<PatternCount> patterns(Dataset<Row> compared, List<Comparison> comparisons) {
    List<Column> group = new ArrayList<>();
    group.add(col("rule"));
    group.add(col("rules"));
    for (Comparison c : comparisons) {
      group.add(col(c.gammaColumn()));
    }
    List<Row> rows =
        compared.groupBy(group.toArray(new Column[0])).agg(count(lit(1)).as("n")).collectAsList();
    List<PatternCount> out = new ArrayList<>();
    for (Row row : rows) {
      int[] levels = new int[comparisons.size()];
      for (int f = 0; f < comparisons.size(); f++) {
        levels[f] = comparisons.get(f).indexOf(row.getString(f + 2));
      }
      out.add(
          new PatternCount(
              row.getInt(0), row.getLong(1), levels, row.getLong(comparisons.size() + 2)));
    }
    out.sort(PatternCount::compare);
    return out;
  }
}
