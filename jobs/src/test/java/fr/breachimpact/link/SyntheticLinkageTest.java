package fr.breachimpact.link;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.breachimpact.config.LinkConfig;
import fr.breachimpact.config.ModelSettings;
import fr.breachimpact.spark.TestSpark;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * End to end on a seeded synthetic population with known persons: the linkage's precision and
 * recall, printed (ids and counts only) so that the figures can be quoted.
 */
class SyntheticLinkageTest {
  @Test
  void linkageOnASyntheticPopulationIsPreciseAndFindsMostTruePairs() {
    int persons = Integer.parseInt(System.getenv().getOrDefault("LINK_SYNTHETIC_PERSONS", "4000"));
    SyntheticPopulation data = new SyntheticPopulation(persons, 7);
    long start = System.nanoTime();
    CustomerLinkage.Result result =
        CustomerLinkage.link(
            data.leaked,
            data.customers,
            LinkSides.incidentBrands(
                TestSpark.session(),
                Map.of(
                    SyntheticPopulation.AUCHAN_LEAK,
                    List.of("Auchan"),
                    SyntheticPopulation.FT_LEAK,
                    List.of())),
            LinkConfig.defaults(),
            ModelDefinition.forLink(ModelSettings.linkDefaults(), "default", "link.model"),
            null);
    String plan = result.matches().queryExecution().executedPlan().toString();
    assertFalse(
        plan.contains("CartesianProduct") || plan.contains("BroadcastNestedLoopJoin"),
        "no cartesian product");
    LinkageEvaluation.Report report =
        LinkageEvaluation.evaluate(result.matches(), data.recordTruth, data.customerTruth);
    double seconds = (System.nanoTime() - start) / 1e9;
    System.out.printf(
        java.util.Locale.ROOT,
        "synthetic persons=%d records=%d customers=%d pairs=%d pairs_per_record=%.2f seconds=%.1f%n",
        persons,
        result.leakedRecords(),
        result.customers(),
        result.pairs(),
        result.pairsPerRecord(),
        seconds);
    report.lines().forEach(System.out::println);
    result.model().describe().forEach(line -> System.out.println("model " + line));
    result.release();
    assertTrue(report.overall().precision() >= 0.99, report.lines().get(0));
    assertTrue(report.overall().recall() >= 0.95, report.lines().get(0));
    assertTrue(result.pairsPerRecord() < 20, "pairs per record " + result.pairsPerRecord());
  }
}
