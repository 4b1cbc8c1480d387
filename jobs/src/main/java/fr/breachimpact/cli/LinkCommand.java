package fr.breachimpact.cli;

import fr.breachimpact.config.LoadedConfig;
import fr.breachimpact.ingest.IncidentCatalog;
import fr.breachimpact.link.CustomerLinkage;
import fr.breachimpact.link.LinkSides;
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
    mixinStandardHelpOptions = true,
    description = "Match leaked records with customers (deterministic keys, then Fellegi-Sunter).")
public final class LinkCommand implements Callable<Integer> {
  @Mixin JobOptions options;

  @picocli.CommandLine.Option(
      names = "--explain",
      description = "Print the physical plan of the matches (joins, exchanges) before writing.")
  boolean explain;

  @Override
  public Integer call() {
    return options.runJob("link", (spark, loaded, date) -> run(spark, loaded, date, explain));
  }

  /** The job without its command line: for the nightly run and the tests. */
  public static void run(SparkSession spark, LoadedConfig config, LocalDate runDate, boolean explain) {
    Map<String, List<String>> brands = incidentBrands(config);
    long start = System.nanoTime();
    Dataset<Row> leaked = spark.read().format("delta").load(config.lakeTable("leaked_records_clean"));
    Dataset<Row> customers = spark.read().format("delta").load(config.lakeTable("customers_clean"));
    CustomerLinkage.Result result =
        CustomerLinkage.link(
            leaked, customers, LinkSides.incidentBrands(spark, brands), config.config().link());
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
    result.release();
    Dataset<Row> written = spark.read().format("delta").load(config.lakeTable("customer_matches"));
    long matches = written.count();
    System.out.printf(
        Locale.ROOT,
        "stage=link records=%d customers=%d pairs=%d pairs_per_record=%.2f matches=%d seconds=%.1f%n",
        result.leakedRecords(),
        result.customers(),
        result.pairs(),
        result.pairsPerRecord(),
        matches,
        (System.nanoTime() - start) / 1e9);
  }

  /** incident_id -> brands, from the manifests under incidents_dir (empty when none). */
  public static Map<String, List<String>> incidentBrands(LoadedConfig config) {
    Map<String, List<String>> out = new TreeMap<>();
    IncidentCatalog.manifests(config).forEach((id, manifest) -> out.put(id, manifest.brands()));
    return out;
  }

}
