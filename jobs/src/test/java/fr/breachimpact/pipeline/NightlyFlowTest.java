package fr.breachimpact.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import fr.breachimpact.stage.Classify;
import fr.breachimpact.stage.Customers;
import fr.breachimpact.stage.Ingest;
import fr.breachimpact.stage.Link;
import fr.breachimpact.stage.Report;
import fr.breachimpact.stage.Resolve;
import fr.breachimpact.stage.Stage;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The night's stage graph follows from the tables each stage declares it reads and writes. */
class NightlyFlowTest {
  private static final List<Stage> NIGHT =
      List.of(
          new Ingest("run-test"),
          new Customers(),
          new Classify(),
          new Link(false, null, false),
          new Resolve(),
          new Report());

  @Test
  void eachStageDependsOnTheNearestStagesWritingWhatItReads() {
    assertEquals(
        Map.of(
            "ingest", List.of(),
            "customers", List.of(),
            "classify", List.of("ingest"),
            "link", List.of("classify", "customers"),
            "resolve", List.of("link"),
            "report", List.of("resolve")),
        Nightly.upstream(NIGHT));
  }

  @Test
  void runSummaryCountsEachStagesMainInputAndOutput() {
    Map<String, List<String>> counted =
        Map.of(
            "ingest", List.of("", "leaked_records"),
            "customers", List.of("", "customers"),
            "classify", List.of("leaked_records", "leaked_records_clean"),
            "link", List.of("leaked_records_clean", "customer_matches"),
            "resolve", List.of("leaked_records_clean", "record_person"),
            "report", List.of("record_person", ""));
    for (Stage stage : NIGHT) {
      assertEquals(
          counted.get(stage.name()),
          List.of(stage.countedInput(), stage.countedOutput()),
          stage.name());
    }
  }

  @Test
  void aStageReadingWhatALaterStageWritesIsRefused() {
    IllegalStateException e =
        assertThrows(
            IllegalStateException.class,
            () -> Nightly.upstream(List.of(new Classify(), new Ingest("run-test"))));
    assertEquals(
        "classify reads leaked_records, written by the later stage ingest", e.getMessage());
  }
}
