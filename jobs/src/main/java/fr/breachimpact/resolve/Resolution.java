package fr.breachimpact.resolve;

import static org.apache.spark.sql.functions.col;

import fr.breachimpact.config.LinkConfig;
import fr.breachimpact.config.ResolveConfig;
import fr.breachimpact.link.FellegiSunterModel;
import fr.breachimpact.link.ModelDefinition;
import fr.breachimpact.link.ModelTraining;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.storage.StorageLevel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The resolve stage as one function of Datasets: clean records, clean customers, matches and the
 * previous run's assignment in; person tables out. No IO here (see cli.ResolveCommand).
 */
public final class Resolution {
  private static final Logger LOG = LoggerFactory.getLogger(Resolution.class);

  public static final StructType ASSIGNMENT_SCHEMA =
      new StructType().add("node_id", DataTypes.StringType).add("person_id", DataTypes.StringType);
  public static final StructType FIRST_SEEN_SCHEMA =
      new StructType()
          .add("person_id", DataTypes.StringType)
          .add("first_seen_run_date", DataTypes.DateType);

  /**
   * @param previousRecordPerson record_person of the previous run, or null on a first run
   * @param previousCustomerPerson customer_person of the previous run, or null
   * @param previousPersons persons of the previous run (for first_seen_run_date), or null
   */
  public record Inputs(
      Dataset<Row> recordsClean,
      Dataset<Row> customersClean,
      Dataset<Row> customerMatches,
      Dataset<Row> previousRecordPerson,
      Dataset<Row> previousCustomerPerson,
      Dataset<Row> previousPersons) {}

  /** Counts of one run, for the log and the bench line. */
  public record Stats(
      long parties,
      Map<String, Long> hubValues,
      long overmatchedCustomers,
      long candidatePairs,
      long dedupEdges,
      long matchEdges,
      int rounds,
      long persons,
      long merges,
      long reviewClusters) {

    public long edges() {
      return dedupEdges + matchEdges;
    }
  }

  /**
   * The person tables, and every scored candidate pair of the deduplication ({@code dedupe_pairs});
   * {@link #release()} once they are written frees the frames they share.
   */
  public record Output(
      Dataset<Row> recordPerson,
      Dataset<Row> customerPerson,
      Dataset<Row> persons,
      Dataset<Row> clusterReview,
      Dataset<Row> personMerges,
      Dataset<Row> hubs,
      Dataset<Row> dedupePairs,
      ModelTraining.Trained dedupeModel,
      Stats stats,
      List<Dataset<Row>> cached) {

    public void release() {
      cached.forEach(Dataset::unpersist);
    }
  }

  private Resolution() {}

