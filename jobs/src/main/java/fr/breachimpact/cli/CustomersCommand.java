package fr.breachimpact.cli;

import fr.breachimpact.config.LoadedConfig;
import fr.breachimpact.link.CustomerExtractCounts;
import fr.breachimpact.link.CustomerMaster;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * Loads the configured customer master extracts into the Delta table {@code customers}, and their
 * normalised form into {@code customers_clean}.
 */
@Command(
    name = "customers",
    mixinStandardHelpOptions = true,
    description =
        "Load the customer master extracts (config 'customers') into the lake tables customers and customers_clean.")
public final class CustomersCommand implements Callable<Integer> {
  @Mixin JobOptions options;

  @Override
  public Integer call() {
    return options.runJob("customers", CustomersCommand::run);
  }

  /** The job without its command line: for the nightly run and the tests. */
  public static void run(SparkSession spark, LoadedConfig config, LocalDate runDate) {
    long start = System.nanoTime();
    List<Dataset<Row>> sources = CustomerMaster.loadSources(spark, config);
    // Each extract counted before any write: one that shrank too much stops here (exit 3).
    List<CustomerExtractCounts.Extract> extracts = new ArrayList<>();
    for (int i = 0; i < sources.size(); i++) {
      extracts.add(
          new CustomerExtractCounts.Extract(
              i, config.config().customers().get(i).path(), sources.get(i).count()));
    }
    String countsTable = config.lakeTable(CustomerExtractCounts.TABLE);
    CustomerExtractCounts.requireNoShrink(
        extracts,
        CustomerExtractCounts.previous(spark, countsTable),
        config.config().customersMaxShrink());
    Dataset<Row> customers = sources.get(0);
    for (Dataset<Row> more : sources.subList(1, sources.size())) {
      customers = customers.unionByName(more);
    }
    customers
        .write()
        .format("delta")
        .mode("overwrite")
        .option("overwriteSchema", "true")
        .save(config.lakeTable("customers"));
    long rows = spark.read().format("delta").load(config.lakeTable("customers")).count();
    normalize(spark, config, ClassifyCommand.normalizer(runDate));
    // Last, so that a load cut short is compared with the one before it next time.
    CustomerExtractCounts.save(spark, countsTable, extracts, runDate);
    System.out.printf(
        java.util.Locale.ROOT,
        "stage=customers customers=%d seconds=%.1f%n",
        rows,
        (System.nanoTime() - start) / 1e9);
  }

  /**
   * {@code customers} -> normalise -> {@code customers_clean}, with the classify stage's normaliser
   * (same reference date): a night with a new incident but the same customer master renormalises
   * none of it.
   */
  public static void normalize(
      SparkSession spark,
      LoadedConfig config,
      fr.breachimpact.normalize.RecordNormalizer normalizer) {
    long started = System.nanoTime();
    long n =
        ClassifyCommand.write(
            spark,
            spark
                .read()
                .format("delta")
                .load(config.lakeTable("customers"))
                .transform(normalizer::normalize),
            config.lakeTable("customers_clean"));
    System.out.printf(
        java.util.Locale.ROOT,
        "stage=normalize table=customers_clean rows=%d seconds=%s%n",
        n,
        ClassifyCommand.seconds(started));
  }
}
