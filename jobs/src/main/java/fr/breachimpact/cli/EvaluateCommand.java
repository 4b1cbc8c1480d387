package fr.breachimpact.cli;

import fr.breachimpact.config.LoadedConfig;
import fr.breachimpact.ingest.InputException;
import fr.breachimpact.link.LinkageEvaluation;
import fr.breachimpact.resolve.DedupEvaluation;
import fr.breachimpact.resolve.DedupMetrics;
import fr.breachimpact.spark.LakeTables;
import fr.breachimpact.spark.SparkSessions;
import fr.breachimpact.spark.Tables;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * Grades {@code customer_matches} against a ground truth in the generator's format: {@code
 * <truth>/leaked_records.csv} (incident_id, source_file, line_number, person_id) and {@code
 * <truth>/customers.csv} (brand, customer_id, person_id).
 */
@Command(
    name = "evaluate",
    mixinStandardHelpOptions = true,
    description =
        "Compare matches with a ground truth; prints 'linkage precision=P recall=R f1=F'.")
public final class EvaluateCommand implements Callable<Integer> {
  @Mixin JobOptions options;

  @Option(
      names = "--truth",
      required = true,
      paramLabel = "DIR",
      description = "Ground-truth folder holding leaked_records.csv and customers.csv.")
  Path truth;

  @Override
  public Integer call() {
    LoadedConfig config = LoadedConfig.load(options.config());
    for (String name : new String[] {"leaked_records.csv", "customers.csv"}) {
      if (!Files.isRegularFile(truth.resolve(name))) {
        throw new InputException(truth.resolve(name) + ": ground-truth file not found");
      }
    }
    SparkSession spark = SparkSessions.create("breach-impact evaluate", config);
    Dataset<Row> matches = LakeTables.read(spark, config.lakeTable(Tables.CUSTOMER_MATCHES));
    Dataset<Row> leaked =
        LakeTables.read(spark, config.lakeTable(Tables.LEAKED_RECORDS))
            .select("record_id", "incident_id", "source_file", "line_number");
    Dataset<Row> truthRecords = csv(spark, truth.resolve("leaked_records.csv"));
    Dataset<Row> truthCustomers = csv(spark, truth.resolve("customers.csv"));
    Dataset<Row> recordTruth = LinkageEvaluation.recordTruth(leaked, truthRecords).cache();
    LinkageEvaluation.Report report =
        LinkageEvaluation.evaluate(matches, recordTruth, truthCustomers);
    report.lines().forEach(System.out::println);
    String linkPairs = config.lakeTable(Tables.LINK_PAIRS);
    if (LakeTables.exists(spark, linkPairs)) {
      long records = LakeTables.read(spark, config.lakeTable(Tables.LEAKED_RECORDS_CLEAN)).count();
      long customers = LakeTables.read(spark, config.lakeTable(Tables.CUSTOMERS_CLEAN)).count();
      System.out.println(
          LinkageEvaluation.blocking(
                  LakeTables.read(spark, linkPairs),
                  recordTruth,
                  truthCustomers,
                  records,
                  customers)
              .line("blocking"));
    }
    String recordPerson = config.lakeTable(Tables.RECORD_PERSON);
    if (LakeTables.exists(spark, recordPerson)) {
      Dataset<Row> truth =
          recordTruth.select(
              recordTruth.col("record_id"), recordTruth.col("person_id").as("true_person_id"));
      DedupMetrics dedup = DedupEvaluation.evaluate(LakeTables.read(spark, recordPerson), truth);
      System.out.println(dedup.lines());
      long persons = LakeTables.read(spark, recordPerson).select("person_id").distinct().count();
      long truePersons = truth.select("true_person_id").distinct().count();
      System.out.printf("dedup persons=%d true_persons=%d%n", persons, truePersons);
      String dedupePairs = config.lakeTable(Tables.DEDUPE_PAIRS);
      if (LakeTables.exists(spark, dedupePairs)) {
        long parties =
            LakeTables.read(spark, recordPerson).count()
                + LakeTables.read(spark, config.lakeTable(Tables.CUSTOMER_PERSON)).count();
        System.out.println(
            DedupEvaluation.blocking(LakeTables.read(spark, dedupePairs), truth, parties)
                .line("dedup blocking"));
      }
    }
    recordTruth.unpersist();
    return ExitCode.OK;
  }

  private static Dataset<Row> csv(SparkSession spark, Path file) {
    return spark.read().option("header", true).option("inferSchema", false).csv(file.toString());
  }
}
