package fr.breachimpact.stage;

import static org.apache.spark.sql.functions.lit;

import fr.breachimpact.config.ConfigException;
import fr.breachimpact.config.LoadedConfig;
import fr.breachimpact.config.ModelSettings;
import fr.breachimpact.ingest.IncidentCatalog;
import fr.breachimpact.ingest.InputException;
import fr.breachimpact.link.ModelDefinition;
import fr.breachimpact.link.ModelStore;
import fr.breachimpact.report.ReportWriter;
import fr.breachimpact.resolve.GroupOverlap;
import fr.breachimpact.resolve.IncidentOverlap;
import fr.breachimpact.resolve.IncidentScope;
import fr.breachimpact.resolve.Resolution;
import fr.breachimpact.spark.Tables;
import java.sql.Date;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * Identity graph over clean leaked records, customers and their matches; writes the person tables
 * (Delta, restricted) and the overlap reports (Parquet, report_date=<run date>).
 *
 * <p>The previous assignment is the state of {@code record_person} and {@code customer_person} at
 * their last commit for an earlier run date (Delta time travel; each commit carries {@code
 * run_date=<date>} as user metadata), so re-running a date gives the same ids.
 */
public final class Resolve implements CarriedForward {
  public static final String NAME = "resolve";

  private final String modelFile;
  private final boolean retrain;

  /** The stage with the stored model reused when it fits, as the nightly run does. */
  public Resolve() {
    this(null, false);
  }

  /**
   * @param modelFile score with this model.json instead of training or reusing one; null for none
   * @param retrain train a new model even when the stored one could be reused
   */
  public Resolve(String modelFile, boolean retrain) {
    this.modelFile = modelFile;
    this.retrain = retrain;
  }

  @Override
  public String name() {
    return NAME;
  }

  /** Also the previous run date's state of its own person tables (see above). */
  @Override
  public List<String> reads() {
    return List.of(Tables.LEAKED_RECORDS_CLEAN, Tables.CUSTOMERS_CLEAN, Tables.CUSTOMER_MATCHES);
  }

  @Override
  public List<String> writes() {
    return List.of(
        Tables.RECORD_PERSON,
        Tables.CUSTOMER_PERSON,
        Tables.PERSONS,
        Tables.CLUSTER_REVIEW,
        Tables.PERSON_MERGES,
        Tables.DEDUPE_PAIRS);
  }

  @Override
  public void run(StageContext context) {
    SparkSession spark = context.spark();
    LoadedConfig loaded = context.config();
    LocalDate runDate = context.runDate();
    long start = System.nanoTime();
    Map<String, IncidentScope> scopes = scopes(loaded);

    Dataset<Row> records = readRequired(context, Tables.LEAKED_RECORDS_CLEAN);
    Dataset<Row> customers = readRequired(context, Tables.CUSTOMERS_CLEAN);
    Dataset<Row> matches = readRequired(context, Tables.CUSTOMER_MATCHES);

    ModelDefinition definition = model(loaded);
    ModelSettings settings = loaded.config().resolve().modelSettings();
    ModelStore store = store(spark, loaded);
    // Counted once: the stored model is compared and saved with the same sizes.
    long recordCount = records.count();
    long customerCount = customers.count();
    ModelStore.Choice choice =
        store.choose(
            modelFile,
            retrain,
            definition,
            settings,
            recordCount,
            customerCount,
            loaded.config().link().retrainDrift());
    Resolution.Output out =
        Resolution.run(
            new Resolution.Inputs(
                records,
                customers,
                matches,
                context.lastRunBefore(Tables.RECORD_PERSON),
                context.lastRunBefore(Tables.CUSTOMER_PERSON),
                context.lastRunBefore(Tables.PERSONS)),
            loaded.config().resolve(),
            definition,
            loaded.config().link(),
            choice.model(),
            runDate);
    if (choice.train()) {
      store.save(
          out.dedupeModel(), settings, recordCount, customerCount, out.stats().candidatePairs());
    }
    System.out.println(
        "resolve model: "
            + (choice.train() ? "trained (" + choice.reason() + ")" : choice.reason()));

    context.overwriteSnapshot(out.recordPerson(), Tables.RECORD_PERSON);
    context.overwriteSnapshot(out.customerPerson(), Tables.CUSTOMER_PERSON);
    context.overwriteSnapshot(out.persons(), Tables.PERSONS);
    context.overwriteSnapshot(out.clusterReview(), Tables.CLUSTER_REVIEW);
    // Merges of this run date replace that date's rows only.
    context.replaceRunDate(out.personMerges(), Tables.PERSON_MERGES);
    context.overwriteSnapshot(out.dedupePairs(), Tables.DEDUPE_PAIRS);
    out.release();

    // Reports read the tables just written, not the lineage of the whole stage.
    Dataset<Row> recordPerson = readRequired(context, Tables.RECORD_PERSON);
    Dataset<Row> customerPerson = readRequired(context, Tables.CUSTOMER_PERSON);
    int minCell = loaded.config().report().minCellSize();
    // Read four times by the two reports: computed once.
    Dataset<Row> exposures = IncidentOverlap.exposures(recordPerson).localCheckpoint(true);
    String reports = loaded.resolve(loaded.config().reportsDir());
    ReportWriter.write(
        IncidentOverlap.compute(exposures, minCell).coalesce(1),
        reports,
        Tables.INCIDENT_OVERLAP,
        runDate);
    ReportWriter.write(
        GroupOverlap.compute(exposures, customerPerson, customers, scopes, minCell).coalesce(1),
        reports,
        Tables.GROUP_OVERLAP,
        runDate);

    Resolution.Stats stats = out.stats();
    double seconds = (System.nanoTime() - start) / 1e9;
    System.out.printf(
        Locale.ROOT,
        "stage=resolve records=%d edges=%d rounds=%d seconds=%.1f pairs=%d pairs_per_s=%.0f%n",
        recordCount,
        stats.edges(),
        stats.rounds(),
        seconds,
        stats.candidatePairs(),
        stats.candidatePairs() / Math.max(seconds, 1e-3));
    System.out.printf(
        "resolve persons=%d merges=%d clusters_for_review=%d candidate_pairs=%d hubs=%s%n",
        stats.persons(),
        stats.merges(),
        stats.reviewClusters(),
        stats.candidatePairs(),
        stats.hubValues());
  }

