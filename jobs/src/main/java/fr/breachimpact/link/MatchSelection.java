package fr.breachimpact.link;

import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.array_compact;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.row_number;
import static org.apache.spark.sql.functions.when;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.expressions.WindowSpec;

/**
 * Chooses the matches among scored pairs, per leaked record and brand:
 *
 * <ol>
 *   <li>a deterministic match when exactly one customer of the brand agrees on a trusted key and
 *       the pair is not contradicted (first names or birth dates that disagree outright, as for two
 *       members of a family sharing an email);
 *   <li>otherwise the best pair whose probability reaches the threshold and whose first names do
 *       not disagree outright without an exact birth date or identifier agreeing (ties: smallest
 *       customer_id), or all of them when configured.
 * </ol>
 */
public final class MatchSelection {
  public static final String PROBABILISTIC = "probabilistic";

  /** Comparisons whose exact agreement a relative does not share. */
  static final List<String> CORROBORATING =
      List.of(
          "gamma_birth_date",
          "gamma_nir",
          "gamma_passport",
          "gamma_id_card",
          "gamma_france_travail_id",
          "gamma_professional_id",
          "gamma_other_id");

  private MatchSelection() {}

  /** The first agreeing trusted key, in the order email, phone, loyalty_id, nir; else null. */
  static Column keyMethod() {
    Column method = lit(null).cast("string");
    List<String> keys = PairComparison.KEYS;
    for (int i = keys.size() - 1; i >= 0; i--) {
      method = when(col("key_" + keys.get(i)), lit(keys.get(i))).otherwise(method);
    }
    return method;
  }

  static Column contradicted(Set<String> columns) {
    return differentFirstName(columns).or(levelIs(columns, "gamma_birth_date", Comparison.ELSE));
  }

  /**
   * Members of one household share surname, address, phone and often email: their evidence adds up
   * to a high weight. A first name that disagrees outright vetoes the match, unless something only
   * the person has agrees too (the birth date or an identifier): a first name mistyped beyond
   * recognition is then the error, not a relative.
   */
  static Column differentFirstName(Set<String> columns) {
    Column corroborated = lit(false);
    for (String gamma : CORROBORATING) {
      corroborated = corroborated.or(levelIs(columns, gamma, Comparison.EXACT));
    }
    return levelIs(columns, "gamma_first_name", Comparison.ELSE).and(corroborated.unary_$bang());
  }

  /** False where the model has no such comparison (the settings may leave it out). */
  private static Column levelIs(Set<String> columns, String gamma, String level) {
    return columns.contains(gamma) ? coalesce(col(gamma).equalTo(level), lit(false)) : lit(false);
  }

  public static Dataset<Row> select(
      Dataset<Row> scored, double threshold, boolean allAboveThreshold) {
    WindowSpec group = Window.partitionBy("l_record_id", "r_brand");
    Set<String> columns = Set.of(scored.columns());
    Dataset<Row> candidates =
        scored
            .withColumn("_key_method", keyMethod())
            .withColumn(
                "_eligible",
                col("match_probability")
                    .geq(threshold)
                    .and(differentFirstName(columns).unary_$bang()))
            .where(col("_key_method").isNotNull().or(col("_eligible")))
            .withColumn(
                "_key_customers", count(when(col("_key_method").isNotNull(), lit(1))).over(group))
            .withColumn(
                "_trusted",
                col("_key_method")
                    .isNotNull()
                    .and(col("_key_customers").equalTo(1))
                    .and(contradicted(columns).unary_$bang()))
            .withColumn("_group_trusted", max(col("_trusted").cast("int")).over(group));
    Dataset<Row> kept;
    if (allAboveThreshold) {
      kept =
          candidates.where(
              col("_trusted").or(col("_group_trusted").equalTo(0).and(col("_eligible"))));
    } else {
      kept =
          candidates
              .where(col("_trusted").or(col("_eligible")))
              .withColumn(
                  "_rank",
                  row_number()
                      .over(
                          group.orderBy(
                              col("_trusted").desc(),
                              col("match_weight").desc(),
                              col("r_customer_id").asc())))
              .where(col("_rank").equalTo(1));
    }
    return kept.withColumn(
        "method", when(col("_trusted"), col("_key_method")).otherwise(lit(PROBABILISTIC)));
  }

  /** The columns of {@code link_pairs}: every candidate pair, whether chosen or not. */
  public static Dataset<Row> candidates(
      Dataset<Row> scored, List<String> ruleNames, List<Comparison> comparisons) {
    List<Column> ids =
        List.of(
            col("l_record_id").as("record_id"),
            col("l_incident_id").as("incident_id"),
            col("r_customer_id").as("customer_id"),
            col("r_brand").as("brand"));
    return PairComparison.explained(scored, ids, ruleNames, comparisons);
  }

  /** The columns of {@code customer_matches}, in order. */
  public static Dataset<Row> output(
      Dataset<Row> selected, List<Comparison> comparisons, String modelId) {
    List<Column> cols = new ArrayList<>();
    cols.add(col("l_record_id").as("record_id"));
    cols.add(col("l_incident_id").as("incident_id"));
    cols.add(col("r_customer_id").as("customer_id"));
    cols.add(col("r_brand").as("brand"));
    cols.add(col("method"));
    cols.add(col("match_weight"));
    cols.add(col("match_probability"));
    List<Column> keys = new ArrayList<>();
    for (String k : PairComparison.KEYS) {
      keys.add(when(col("key_" + k), lit(k)));
    }
    cols.add(array_compact(array(keys.toArray(new Column[0]))).as("keys_agreeing"));
    cols.add(lit(modelId).as("model_id"));
    for (Comparison c : comparisons) {
      cols.add(col(c.gammaColumn()));
    }
    for (Comparison c : comparisons) {
      cols.add(col(c.bayesFactorColumn()));
    }
    return selected.select(cols.toArray(new Column[0]));
  }
}
