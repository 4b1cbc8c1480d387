package fr.breachimpact.link;

import static org.apache.spark.sql.functions.col;

import fr.breachimpact.config.LinkConfig;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.apache.spark.sql.Column;
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
    return compareAndScore(
        leaked,
        customers,
        pairs,
        leakedCount,
        customerCount,
        config,
        definition,
        fixedModel,
        List.of(leaked, customers));
  }

  /**
   * The linkage of an incident added to an earlier one, with the earlier run's model: the records
   * of the {@code added} incidents, and the earlier records whose blocks they push past the
   * settings' bound ({@link Blocking#shiftedRecords}), are linked alone, each block counted on
   * every record. Their matches and pairs are then those a full linkage with the same model gives
   * them, and every other record's stay as they were.
   *
   * @param maxShifted the most earlier records linked again; past it {@link Added#linked} is null
   */
  public static Added linkAdded(
      Dataset<Row> leakedClean,
      Set<String> added,
      Dataset<Row> customersClean,
      Dataset<Row> incidentBrands,
      LinkConfig config,
      ModelDefinition definition,
      FellegiSunterModel model,
      int maxShifted) {
    List<BlockingRule> rules = definition.rules();
    Dataset<Row> all = LinkSides.leaked(leakedClean, incidentBrands);
    Dataset<Row> customers =
        LinkSides.customers(
                customersClean, config.maxCustomersPerKey(), definition.termFrequencyColumns())
            .persist(StorageLevel.MEMORY_AND_DISK());
    Column isAdded = col("l_incident_id").isin(added.toArray());
    Dataset<Row> addedKeys =
        Blocking.leakedKeys(all.where(isAdded), rules).persist(StorageLevel.MEMORY_AND_DISK());
    // Every record's keys, but only those of the added records' blocks are kept.
    Dataset<Row> allKeys =
        Blocking.inBlocksOf(Blocking.leakedKeys(all, rules), addedKeys, addedKeys.count())
            .persist(StorageLevel.MEMORY_AND_DISK());
    Blocking.PartBlocks addedBlocks =
        persisted(Blocking.partBlocks(addedKeys, allKeys, customers, rules, config.maxBlockSize()));
    List<String> shifted =
        Blocking.shiftedRecords(allKeys, addedKeys, addedBlocks, config.maxBlockPairs())
            .limit(maxShifted + 1)
            .collectAsList()
            .stream()
            .map(r -> r.getString(0))
            .sorted()
            .toList();
    List<Dataset<Row>> cached =
        List.of(customers, allKeys, addedKeys, addedBlocks.sizes(), addedBlocks.customers());
    if (shifted.size() > maxShifted) {
      cached.forEach(Dataset::unpersist);
      return new Added(null, shifted);
    }
    Dataset<Row> leaked;
    Dataset<Row> pairs;
    if (shifted.isEmpty()) {
      // The part is the added records: their blocks are those just made.
      leaked = all.where(isAdded).persist(StorageLevel.MEMORY_AND_DISK());
      pairs = Blocking.pairsOfPart(addedKeys, addedBlocks, config.maxBlockPairs());
    } else {
      leaked =
          all.where(isAdded.or(col("l_record_id").isin(shifted.toArray())))
              .persist(StorageLevel.MEMORY_AND_DISK());
      Dataset<Row> partKeys = Blocking.leakedKeys(leaked, rules);
      // The shifted records' other blocks are not all the added records': every key again.
      Dataset<Row> partBlockKeys =
          Blocking.inBlocksOf(Blocking.leakedKeys(all, rules), partKeys, partKeys.count());
      pairs =
          Blocking.pairsOfPart(
              partKeys,
              Blocking.partBlocks(partKeys, partBlockKeys, customers, rules, config.maxBlockSize()),
              config.maxBlockPairs());
    }
    pairs = pairs.persist(StorageLevel.MEMORY_AND_DISK());
    long leakedCount = leaked.count();
    long customerCount = customers.count();
    return new Added(
        compareAndScore(
            leaked,
            customers,
            pairs,
            leakedCount,
            customerCount,
            config,
            definition,
            model,
            Stream.concat(Stream.of(leaked), cached.stream()).toList()),
        shifted);
  }

  private static Blocking.PartBlocks persisted(Blocking.PartBlocks blocks) {
    return new Blocking.PartBlocks(
        blocks.sizes().persist(StorageLevel.MEMORY_AND_DISK()),
        blocks.customers().persist(StorageLevel.MEMORY_AND_DISK()));
  }

  /**
   * What {@link #linkAdded} linked, and the earlier records it linked again ({@code linked} null
   * when they were more than asked: nothing was linked).
   */
  public record Added(Result linked, List<String> shifted) {}

  /**
   * Compares the candidate pairs, trains the model unless one is given, scores and selects.
   *
   * @param cached the frames the caller persisted, freed with the result's
   */
  private static Result compareAndScore(
      Dataset<Row> leaked,
      Dataset<Row> customers,
      Dataset<Row> pairs,
      long leakedCount,
      long customerCount,
      LinkConfig config,
      ModelDefinition definition,
      FellegiSunterModel fixedModel,
      List<Dataset<Row>> cached) {
    List<Comparison> comparisons = definition.comparisons();
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
        Stream.concat(cached.stream(), Stream.of(compared)).toList());
  }
}
