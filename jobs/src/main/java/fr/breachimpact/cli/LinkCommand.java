package fr.breachimpact.cli;

import fr.breachimpact.config.LinkConfig;
import fr.breachimpact.config.LoadedConfig;
import fr.breachimpact.ingest.IncidentCatalog;
import fr.breachimpact.link.CustomerLinkage;
import fr.breachimpact.link.LinkSides;
import fr.breachimpact.link.MatchSelection;
import fr.breachimpact.link.ModelDefinition;
import fr.breachimpact.link.ModelStore;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * Links {@code leaked_records_clean} with {@code customers_clean} into {@code customer_matches}
 * (Delta, replaced at each run).
 */
@Command(
    name = "link",
    header =
        "Match leaked records with customers: Fellegi-Sunter scores, a trusted key held by one customer wins.",
    mixinStandardHelpOptions = true,
    description = {
      "Match leaked records with customers: candidate pairs from the blocking rules, each scored by the",
      "Fellegi-Sunter model (trained or reused, link.model); a trusted key held by one customer wins."
    })
public final class LinkCommand implements Callable<Integer> {
  @Mixin JobOptions options;

  @picocli.CommandLine.Option(
      names = "--explain",
      description = "Print the physical plan of the matches (joins, exchanges) before writing.")
  boolean explain;

  @Mixin ModelOptions model;

  @Override
  public Integer call() {
    return options.runJob(
        "link",
        (spark, loaded, date) -> run(spark, loaded, date, explain, model.file, model.retrain));
  }

  /** The job without its command line: for the nightly run and the tests. */
  public static void run(
      SparkSession spark,
      LoadedConfig config,
      LocalDate runDate,
      boolean explain,
      String modelFile,
      boolean retrain) {
    Map<String, List<String>> brands = incidentBrands(config);
    long start = System.nanoTime();
    Dataset<Row> leaked =
        spark.read().format("delta").load(config.lakeTable("leaked_records_clean"));
    Dataset<Row> customers = spark.read().format("delta").load(config.lakeTable("customers_clean"));
    LinkConfig settings = config.config().link();
    ModelDefinition definition = linkModel(config);
    ModelStore store =
        new ModelStore(
            spark.sparkContext().hadoopConfiguration(),
            config.resolve(config.config().lakeDir()),
            "link");
    ModelStore.Choice choice =
        store.choose(
            modelFile,
            retrain,
            definition,
            settings.modelSettings(),
            leaked.count(),
            customers.count(),
            settings.retrainDrift());
    CustomerLinkage.Result result =
        CustomerLinkage.link(
            leaked,
            customers,
            LinkSides.incidentBrands(spark, brands),
            settings,
            definition,
            choice.model());
    if (choice.train()) {
      store.save(
          result.trained(),
          settings.modelSettings(),
          result.leakedRecords(),
          result.customers(),
          result.pairs());
    }
    System.out.println(
        "link model: " + (choice.train() ? "trained (" + choice.reason() + ")" : choice.reason()));
    if (explain) {
      result.matches().explain("formatted");
    }
    result
        .matches()
        .write()
        .format("delta")
        .mode("overwrite")
        .option("overwriteSchema", "true")
        .save(config.lakeTable("customer_matches"));
    MatchSelection.candidates(
            result.scoredPairs(),
            List.copyOf(result.pairsPerRule().keySet()),
            result.model().comparisons())
        .write()
        .format("delta")
        .mode("overwrite")
        .option("overwriteSchema", "true")
        .save(config.lakeTable("link_pairs"));
    result.release();
    result
        .pairsPerRule()
        .forEach(
            (rule, n) ->
                System.out.printf(Locale.ROOT, "link blocking rule=%s pairs=%d%n", rule, n));
    Dataset<Row> written = spark.read().format("delta").load(config.lakeTable("customer_matches"));
    long matches = written.count();
    double seconds = (System.nanoTime() - start) / 1e9;
    // Pairs blocked, compared and scored per second of the whole stage.
    System.out.printf(
        Locale.ROOT,
        "stage=link records=%d customers=%d pairs=%d pairs_per_record=%.2f matches=%d seconds=%.1f pairs_per_s=%.0f%n",
        result.leakedRecords(),
        result.customers(),
        result.pairs(),
        result.pairsPerRecord(),
        matches,
        seconds,
        result.pairs() / Math.max(seconds, 1e-3));
  }

  /** The link model of the config, checked: a wrong setting is one line naming its key (exit 2). */
  public static ModelDefinition linkModel(LoadedConfig config) {
    return ModelDefinition.forLink(
        config.config().link().modelSettings(), config.file().toString(), "link.model");
  }

  /** incident_id -> brands, from the manifests under incidents_dir (empty when none). */
  public static Map<String, List<String>> incidentBrands(LoadedConfig config) {
    Map<String, List<String>> out = new TreeMap<>();
    IncidentCatalog.manifests(config).forEach((id, manifest) -> out.put(id, manifest.brands()));
    return out;
  }
}
