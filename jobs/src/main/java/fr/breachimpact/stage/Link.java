package fr.breachimpact.stage;

import fr.breachimpact.config.LinkConfig;
import fr.breachimpact.config.LoadedConfig;
import fr.breachimpact.ingest.IncidentCatalog;
import fr.breachimpact.link.CustomerLinkage;
import fr.breachimpact.link.LinkSides;
import fr.breachimpact.link.MatchSelection;
import fr.breachimpact.link.ModelDefinition;
import fr.breachimpact.link.ModelStore;
import fr.breachimpact.spark.Tables;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * Links {@code leaked_records_clean} with {@code customers_clean} into {@code customer_matches}
 * (Delta, replaced at each run), and keeps the scored candidate pairs in {@code link_pairs}.
 */
public final class Link implements Stage {
  public static final String NAME = "link";

  private final boolean explain;
  private final String modelFile;
  private final boolean retrain;

  /**
   * @param explain print the physical plan of the matches before writing
   * @param modelFile score with this model.json instead of training or reusing one; null for none
   * @param retrain train a new model even when the stored one could be reused
   */
  public Link(boolean explain, String modelFile, boolean retrain) {
    this.explain = explain;
    this.modelFile = modelFile;
    this.retrain = retrain;
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public List<String> reads() {
    return List.of(Tables.LEAKED_RECORDS_CLEAN, Tables.CUSTOMERS_CLEAN);
  }

  @Override
  public List<String> writes() {
    return List.of(Tables.CUSTOMER_MATCHES, Tables.LINK_PAIRS);
  }

  @Override
  public void run(StageContext context) {
    SparkSession spark = context.spark();
    LoadedConfig config = context.config();
    Map<String, List<String>> brands = incidentBrands(config);
    long start = System.nanoTime();
    Dataset<Row> leaked = context.read(Tables.LEAKED_RECORDS_CLEAN);
    Dataset<Row> customers = context.read(Tables.CUSTOMERS_CLEAN);
    LinkConfig settings = config.config().link();
    ModelDefinition definition = model(config);
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
    context.overwrite(result.matches(), Tables.CUSTOMER_MATCHES);
    context.overwrite(
        MatchSelection.candidates(
            result.scoredPairs(),
            List.copyOf(result.pairsPerRule().keySet()),
            result.model().comparisons()),
        Tables.LINK_PAIRS);
    result.release();
    result
        .pairsPerRule()
        .forEach(
            (rule, n) ->
                System.out.printf(Locale.ROOT, "link blocking rule=%s pairs=%d%n", rule, n));
    Dataset<Row> written = context.read(Tables.CUSTOMER_MATCHES);
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
  public static ModelDefinition model(LoadedConfig config) {
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
