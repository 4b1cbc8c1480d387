package fr.breachimpact.resolve;

import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;

import fr.breachimpact.config.LinkConfig;
import fr.breachimpact.link.Comparison;
import fr.breachimpact.link.FellegiSunterModel;
import fr.breachimpact.link.MatchScoring;
import fr.breachimpact.link.ModelDefinition;
import fr.breachimpact.link.ModelTraining;
import fr.breachimpact.link.PairComparison;
import fr.breachimpact.link.PatternCount;
import fr.breachimpact.link.RandomPairs;
import fr.breachimpact.link.TermFrequencySummary;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.storage.StorageLevel;

/**
 * Record-to-record (and customer-to-customer) deduplication with the link stage's engine: the
 * comparisons and blocking rules of {@code resolve.model}, u from random pairs of parties of one
 * kind, m by EM over the candidate pairs, then every candidate pair's match probability. A model of
 * its own: two leaked records of one person differ in other ways than a record and the customer
 * file it was copied from.
 */
public final class DedupeScoring {
  static final List<String> ID_COLUMNS = List.of("node_a", "node_b");

  /**
   * @param candidates pairs (node_a, node_b, rule, rules)
   * @param compared the candidate pairs with their levels, cached: the caller unpersists it
   * @param scored every candidate pair with its levels, Bayes factors, match weight and probability
   * @param pairsPerRule pairs each rule found first
   */
  public record Result(
      Dataset<Row> candidates,
      Dataset<Row> compared,
      Dataset<Row> scored,
      ModelTraining.Trained trained,
      long pairs,
      Map<String, Long> pairsPerRule) {}

  private DedupeScoring() {}

  /**
   * @param parties the hub-guarded parties ({@link Parties}), cached by the caller
   * @param partyCount their number
   * @param fixedModel a model to score with instead of training one (null: train)
   */
  public static Result score(
      Dataset<Row> parties,
      long partyCount,
      ModelDefinition definition,
      int maxBlockSize,
      LinkConfig training,
      FellegiSunterModel fixedModel) {
    List<Comparison> comparisons = definition.comparisons();
    List<String> tf = definition.termFrequencyColumns();
    Dataset<Row> withTf = withFrequencies(parties, tf, partyCount);

    Dataset<Row> candidates = CandidatePairs.pairs(parties, definition.rules(), maxBlockSize);
    long candidateCount = candidates.count();
    Dataset<Row> compared =
        PairComparison.compare(
                CandidatePairs.withParties(candidates, withTf, candidateCount, tf),
                comparisons,
                ID_COLUMNS,
                false)
            .persist(StorageLevel.MEMORY_AND_DISK());
    // Read by EM's pattern counts, the edges and dedupe_pairs: the caller releases it.
    List<PatternCount> patterns = PairComparison.patterns(compared, comparisons);

    ModelTraining.Trained trained =
        fixedModel != null
            ? ModelTraining.Trained.fixed(fixedModel)
            : train(withTf, partyCount, definition, patterns, training);
    Dataset<Row> scored = MatchScoring.score(compared, trained.model());
    return new Result(
        candidates,
        compared,
        scored,
        trained,
        patterns.stream().mapToLong(PatternCount::count).sum(),
        PatternCount.perRule(patterns, definition.ruleNames()));
  }

  /** u from random pairs of parties (drawn like link's, the parties on both sides), m by EM. */
  private static ModelTraining.Trained train(
      Dataset<Row> withTf,
      long partyCount,
      ModelDefinition definition,
      List<PatternCount> patterns,
      LinkConfig training) {
    List<Comparison> comparisons = definition.comparisons();
    List<String> tf = definition.termFrequencyColumns();
    Dataset<Row> left = CandidatePairs.side(withTf, "node_a", "l_", tf);
    Dataset<Row> right = CandidatePairs.side(withTf, "node_b", "r_", tf);
    Dataset<Row> random =
        RandomPairs.sample(
                left,
                right,
                col("node_a"),
                List.of(col("node_b")),
                partyCount,
                partyCount,
                training.uSamplePairs(),
                training.seed())
            .where(col("node_a").notEqual(col("node_b")));
    List<PatternCount> randomPatterns =
        PairComparison.patterns(
            PairComparison.compare(random, comparisons, ID_COLUMNS, false), comparisons);
    double space = (double) partyCount * (partyCount - 1) / 2;
    return ModelTraining.train(
            "dedupe",
            definition,
            patterns,
            randomPatterns,
            space,
            training.emMaxIterations(),
            training.emTolerance())
        .withTermFrequencies(TermFrequencySummary.of(withTf, "", tf, partyCount));
  }

  /** The columns of {@code dedupe_pairs}: every candidate pair of parties, linked or not. */
  public static Dataset<Row> candidates(
      Dataset<Row> scored, List<String> ruleNames, List<Comparison> comparisons) {
    return PairComparison.explained(
        scored, List.of(col("node_a"), col("node_b")), ruleNames, comparisons);
  }

  /** Each term-frequency column's share of parties holding the value, as {@code <column>_tf}. */
  static Dataset<Row> withFrequencies(Dataset<Row> parties, List<String> columns, long partyCount) {
    Dataset<Row> out = parties;
    for (String c : columns) {
      Dataset<Row> freq =
          parties
              .where(col(c).isNotNull())
              .groupBy(col(c).as("_tf_value"))
              .agg(count(lit(1)).divide(lit((double) Math.max(1, partyCount))).as(c + "_tf"));
      out =
          out.join(broadcast(freq), out.col(c).equalTo(freq.col("_tf_value")), "left")
              .drop("_tf_value");
    }
    return out;
  }
}
