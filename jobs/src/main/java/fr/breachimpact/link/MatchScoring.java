package fr.breachimpact.link;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.greatest;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.log2;
import static org.apache.spark.sql.functions.pow;
import static org.apache.spark.sql.functions.when;

import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Scores compared pairs with a fitted model: a Bayes factor per field ({@code bf_<field>}), the
 * match weight (log2 prior odds + sum of log2 Bayes factors) and the match probability. Built-in
 * expressions only: the levels' factors are literals of a CASE.
 */
public final class MatchScoring {
  /**
   * Names rarer than this share of the customers count as this frequent: a name seen once among few
   * customers is not proof of identity in the whole population.
   */
  public static final double TF_FLOOR = 1e-5;

  private MatchScoring() {}

  public static Dataset<Row> score(Dataset<Row> compared, FellegiSunterModel model) {
    List<Comparison> comparisons = model.comparisons();
    Dataset<Row> out = compared;
    Column weight = lit(model.priorWeight());
    for (int f = 0; f < comparisons.size(); f++) {
      Comparison c = comparisons.get(f);
      Column gamma = col(c.gammaColumn());
      Column bf = lit(1.0);
      for (int l = c.levels().size() - 1; l >= 0; l--) {
        bf = when(gamma.equalTo(c.levels().get(l)), lit(model.bayesFactor(f, l))).otherwise(bf);
      }
      if (c.termFrequency() != null) {
        // Term-frequency adjustment: two records agreeing on a common value weigh m / tf(value)
        // instead of m / u(exact).
        Column tf = greatest(col(c.termFrequency()), lit(TF_FLOOR));
        bf =
            when(
                    gamma.equalTo(Comparison.EXACT).and(col(c.termFrequency()).isNotNull()),
                    lit(model.m()[f][0]).divide(tf))
                .otherwise(bf);
      }
      out = out.withColumn(c.bayesFactorColumn(), bf);
      weight = weight.plus(log2(col(c.bayesFactorColumn())));
    }
    return out.withColumn("match_weight", weight)
        .withColumn(
            "match_probability",
            lit(1.0).divide(lit(1.0).plus(pow(lit(2.0), col("match_weight").unary_$minus()))));
  }
}
