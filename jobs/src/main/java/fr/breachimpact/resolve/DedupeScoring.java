package fr.breachimpact.resolve;

import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.when;

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
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Column;
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
   * @param comparedNow the pairs compared in this run (all of them, unless an earlier run's were
   *     reused)
   * @param redone earlier parties whose pairs were made again ({@link CandidatePairs#pairsOfAdded})
   * @param shiftedBlocks blocks of earlier parties the added ones pushed past their bound
   */
  public record Result(
      Dataset<Row> candidates,
      Dataset<Row> compared,
      Dataset<Row> scored,
      ModelTraining.Trained trained,
      long pairs,
      Map<String, Long> pairsPerRule,
      long comparedNow,
      long redone,
      long shiftedBlocks) {}

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
        PatternCount.perRule(patterns, definition.ruleNames()),
        candidateCount,
        0,
        0);
  }

  /**
   * What {@link #score} gives with {@code model} when parties were added to those of an earlier
   * run, without comparing its pairs again: the earlier run's compared pairs ({@code dedupe_pairs},
   * their levels) but those of the earlier parties whose pairs are made again, with the pairs that
   * hold an added or redone party, compared now, all scored with tonight's term frequencies.
   *
   * @param earlierPairs the earlier run's {@code dedupe_pairs}
   * @param isAdded true on the added parties
   * @param changed node_id of the earlier parties whose columns changed since (hub values)
   */
  public static Result scoreWithAdded(
      Dataset<Row> parties,
      long partyCount,
      ModelDefinition definition,
      int maxBlockSize,
      FellegiSunterModel model,
      Dataset<Row> earlierPairs,
      Column isAdded,
      Dataset<Row> changed) {
    List<Comparison> comparisons = definition.comparisons();
    List<String> tf = definition.termFrequencyColumns();
    Dataset<Row> withTf = withFrequencies(parties, tf, partyCount);
    CandidatePairs.AddedPairs added =
        CandidatePairs.pairsOfAdded(parties, definition.rules(), maxBlockSize, isAdded, changed);
    // The earlier pairs of a redone party are made again with the added ones.
    Dataset<Row> redone = broadcast(added.redone().select(col("node_id").as("_redone")));
    Dataset<Row> standing =
        earlierPairs
            .join(redone, col("node_a").equalTo(col("_redone")), "left_anti")
            .join(redone, col("node_b").equalTo(col("_redone")), "left_anti");
    long addedCount = added.pairs().count();
    Dataset<Row> comparedAdded =
        PairComparison.compare(
            CandidatePairs.withParties(added.pairs(), withTf, addedCount, tf),
            comparisons,
            ID_COLUMNS,
            false);
    Dataset<Row> compared =
        earlierCompared(standing, withTf, definition)
            .union(comparedAdded)
            .persist(StorageLevel.MEMORY_AND_DISK());
    Map<Integer, Long> byRule = new java.util.HashMap<>();
    for (Row r : compared.groupBy("rule").count().collectAsList()) {
      byRule.put(r.getInt(0), r.getLong(1));
    }
    Map<String, Long> perRule = new LinkedHashMap<>();
    List<String> names = definition.ruleNames();
    for (int i = 0; i < names.size(); i++) {
      perRule.put(names.get(i), byRule.getOrDefault(i, 0L));
    }
    return new Result(
        added.pairs(),
        compared,
        MatchScoring.score(compared, model),
        ModelTraining.Trained.fixed(model),
        perRule.values().stream().mapToLong(Long::longValue).sum(),
        perRule,
        addedCount,
        added.redoneCount(),
        added.shiftedBlocks());
  }

  /**
   * The earlier run's pairs in the shape {@link PairComparison#compare} gives (the rule's index
   * again, no rule set: only training reads it), with tonight's term frequency of the right party's
   * value.
   */
  private static Dataset<Row> earlierCompared(
      Dataset<Row> earlierPairs, Dataset<Row> withTf, ModelDefinition definition) {
    List<String> names = definition.ruleNames();
    Column rule = lit(null).cast("int");
    for (int i = names.size() - 1; i >= 0; i--) {
      rule = when(col("rule").equalTo(names.get(i)), lit(i)).otherwise(rule);
    }
    List<Column> frequencies = new ArrayList<>();
    frequencies.add(col("node_id").as("node_b"));
    for (String c : definition.termFrequencyColumns()) {
      frequencies.add(col(c + "_tf"));
    }
    List<Column> cols = new ArrayList<>();
    for (String id : ID_COLUMNS) {
      cols.add(col(id));
    }
    cols.add(rule.as("rule"));
    cols.add(lit(null).cast("long").as("rules"));
    for (Comparison c : definition.comparisons()) {
      cols.add(col(c.gammaColumn()));
    }
    for (Comparison c : definition.comparisons()) {
      if (c.termFrequency() != null) {
        cols.add(col(c.termFrequency()));
      }
    }
    return earlierPairs
        .join(withTf.select(frequencies.toArray(new Column[0])), "node_b")
        .select(cols.toArray(new Column[0]));
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
