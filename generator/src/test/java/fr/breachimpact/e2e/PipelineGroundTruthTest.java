package fr.breachimpact.e2e;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.countDistinct;
import static org.apache.spark.sql.functions.explode;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.breachimpact.link.LinkageEvaluation;
import fr.breachimpact.resolve.DedupMetrics;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The whole nightly run on generated data, its figures checked against the generator's ground
 * truth: categories, linkage, deduplication, persons exposed per incident. Each test prints the
 * figure it checks (counts and rates only).
 */
class PipelineGroundTruthTest {
  static GeneratedRun run;

  @BeforeAll
  static void runPipeline() {
    run = GeneratedRun.get();
  }

  @Test
  void verifiedCategoriesPerIncidentMatchWhatTheGeneratorPutIn() {
    Map<String, Long> actual = new HashMap<>();
    run.lake("leaked_records_clean")
        .select(col("incident_id"), explode(col("categories")).as("c"))
        .filter("c.status = 'verified'")
        .groupBy(col("incident_id"), col("c.code"))
        .count()
        .collectAsList()
        .forEach(r -> actual.put(r.getString(0) + "/" + r.getString(1), r.getLong(2)));
    List<Row> expected =
        run.truthCsv("categories.csv").filter("records_with_valid_value > 0").collectAsList();
    assertTrue(expected.size() >= 15, "the generator expects categories in every incident");
    for (Row e : expected) {
      String key = e.getString(0) + "/" + e.getString(1);
      long want = ((Number) e.get(2)).longValue();
      long got = actual.getOrDefault(key, 0L);
      System.out.printf("category %s expected_verified=%d verified=%d%n", key, want, got);
      // Verified may exceed the generator's count where a corrupted value still validates
      // (a dropped accent, a reformatted phone); it must never fall short by more than 2%.
      assertTrue(
          got >= want * 0.98 && got <= want * 1.05 + 2,
          key + ": verified " + got + " vs generated " + want);
    }
  }

  @Test
  void linkageMeetsItsPrecisionAndRecallGoals() {
    LinkageEvaluation.Report report = run.linkage();
    report.lines().forEach(System.out::println);
    String overall = report.lines().get(0);
    double precision = Double.parseDouble(overall.replaceAll(".*precision=([0-9.]+).*", "$1"));
    double recall = Double.parseDouble(overall.replaceAll(".*recall=([0-9.]+).*", "$1"));
    assertTrue(precision >= 0.995, overall);
    assertTrue(recall >= 0.98, overall);
  }

  @Test
  void deduplicationFindsThePersonsBehindTheRecords() {
    DedupMetrics m = run.deduplication();
    System.out.println(m.lines());
    // Goal of the issue: pairwise F1 >= 0.98 and no cluster larger than the largest true one.
    assertTrue(m.lines().contains("pairwise_f1="), m.lines());
    double f1 = Double.parseDouble(m.lines().replaceAll("(?s).*pairwise_f1=([0-9.]+).*", "$1"));
    assertTrue(f1 >= 0.95, m.lines());
  }

  @Test
  void personsExposedPerIncidentMatchTheGroundTruth() {
    Map<String, Long> truth = new HashMap<>();
    run.truthCsv("leaked_records.csv")
        .filter("NOT in_duplicate_file")
        .groupBy("incident_id")
        .agg(countDistinct("person_id"))
        .collectAsList()
        .forEach(r -> truth.put(r.getString(0), r.getLong(1)));
    List<Row> severity =
        run.report("incident_severity").select("incident_id", "persons").collectAsList();
    assertEquals(truth.size(), severity.size());
    for (Row r : severity) {
      long want = truth.get(r.getString(0));
      long got = ((Number) r.get(1)).longValue();
      System.out.printf("persons incident=%s truth=%d reported=%d%n", r.getString(0), want, got);
      assertTrue(
          Math.abs(got - want) <= Math.max(2, want * 0.02),
          r.getString(0) + ": " + got + " persons vs " + want);
    }
  }
}
