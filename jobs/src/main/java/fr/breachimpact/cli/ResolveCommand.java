package fr.breachimpact.cli;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

import fr.breachimpact.config.ConfigException;
import fr.breachimpact.config.LoadedConfig;
import fr.breachimpact.config.ModelSettings;
import fr.breachimpact.ingest.IncidentCatalog;
import fr.breachimpact.ingest.InputException;
import fr.breachimpact.link.ModelDefinition;
import fr.breachimpact.link.ModelStore;
import fr.breachimpact.resolve.GroupOverlap;
import fr.breachimpact.resolve.IncidentOverlap;
import fr.breachimpact.resolve.IncidentScope;
import fr.breachimpact.resolve.Resolution;
import io.delta.tables.DeltaTable;
import java.sql.Date;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * {@code resolve}: identity graph over clean leaked records, customers and their matches; writes
 * the person tables (Delta, restricted) and the overlap reports (Parquet, report_date=<run date>).
 *
 * <p>The previous assignment is the state of {@code record_person} and {@code customer_person} at
 * their last commit for an earlier run date (Delta time travel; each commit carries {@code
 * run_date=<date>} as user metadata), so re-running a date gives the same ids.
 */
@Command(
    name = "resolve",
    mixinStandardHelpOptions = true,
    description = "Deduplicate persons across incidents and customers; overlap reports.")
public final class ResolveCommand implements Callable<Integer> {
  static final String RUN_DATE_META = "run_date=";

  @Mixin JobOptions options;

  @Mixin ModelOptions model;

  @Override
  public Integer call() {
    return options.runJob(
        "resolve", (spark, loaded, date) -> run(spark, loaded, date, model.file, model.retrain));
  }

  /** The job with the stored model reused when it fits, as the nightly run does. */
  public static void run(SparkSession spark, LoadedConfig loaded, LocalDate runDate) {
    run(spark, loaded, runDate, null, false);
  }

  /** The job without its command line: for the nightly run and the tests. */
  public static void run(
      SparkSession spark,
      LoadedConfig loaded,
      LocalDate runDate,
      String modelFile,
      boolean retrain) {
    long start = System.nanoTime();
    Map<String, IncidentScope> scopes = scopes(loaded);

    Dataset<Row> records = readDelta(spark, loaded.lakeTable("leaked_records_clean"));
    Dataset<Row> customers = readDelta(spark, loaded.lakeTable("customers_clean"));
    Dataset<Row> matches = readDelta(spark, loaded.lakeTable("customer_matches"));
    String recordPersonPath = loaded.lakeTable("record_person");
    String customerPersonPath = loaded.lakeTable("customer_person");
    String personsPath = loaded.lakeTable("persons");

    ModelDefinition definition = dedupeModel(loaded);
    ModelSettings settings = loaded.config().resolve().modelSettings();
    ModelStore store =
        new ModelStore(
            spark.sparkContext().hadoopConfiguration(),
            loaded.resolve(loaded.config().lakeDir()),
            "dedupe");
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
                previous(spark, recordPersonPath, runDate),
                previous(spark, customerPersonPath, runDate),
                previous(spark, personsPath, runDate)),
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

    writeSnapshot(out.recordPerson(), recordPersonPath, runDate);
    writeSnapshot(out.customerPerson(), customerPersonPath, runDate);
    writeSnapshot(out.persons(), personsPath, runDate);
    writeSnapshot(out.clusterReview(), loaded.lakeTable("cluster_review"), runDate);
    writeMerges(spark, out.personMerges(), loaded.lakeTable("person_merges"), runDate);
    writeSnapshot(out.dedupePairs(), loaded.lakeTable("dedupe_pairs"), runDate);
    out.release();

    // Reports read the tables just written, not the lineage of the whole stage.
    Dataset<Row> recordPerson = readDelta(spark, recordPersonPath);
    Dataset<Row> customerPerson = readDelta(spark, customerPersonPath);
    int minCell = loaded.config().report().minCellSize();
    // Read four times by the two reports: computed once.
    Dataset<Row> exposures = IncidentOverlap.exposures(recordPerson).localCheckpoint(true);
    writeReport(
        IncidentOverlap.compute(exposures, minCell),
        loaded.reportPath("incident_overlap"),
        runDate);
    writeReport(
        GroupOverlap.compute(exposures, customerPerson, customers, scopes, minCell),
        loaded.reportPath("group_overlap"),
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

  /**
   * The deduplication model of the config, checked with its threshold: a wrong setting is one line
   * naming its key (exit 2).
   */
  public static ModelDefinition dedupeModel(LoadedConfig loaded) {
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

  private static Dataset<Row> readDelta(SparkSession spark, String path) {
    if (!DeltaTable.isDeltaTable(spark, path)) {
      throw new InputException(path + ": Delta table not found (run the earlier stages first)");
    }
    return spark.read().format("delta").load(path);
  }

  /**
   * The table as the last run of an earlier date left it, or null: versions are found by the {@code
   * run_date=} user metadata of their commits.
   */
  static Dataset<Row> previous(SparkSession spark, String path, LocalDate runDate) {
    if (!DeltaTable.isDeltaTable(spark, path)) {
      return null;
    }
    Row latest =
        DeltaTable.forPath(spark, path)
            .history()
            .where(col("userMetadata").startsWith(RUN_DATE_META))
            .where(
                col("userMetadata").substr(RUN_DATE_META.length() + 1, 10).lt(runDate.toString()))
            .agg(org.apache.spark.sql.functions.max("version"))
            .first();
    if (latest.isNullAt(0)) {
      return null;
    }
    return spark.read().format("delta").option("versionAsOf", latest.getLong(0)).load(path);
  }

  private static void writeSnapshot(Dataset<Row> table, String path, LocalDate runDate) {
    table
        .write()
        .format("delta")
        .mode(SaveMode.Overwrite)
        .option("overwriteSchema", "true")
        .option("userMetadata", RUN_DATE_META + runDate)
        .save(path);
  }

  /** Merges of this run date replace that date's rows only. */
  private static void writeMerges(
      SparkSession spark, Dataset<Row> merges, String path, LocalDate runDate) {
    var writer =
        merges
            .write()
            .format("delta")
            .mode(SaveMode.Overwrite)
            .option("userMetadata", RUN_DATE_META + runDate);
    if (DeltaTable.isDeltaTable(spark, path)) {
      writer = writer.option("replaceWhere", "run_date = '" + runDate + "'");
    }
    writer.save(path);
  }

  /** Overwrites the report_date=<run date> partition only: re-running a date is idempotent. */
  private static void writeReport(Dataset<Row> report, String path, LocalDate runDate) {
    report
        .withColumn("report_date", lit(Date.valueOf(runDate)))
        .coalesce(1)
        .write()
        .mode(SaveMode.Overwrite)
        .option("partitionOverwriteMode", "dynamic")
        .partitionBy("report_date")
        .parquet(path);
  }
}
