package fr.breachimpact.stage;

import fr.breachimpact.config.LoadedConfig;
import fr.breachimpact.link.CustomerExtractCounts;
import fr.breachimpact.link.CustomerMaster;
import fr.breachimpact.normalize.RecordNormalizer;
import fr.breachimpact.spark.Tables;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * The configured customer master extracts -> {@code customers}, their normalised form -> {@code
 * customers_clean}, and each extract's row count -> {@code customer_files}.
 */
public final class Customers implements Stage {
  public static final String NAME = "customers";

  @Override
  public String name() {
    return NAME;
  }

  /** None of the lake: the extracts named in the config (and its own {@code customer_files}). */
  @Override
  public List<String> reads() {
    return List.of();
  }

  @Override
  public List<String> writes() {
    return List.of(Tables.CUSTOMERS, Tables.CUSTOMERS_CLEAN, Tables.CUSTOMER_FILES);
  }

  @Override
  public void run(StageContext context) {
    SparkSession spark = context.spark();
    LoadedConfig config = context.config();
    long start = System.nanoTime();
    List<Dataset<Row>> sources = CustomerMaster.loadSources(spark, config);
    // Each extract counted before any write: one that shrank too much stops here (exit 3).
    List<CustomerExtractCounts.Extract> extracts = new ArrayList<>();
    for (int i = 0; i < sources.size(); i++) {
      extracts.add(
          new CustomerExtractCounts.Extract(
              i, config.config().customers().get(i).path(), sources.get(i).count()));
    }
    String countsTable = context.table(Tables.CUSTOMER_FILES);
    CustomerExtractCounts.requireNoShrink(
        extracts,
        CustomerExtractCounts.previous(spark, countsTable),
        config.config().customersMaxShrink());
    Dataset<Row> customers = sources.get(0);
    for (Dataset<Row> more : sources.subList(1, sources.size())) {
      customers = customers.unionByName(more);
    }
    context.overwrite(customers, Tables.CUSTOMERS);
    long rows = context.read(Tables.CUSTOMERS).count();
    normalize(context, Classify.normalizer(context.runDate()));
    // Last, so that a load cut short is compared with the one before it next time.
    CustomerExtractCounts.save(spark, countsTable, extracts, context.runDate());
    System.out.printf(
        Locale.ROOT,
        "stage=customers customers=%d seconds=%.1f%n",
        rows,
        (System.nanoTime() - start) / 1e9);
  }

  /**
   * {@code customers} -> normalise -> {@code customers_clean}, with the classify stage's normaliser
   * (same reference date): a night with a new incident but the same customer master renormalises
   * none of it.
   */
  public static void normalize(StageContext context, RecordNormalizer normalizer) {
    long started = System.nanoTime();
    long n =
        context.overwriteCounted(
            context.read(Tables.CUSTOMERS).transform(normalizer::normalize),
            Tables.CUSTOMERS_CLEAN);
    System.out.printf(
        Locale.ROOT,
        "stage=normalize table=customers_clean rows=%d seconds=%s%n",
        n,
        Classify.seconds(started));
  }
}
