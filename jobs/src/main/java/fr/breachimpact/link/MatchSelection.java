package fr.breachimpact.link;

import static org.apache.spark.sql.functions.array_compact;
import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.row_number;
import static org.apache.spark.sql.functions.when;

import java.util.ArrayList;
import java.util.List;
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
 *       not disagree outright (ties: smallest customer_id), or all of them when configured.
 * </ol>
 */
public final class MatchSelection {
  public static final String PROBABILISTIC = "probabilistic";

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

  static Column contradicted() {
    return differentFirstName().or(coalesce(col("gamma_birth_date").equalTo(Comparison.ELSE), lit(false)));
  }

  /**
   * Members of one household share surname, address, phone and often email: their evidence adds
   * up to a high weight. A first name that disagrees outright vetoes the match.
   */
  static Column differentFirstName() {
    return coalesce(col("gamma_first_name").equalTo(Comparison.ELSE), lit(false));
  }

  public static Dataset<Row> select(Dataset<Row> scored, double threshold, boolean allAboveThreshold) {
    WindowSpec group = Window.partitionBy("l_record_id", "r_brand");
    Dataset<Row> candidates =
        scored
            .withColumn("_key_method", keyMethod())
            .withColumn("_eligible", col("match_probability").geq(threshold).and(differentFirstName().unary_$bang()))
            .where(col("_key_method").isNotNull().or(col("_eligible")))
            .withColumn(
                "_key_customers",
                count(when(col("_key_method").isNotNull(), lit(1))).over(group))
            .withColumn(
                "_trusted",
                col("_key_method").isNotNull().and(col("_key_customers").equalTo(1)).and(contradicted().unary_$bang()))
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
    return kept.withColumn("method", when(col("_trusted"), col("_key_method")).otherwise(lit(PROBABILISTIC)));
  }

  /** The columns of {@code customer_matches}, in order. */
  public static Dataset<Row> output(Dataset<Row> selected, List<Comparison> comparisons) {
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
    for (Comparison c : comparisons) {
      cols.add(col(c.gammaColumn()));
    }
    for (Comparison c : comparisons) {
      cols.add(col(c.bayesFactorColumn()));
    }
    return selected.select(cols.toArray(new Column[0]));
  }
}
