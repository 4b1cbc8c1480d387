package fr.breachimpact.e2e;

import static org.apache.spark.sql.functions.countDistinct;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.breachimpact.cli.BreachImpact;
import fr.breachimpact.cli.ExitCode;
import fr.breachimpact.config.LoadedConfig;
import fr.breachimpact.generate.FebrlDataSet;
import fr.breachimpact.link.LinkageEvaluation;
import fr.breachimpact.resolve.DedupEvaluation;
import fr.breachimpact.resolve.DedupMetrics;
import fr.breachimpact.spark.TestSpark;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;

/**
 * Linkage and deduplication on public benchmarks nobody here wrote (FEBRL, attribution in
 * src/test/resources/febrl/README.md), wrapped as a user would wrap a leak: manifests, a customer
 * master, the real stages, then the figures against the ground truth. Prints the figures it checks
 * (rates and counts only; the records are synthetic).
 */
class PublicBenchmarkTest {
  private static final Path FEBRL = febrlFolder();
  private static final String RUN_DATE = "2026-11-29";

  private static Path febrlFolder() {
    try {
      return Path.of(PublicBenchmarkTest.class.getResource("/febrl/dataset4a.csv").toURI())
          .getParent();
    } catch (java.net.URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  private static LoadedConfig run(String set, String... stages) throws IOException {
    Path dir = Files.createTempDirectory("breach-impact-" + set);
    Path config = FebrlDataSet.write(set, FEBRL, dir, 42);
    TestSpark.session();
    for (String stage : stages) {
      int code =
          BreachImpact.execute(
              new String[] {stage, "--config", config.toString(), "--run-date=" + RUN_DATE});
      assertEquals(ExitCode.OK, code, set + ": stage " + stage);
    }
    return LoadedConfig.load(config);
  }

  private static Dataset<Row> lake(LoadedConfig config, String table) {
    return TestSpark.session().read().format("delta").load(config.lakeTable(table));
  }

  private static Dataset<Row> recordTruth(LoadedConfig config) {
    SparkSession spark = TestSpark.session();
    Dataset<Row> truth =
        spark
            .read()
            .option("header", "true")
            .csv(config.baseDir().resolve("ground-truth/leaked_records.csv").toString());
    return LinkageEvaluation.recordTruth(
        lake(config, "leaked_records")
            .select("record_id", "incident_id", "source_file", "line_number"),
        truth);
  }

  @Test
  void febrl4LinksEveryLeakedRecordToItsCustomerWithBlockingThatLosesAlmostNone()
      throws IOException {
    LoadedConfig config = run("febrl4", "ingest", "customers", "classify", "link");
    Dataset<Row> customerTruth =
        TestSpark.session()
            .read()
            .option("header", "true")
            .csv(config.baseDir().resolve("ground-truth/customers.csv").toString());
    Dataset<Row> records = recordTruth(config);
    LinkageEvaluation.Report report =
        LinkageEvaluation.evaluate(lake(config, "customer_matches"), records, customerTruth);
    LinkageEvaluation.Blocking blocking =
        LinkageEvaluation.blocking(lake(config, "link_pairs"), records, customerTruth, 5000, 5000);
    report.lines().forEach(line -> System.out.println("febrl4 " + line));
    System.out.println("febrl4 " + blocking.line("blocking"));
    assertEquals(5000, report.overall().actual());
    assertTrue(blocking.pairsCompleteness() >= 0.995, blocking.line("blocking"));
    assertTrue(blocking.pairsPerRecord() <= 20, blocking.line("blocking"));
    // Targets of the linkage issue: precision and recall >= 0.995, F1 >= 0.998 (a 0.002 margin).
    assertTrue(report.overall().precision() >= 0.995, report.lines().get(0));
    assertTrue(report.overall().recall() >= 0.993, report.lines().get(0));
    assertTrue(report.overall().f1() >= 0.996, report.lines().get(0));
  }

  @Test
  void febrl3DeduplicationFindsTheTwoThousandPersonsBehindFiveThousandRecords() throws IOException {
    LoadedConfig config = run("febrl3", "ingest", "customers", "classify", "link", "resolve");
    Dataset<Row> truth = recordTruth(config);
    DedupMetrics m =
        DedupEvaluation.evaluate(
            lake(config, "record_person"),
            truth.select(truth.col("record_id"), truth.col("person_id").as("true_person_id")));
    long persons = lake(config, "record_person").agg(countDistinct("person_id")).first().getLong(0);
    long truePersons = truth.agg(countDistinct("person_id")).first().getLong(0);
    System.out.println("febrl3 " + m.lines().replace("\n", "\nfebrl3 "));
    LinkageEvaluation.Blocking blocking =
        DedupEvaluation.blocking(
            lake(config, "dedupe_pairs"),
            truth.select(truth.col("record_id"), truth.col("person_id").as("true_person_id")),
            5000);
    System.out.println("febrl3 persons found=" + persons + " true=" + truePersons);
    System.out.println("febrl3 " + blocking.line("dedup blocking"));
    assertTrue(blocking.pairsCompleteness() >= 0.995, blocking.line("dedup blocking"));
    assertTrue(blocking.pairsPerRecord() <= 20, blocking.line("dedup blocking"));
    assertEquals(2000, truePersons);
    // Targets: pairwise F1 >= 0.99 (a 0.005 margin), persons within 1 % of the truth.
    assertTrue(m.pairwiseF1() >= 0.985, m.lines());
    assertTrue(
        Math.abs(persons - truePersons) <= truePersons * 0.01,
        persons + " persons vs " + truePersons);
  }
}