  /**
   * @param model the deduplication model ({@code resolve.model})
   * @param training EM and random-pair settings (section {@code link})
   * @param fixedModel a deduplication model to score with instead of training one (null: train)
   */
  public static Output run(
      Inputs in,
      ResolveConfig config,
      ModelDefinition model,
      LinkConfig training,
      FellegiSunterModel fixedModel,
      LocalDate runDate) {
    SparkSession spark = in.recordsClean().sparkSession();
    Dataset<Row> parties =
        Parties.all(in.recordsClean(), in.customersClean()).persist(StorageLevel.MEMORY_AND_DISK());
    long partyCount = parties.count();

    Dataset<Row> hubs = HubGuard.hubs(parties, config).localCheckpoint(true);
    Map<String, Long> hubCounts = new TreeMap<>();
    for (Row r : hubs.groupBy("key_type", "reason").count().collectAsList()) {
      hubCounts.put(r.getString(0) + "/" + r.getString(1), r.getLong(2));
    }
    LOG.info("hub key values dropped (key/reason=count): {}", hubCounts);
    // A projection of the cached parties, read by the blocking rules and the pair scorer.
    Dataset<Row> guarded = HubGuard.withoutHubs(parties, hubs);

    DedupeScoring.Result dedupe =
        DedupeScoring.score(
            guarded, partyCount, model, config.maxBlockSize(), training, fixedModel);
    long candidatePairs = dedupe.pairs();
    Dataset<Row> dedupEdges =
        dedupe
            .scored()
            .where(col("match_probability").geq(config.matchThreshold()))
            .select(col("node_a").as("src"), col("node_b").as("dst"))
            .localCheckpoint(true);
    long dedupEdgeCount = dedupEdges.count();
    dedupe
        .pairsPerRule()
        .forEach((rule, n) -> LOG.info("dedupe blocking rule={} pairs={}", rule, n));

    Dataset<Row> overmatched =
        MatchEdges.overmatchedCustomers(in.customerMatches(), parties, config)
            .localCheckpoint(true);
    long overmatchedCount = overmatched.count();
    Dataset<Row> matchEdges =
        MatchEdges.edges(in.customerMatches(), overmatched).localCheckpoint(true);
    long matchEdgeCount = matchEdges.count();
    LOG.info(
        "edges: candidate_pairs={} dedup_edges={} match_edges={} overmatched_customers_dropped={}",
        candidatePairs,
        dedupEdgeCount,
        matchEdgeCount,
        overmatchedCount);

    ConnectedComponents.Result components =
        ConnectedComponents.run(
            parties.select("node_id"),
            dedupEdges.union(matchEdges),
            config.maxRounds(),
            config.maxDriverEdges());

    Dataset<Row> previous = orEmpty(spark, previousAssignment(in), ASSIGNMENT_SCHEMA);
    PersonIds.Assignment ids = PersonIds.assign(previous, components.labels(), runDate);
    Dataset<Row> assignment = ids.assignment().localCheckpoint(true);
    Dataset<Row> merges = ids.merges().localCheckpoint(true);

    // Read by persons, record_person and customer_person: joined once.
    Dataset<Row> members =
        PersonTables.members(parties, assignment).persist(StorageLevel.MEMORY_AND_DISK());
    Dataset<Row> persons =
        PersonTables.persons(
                members,
                orEmpty(spark, in.previousPersons(), FIRST_SEEN_SCHEMA)
                    .select("person_id", "first_seen_run_date"),
                config.maxClusterSize(),
                runDate)
            .localCheckpoint(true);
    Dataset<Row> review = PersonTables.clusterReview(persons, config.maxClusterSize());
    long personCount = persons.count();
    long mergeCount = merges.count();
    long reviewCount = review.count();
    LOG.info(
        "persons={} merges={} clusters_for_review={} (size > {})",
        personCount,
        mergeCount,
        reviewCount,
        config.maxClusterSize());

    Stats stats =
        new Stats(
            partyCount,
            hubCounts,
            overmatchedCount,
            candidatePairs,
            dedupEdgeCount,
            matchEdgeCount,
            components.rounds(),
            personCount,
            mergeCount,
            reviewCount);
    return new Output(
        PersonTables.recordPerson(members),
        PersonTables.customerPerson(members),
        persons,
        review,
        merges,
        hubs,
        DedupeScoring.candidates(
            dedupe.scored(), List.copyOf(dedupe.pairsPerRule().keySet()), model.comparisons()),
        dedupe.trained(),
        stats,
        // The scored pairs are a projection of the cached comparisons: those are what to free.
        List.of(members, parties, dedupe.compared()));
  }

  /** node_id, person_id of the previous run, from its record_person and customer_person. */
  static Dataset<Row> previousAssignment(Inputs in) {
    Dataset<Row> result = null;
    if (in.previousRecordPerson() != null) {
      result =
          in.previousRecordPerson()
              .select(Parties.recordNode(col("record_id")).as("node_id"), col("person_id"));
    }
    if (in.previousCustomerPerson() != null) {
      Dataset<Row> customers =
          in.previousCustomerPerson()
              .select(
                  Parties.customerNode(col("brand"), col("customer_id")).as("node_id"),
                  col("person_id"));
      result = result == null ? customers : result.union(customers);
    }
    return result;
  }

  private static Dataset<Row> orEmpty(SparkSession spark, Dataset<Row> df, StructType schema) {
    return df != null ? df : spark.createDataFrame(List.of(), schema);
  }
}
