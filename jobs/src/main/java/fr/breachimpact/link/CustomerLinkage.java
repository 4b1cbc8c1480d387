package fr.breachimpact.link;

import static org.apache.spark.sql.functions.col;

import fr.breachimpact.config.LinkConfig;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.storage.StorageLevel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The whole linkage, step by step: sides, blocking, comparison vectors, u on random pairs, m by EM,
 * scoring, selection. Each step is a public function of its own class, so that it can be looked at
 * alone; this class only chains them and keeps the frames that are read twice.
 */
public final class CustomerLinkage {
  private static final Logger LOG = LoggerFactory.getLogger(CustomerLinkage.class);

  /**
   * @param matches the {@code customer_matches} rows
   * @param scoredPairs every candidate pair with its levels, Bayes factors and probability
   * @param pairs number of candidate pairs
   * @param pairsPerRule candidate pairs each rule found first, in the rules' order
   */
  public record Result(
      Dataset<Row> matches,
      Dataset<Row> scoredPairs,
      ModelTraining.Trained trained,
      long leakedRecords,
      long customers,
      long pairs,
      Map<String, Long> pairsPerRule,
      List<Dataset<Row>> cached) {

    public FellegiSunterModel model() {
      return trained.model();
    }

    public double pairsPerRecord() {
      return leakedRecords == 0 ? 0 : (double) pairs / leakedRecords;
    }

    /** Frees the cached frames once the matches are written. */
    public void release() {
      cached.forEach(Dataset::unpersist);
    }
  }

  /** The ids a compared pair of the linkage carries. */
  static final List<String> ID_COLUMNS =
      List.of("l_record_id", "l_incident_id", "r_brand", "r_customer_id");

  private CustomerLinkage() {}

  /**
   * @param leakedClean {@code leaked_records_clean}
   * @param customersClean {@code customers_clean}
   * @param incidentBrands see {@link LinkSides#incidentBrands}
   * @param definition the comparisons and blocking rules of {@code link.model}
   */
  public static Result link(
      Dataset<Row> leakedClean,
      Dataset<Row> customersClean,
      Dataset<Row> incidentBrands,
      LinkConfig config,
      ModelDefinition definition,
      FellegiSunterModel fixedModel) {
    List<Comparison> comparisons = definition.comparisons();
    List<BlockingRule> rules = definition.rules();

    Dataset<Row> leaked =
        LinkSides.leaked(leakedClean, incidentBrands).persist(StorageLevel.MEMORY_AND_DISK());
    Dataset<Row> customers =
        LinkSides.customers(
                customersClean, config.maxCustomersPerKey(), definition.termFrequencyColumns())
            .persist(StorageLevel.MEMORY_AND_DISK());
    long leakedCount = leaked.count();
    long customerCount = customers.count();

    Dataset<Row> pairs =
        Blocking.pairs(leaked, customers, rules, config.maxBlockSize(), config.maxBlockPairs())
            .persist(StorageLevel.MEMORY_AND_DISK());
    Dataset<Row> paired = PairComparison.pairedCustomers(customers, pairs, pairs.count());
    Dataset<Row> compared =
        PairComparison.compare(
                PairComparison.join(pairs, leaked, paired), comparisons, ID_COLUMNS, true)
            .persist(StorageLevel.MEMORY_AND_DISK());
    List<PatternCount> patterns = PairComparison.patterns(compared, comparisons);
    pairs.unpersist();
    long pairCount = patterns.stream().mapToLong(PatternCount::count).sum();
    Map<String, Long> pairsPerRule = PatternCount.perRule(patterns, definition.ruleNames());

    ModelTraining.Trained trained =
        fixedModel != null
            ? ModelTraining.Trained.fixed(fixedModel)
            : ModelTraining.train(
                    "link",
                    definition,
                    patterns,
                    PairComparison.patterns(
                        PairComparison.compare(
                            RandomPairs.sample(
                                leaked,
                                customers,
                                col("l_record_id"),
                                List.of(col("r_brand"), col("r_customer_id")),
                                leakedCount,
                                customerCount,
                                config.uSamplePairs(),
                                config.seed()),
                            comparisons,
                            ID_COLUMNS,
                            false),
                        comparisons),
                    (double) leakedCount * customerCount,
                    config.emMaxIterations(),
                    config.emTolerance())
                .withTermFrequencies(
                    TermFrequencySummary.of(
                        customers, "r_", definition.termFrequencyColumns(), customerCount));
    FellegiSunterModel model = trained.model();
    LOG.info(
        String.format(
            Locale.ROOT,
            "linkage records=%d customers=%d pairs=%d pairs_per_record=%.2f",
            leakedCount,
            customerCount,
            pairCount,
            leakedCount == 0 ? 0.0 : (double) pairCount / leakedCount));

    Dataset<Row> scored = MatchScoring.score(compared, model);
    Dataset<Row> matches =
        MatchSelection.output(
            MatchSelection.select(scored, config.matchThreshold(), config.allAboveThreshold()),
            comparisons,
            ModelFile.id(model));
    return new Result(
        matches,
        scored,
        trained,
        leakedCount,
        customerCount,
        pairCount,
        pairsPerRule,
        List.of(leaked, customers, compared));
  }
}