  private static ModelStore store(SparkSession spark, LoadedConfig loaded) {
    return new ModelStore(
        spark.sparkContext().hadoopConfiguration(),
        loaded.resolve(loaded.config().lakeDir()),
        "dedupe");
  }

  /** Where the deduplication model it trained last is kept (it reuses it while it fits). */
  public static String storedModelPath(LoadedConfig loaded) {
    return new ModelStore(null, loaded.resolve(loaded.config().lakeDir()), "dedupe").path();
  }

  /**
   * With the same records, customers, matches, config and model as its run of {@code from}, a full
   * run finds the same clusters, and each cluster holds exactly the members of one person of that
   * run: every person keeps its id and first_seen_run_date and none is merged tonight. So the
   * date's tables are that run's, with run_date moved to this date where they have one (persons,
   * cluster_review), no merge of this date, and the overlap reports copied to this date.
   */
  @Override
  public boolean carryForward(StageContext context, LocalDate from) {
    LoadedConfig loaded = context.config();
    Configuration conf = context.spark().sparkContext().hadoopConfiguration();
    String reports = loaded.resolve(loaded.config().reportsDir());
    for (String report : List.of(Tables.INCIDENT_OVERLAP, Tables.GROUP_OVERLAP)) {
      if (!ReportWriter.exists(conf, reports, report, from)) {
        return false;
      }
    }
    Column runDate = lit(Date.valueOf(context.runDate()));
    context.overwriteSnapshot(
        context.read(Tables.PERSONS).withColumn("run_date", runDate), Tables.PERSONS);
    context.overwriteSnapshot(
        context.read(Tables.CLUSTER_REVIEW).withColumn("run_date", runDate), Tables.CLUSTER_REVIEW);
    context.replaceRunDate(context.read(Tables.PERSON_MERGES).limit(0), Tables.PERSON_MERGES);
    ReportWriter.copy(conf, reports, Tables.INCIDENT_OVERLAP, from, context.runDate());
    ReportWriter.copy(conf, reports, Tables.GROUP_OVERLAP, from, context.runDate());
    return true;
  }

  /**
   * The deduplication model of the config, checked with its threshold: a wrong setting is one line
   * naming its key (exit 2).
   */
  public static ModelDefinition model(LoadedConfig loaded) {
    String file = loaded.file().toString();
    double threshold = loaded.config().resolve().matchThreshold();
    if (!(threshold > 0 && threshold < 1)) {
      throw ConfigException.at(
          file,
          "resolve.match_threshold",
          "a match probability between 0 and 1 expected, got " + threshold);
    }
    return ModelDefinition.forDedupe(
        loaded.config().resolve().modelSettings(), file, "resolve.model");
  }

  /** incident id -> brands and group, from each incident's manifest.json. */
  static Map<String, IncidentScope> scopes(LoadedConfig loaded) {
    Map<String, IncidentScope> scopes = new TreeMap<>();
    IncidentCatalog.manifests(loaded)
        .forEach((id, manifest) -> scopes.put(id, IncidentScope.of(manifest)));
    return scopes;
  }

  private static Dataset<Row> readRequired(StageContext context, String table) {
    if (!context.exists(table)) {
      throw new InputException(
          context.table(table) + ": Delta table not found (run the earlier stages first)");
    }
    return context.read(table);
  }
}
