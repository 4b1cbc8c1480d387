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
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * Links {@code leaked_records_clean} with {@code customers_clean} into {@code customer_matches}
 * (Delta, replaced at each run), and keeps the scored candidate pairs in {@code link_pairs}. When
 * only new incidents came, their records alone are linked with the stored model ({@link
 * #runIncidents}).
 */
public final class Link implements IncidentScoped {
  public static final String NAME = "link";

  /**
   * The most earlier records an added incident may move out of their blocks and still be linked
   * alone with it: a bound on the predicate that replaces their rows.
   */
  static final int MAX_SHIFTED_RECORDS = 1000;

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
    ModelStore store = store(context);
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
    context.overwrite(pairsTable(result), Tables.LINK_PAIRS);
    result.release();
    printLines(result, context.read(Tables.CUSTOMER_MATCHES).count(), start);
  }

  /**
   * Links the records of added incidents alone, with the stored model, when nothing else changed:
   * their matches and pairs, and those of the few earlier records whose blocks they changed, are
   * those a full run with that model writes (see {@link CustomerLinkage#linkAdded}); they replace
   * theirs in one commit per table. A replaced or removed incident changes earlier records' blocks
   * the other way, and a model that would be trained again changes every score: both run in full.
   */
  @Override
  public DeltaRun runIncidents(StageContext context, IncidentDelta delta) {
    if (!delta.additionsOnly()) {
      return DeltaRun.refused("an incident was replaced or removed, not only added");
    }
    if (retrain || modelFile != null) {
      return DeltaRun.refused(retrain ? "retrain asked" : "a model file given");
    }
    for (String table : writes()) {
      if (!context.exists(table)) {
        return DeltaRun.refused(table + " is missing");
      }
    }
    long start = System.nanoTime();
    LoadedConfig config = context.config();
    LinkConfig settings = config.config().link();
    ModelDefinition definition = model(config);
    Dataset<Row> leaked = context.read(Tables.LEAKED_RECORDS_CLEAN);
    Dataset<Row> customers = context.read(Tables.CUSTOMERS_CLEAN);
    ModelStore.Choice choice =
        store(context)
            .choose(
                null,
                false,
                definition,
                settings.modelSettings(),
                leaked.count(),
                customers.count(),
                settings.retrainDrift());
    if (choice.train()) {
      return DeltaRun.refused("the model would be trained again: " + choice.reason());
    }
    CustomerLinkage.Added added =
        CustomerLinkage.linkAdded(
            leaked,
            delta.added(),
            customers,
            LinkSides.incidentBrands(context.spark(), incidentBrands(config)),
            settings,
            definition,
            choice.model(),
            MAX_SHIFTED_RECORDS);
    if (added.linked() == null) {
      return DeltaRun.refused(
          "the added records change the blocks of more than "
              + MAX_SHIFTED_RECORDS
              + " earlier records");
    }
    CustomerLinkage.Result result = added.linked();
    String predicate = replacedRows(delta.added(), added.shifted());
    context.replaceWhere(result.matches(), Tables.CUSTOMER_MATCHES, predicate);
    context.replaceWhere(pairsTable(result), Tables.LINK_PAIRS, predicate);
    result.release();
    long matches = context.read(Tables.CUSTOMER_MATCHES).where(predicate).count();
    printLines(result, matches, start);
    return DeltaRun.done(
        String.format(
            Locale.ROOT,
            "linked the records of %s alone (%d records, %d of them earlier ones whose blocks"
                + " changed; %d matches) with %s",
            delta.describe(),
            result.leakedRecords(),
            added.shifted().size(),
            matches,
            choice.reason()));
  }

  /** The rows of the added incidents' records and of the earlier records linked again. */
  static String replacedRows(Set<String> addedIncidents, List<String> shifted) {
    String incidents = Ingest.incidentPredicate(addedIncidents);
    if (shifted.isEmpty()) {
      return incidents;
    }
    for (String id : shifted) {
      // Record ids are "r" and hex digits (IngestStage.recordId): nothing to quote.
      if (!id.matches("[a-z0-9]+")) {
        throw new IllegalStateException("unexpected record id format in leaked_records_clean");
      }
    }
    return "("
        + incidents
        + ") OR record_id IN ("
        + shifted.stream().map(i -> "'" + i + "'").collect(Collectors.joining(", "))
        + ")";
  }

  private static ModelStore store(StageContext context) {
    return new ModelStore(
        context.spark().sparkContext().hadoopConfiguration(),
        context.config().resolve(context.config().config().lakeDir()),
        "link");
  }

  private static Dataset<Row> pairsTable(CustomerLinkage.Result result) {
    return MatchSelection.candidates(
        result.scoredPairs(),
        List.copyOf(result.pairsPerRule().keySet()),
        result.model().comparisons());
  }

  /** Each rule's pairs, then the stage's line: records, pairs, matches, pairs scored per second. */
  private static void printLines(CustomerLinkage.Result result, long matches, long startNanos) {
    result
        .pairsPerRule()
        .forEach(
            (rule, n) ->
                System.out.printf(Locale.ROOT, "link blocking rule=%s pairs=%d%n", rule, n));
    double seconds = (System.nanoTime() - startNanos) / 1e9;
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
