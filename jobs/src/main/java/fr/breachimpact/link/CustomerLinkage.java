package fr.breachimpact.link;

import fr.breachimpact.config.LinkConfig;
import java.util.List;
import java.util.Locale;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.storage.StorageLevel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The whole linkage, step by step: sides, blocking, comparison vectors, u on random pairs, m by
 * EM, scoring, selection. Each step is a public function of its own class, so that it can be
 * looked at alone; this class only chains them and keeps the frames that are read twice.
 */
public final class CustomerLinkage {
  private static final Logger LOG = LoggerFactory.getLogger(CustomerLinkage.class);

  /**
   * @param matches the {@code customer_matches} rows
   * @param scoredPairs every candidate pair with its levels, Bayes factors and probability
   * @param pairs number of candidate pairs
   */
  public record Result(
      Dataset<Row> matches,
      Dataset<Row> scoredPairs,
      FellegiSunterModel model,
      long leakedRecords,
      long customers,
      long pairs,
      List<Dataset<Row>> cached) {

    public double pairsPerRecord() {
      return leakedRecords == 0 ? 0 : (double) pairs / leakedRecords;
    }

    /** Frees the cached frames once the matches are written. */
    public void release() {
      cached.forEach(Dataset::unpersist);
    }
  }

  private CustomerLinkage() {}

  /**
   * @param leakedClean {@code leaked_records_clean}
   * @param customersClean {@code customers_clean}
   * @param incidentBrands see {@link LinkSides#incidentBrands}
   */
  public static Result link(
      Dataset<Row> leakedClean,
      Dataset<Row> customersClean,
      Dataset<Row> incidentBrands,
      LinkConfig config) {
    List<Comparison> comparisons = Comparisons.all();
    List<BlockingRule> rules = Blocking.rules();

    Dataset<Row> leaked = LinkSides.leaked(leakedClean, incidentBrands).persist(StorageLevel.MEMORY_AND_DISK());
    Dataset<Row> customers =
        LinkSides.customers(customersClean, config.maxCustomersPerKey()).persist(StorageLevel.MEMORY_AND_DISK());
    long leakedCount = leaked.count();
    long customerCount = customers.count();

    Dataset<Row> pairs =
        Blocking.pairs(leaked, customers, rules, config.maxBlockSize(), config.maxBlockPairs())
            .persist(StorageLevel.MEMORY_AND_DISK());
    Dataset<Row> paired = PairComparison.pairedCustomers(customers, pairs, pairs.count());
    Dataset<Row> compared =
        PairComparison.compare(PairComparison.join(pairs, leaked, paired), comparisons)
            .persist(StorageLevel.MEMORY_AND_DISK());
    List<PatternCount> patterns = PairComparison.patterns(compared, comparisons);
    pairs.unpersist();
    long pairCount = patterns.stream().mapToLong(PatternCount::count).sum();
    for (int i = 0; i < rules.size(); i++) {
      int rule = i;
      long n = patterns.stream().filter(p -> p.rule() == rule).mapToLong(PatternCount::count).sum();
      LOG.info("blocking rule={} pairs={}", rules.get(i).name(), n);
    }

    Dataset<Row> random =
        RandomPairs.sample(leaked, customers, leakedCount, customerCount, config.uSamplePairs(), config.seed());
    List<PatternCount> randomPatterns =
        PairComparison.patterns(PairComparison.compare(random, comparisons), comparisons);
    double[][] u = ExpectationMaximisation.levelShares(randomPatterns, comparisons);

    ExpectationMaximisation.Result em =
        ExpectationMaximisation.run(
            patterns,
            u,
            ExpectationMaximisation.initialM(comparisons),
            activeFields(rules, comparisons),
            config.emMaxIterations(),
            config.emTolerance());
    double expected = em.expectedMatches();
    double space = Math.max(1.0, (double) leakedCount * customerCount);
    double prior =
        Math.min(1 - FellegiSunterModel.FLOOR, Math.max(1.0 / space, expected / space));
    FellegiSunterModel model = new FellegiSunterModel(comparisons, em.m(), u, prior, em.iterations());
    LOG.info(
        String.format(
            Locale.ROOT,
            "linkage records=%d customers=%d pairs=%d pairs_per_record=%.2f random_pairs=%d em_converged=%s expected_matches=%.0f",
            leakedCount,
            customerCount,
            pairCount,
            leakedCount == 0 ? 0.0 : (double) pairCount / leakedCount,
            randomPatterns.stream().mapToLong(PatternCount::count).sum(),
            em.converged(),
            expected));
    model.describe().forEach(line -> LOG.info("model {}", line));

    Dataset<Row> scored = MatchScoring.score(compared, model);
    Dataset<Row> matches =
        MatchSelection.output(
            MatchSelection.select(scored, config.matchThreshold(), config.allAboveThreshold()),
            comparisons);
    return new Result(
        matches, scored, model, leakedCount, customerCount, pairCount, List.of(leaked, customers, compared));
  }

  /** active[rule][field]: a field constrained by a rule is not learnt from that rule's pairs. */
  static boolean[][] activeFields(List<BlockingRule> rules, List<Comparison> comparisons) {
    boolean[][] active = new boolean[rules.size()][comparisons.size()];
    for (int r = 0; r < rules.size(); r++) {
      for (int f = 0; f < comparisons.size(); f++) {
        active[r][f] = !comparisons.get(f).blockedBy().contains(rules.get(r).name());
      }
    }
    return active;
  }
}
