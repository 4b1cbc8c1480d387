package fr.breachimpact.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.breachimpact.cli.BreachImpact;
import fr.breachimpact.config.Json;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The {@code report} subcommand end to end on the fixture written as Delta tables. */
class ReportCommandTest {

  private static Path config(Path dir, String reportSection) throws Exception {
    Path config = dir.resolve("config.json");
    Files.writeString(
        config,
        "{\"incidents_dir\":\"incidents\",\"lake_dir\":\"lake\",\"reports_dir\":\"out/reports\","
            + "\"report\":"
            + reportSection
            + "}");
    return config;
  }

  private static List<String> folders(Path root) throws java.io.IOException {
    try (var dirs = Files.list(root)) {
      return dirs.filter(Files::isDirectory).map(p -> p.getFileName().toString()).sorted().toList();
    }
  }

  private static int run(String... args) {
    return BreachImpact.execute(args);
  }

  @Test
  void withoutAKeyNoReportIsWrittenAndTheExitCodeIsTwo(@TempDir Path dir) throws Exception {
    Path config = config(dir, "{\"pseudonym_key_env\":\"BREACH_IMPACT_TEST_UNSET_KEY_VARIABLE\"}");
    PrintStream err = System.err;
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
    int code;
    try {
      code = run("report", "--config", config.toString(), "--run-date", "2025-11-30");
    } finally {
      System.setErr(err);
    }
    assertEquals(2, code);
    assertEquals(
        "error: no pseudonym key: set BREACH_IMPACT_TEST_UNSET_KEY_VARIABLE or report.pseudonym_key_file",
        captured.toString(StandardCharsets.UTF_8).strip());
    assertFalse(Files.exists(dir.resolve("out")));
  }

  @Test
  void writesEveryReportTheSummaryAndACountOnlyConsoleSummary(@TempDir Path dir) throws Exception {
    ReportFixtures.spark(); // the tests' one session, which the command's getOrCreate picks up
    String lake = dir.resolve("lake").toString();
    ReportFixtures.leakedClean().write().format("delta").save(lake + "/leaked_records_clean");
    ReportFixtures.recordPerson().write().format("delta").save(lake + "/record_person");
    ReportFixtures.customerPerson().write().format("delta").save(lake + "/customer_person");
    ReportFixtures.customerMatches().write().format("delta").save(lake + "/customer_matches");
    ReportFixtures.customersClean().write().format("delta").save(lake + "/customers_clean");
    for (IncidentInfo i : ReportFixtures.incidents()) {
      Path m = dir.resolve("incidents").resolve(i.id()).resolve("manifest.json");
      Files.createDirectories(m.getParent());
      Files.writeString(m, Json.mapper().writeValueAsString(i.manifest()));
    }
    Files.writeString(dir.resolve("key.txt"), "command-test-key-0123456789\n");
    Path config =
        config(
            dir,
            "{\"min_cell_size\":2,\"pseudonym_key_file\":\"key.txt\","
                + "\"pseudonym_key_env\":\"BREACH_IMPACT_TEST_UNSET_KEY_VARIABLE\"}");

    PrintStream out = System.out;
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
    int code;
    try {
      code = run("report", "--config", config.toString(), "--run-date", "2025-11-30");
    } finally {
      System.setOut(out);
    }
    String console = captured.toString(StandardCharsets.UTF_8);
    assertEquals(0, code, console);
    assertEquals(
        List.of("exposure_by_incident_category", "exposure_changes", "incident_severity"),
        folders(dir.resolve("out/reports")),
        "the reports folder holds aggregates only");
    assertEquals(
        List.of(
            "clinic-2025",
            "customer_risk",
            "exposure_change_pseudonyms",
            "person_exposure",
            "shop-2025"),
        folders(dir.resolve("out/notifications")),
        "the per-person reports and each incident's CNIL draft are in the notification zone, by default beside the reports");
    for (String name :
        new String[] {
          "exposure_by_incident_category", "incident_severity", "person_exposure", "customer_risk"
        }) {
      String zone =
          name.startsWith("person") || name.startsWith("customer")
              ? "out/notifications"
              : "out/reports";
      Path part = dir.resolve(zone).resolve(name).resolve("report_date=2025-11-30");
      assertTrue(Files.isDirectory(part), name);
      try (var files = Files.list(part)) {
        assertTrue(
            files.anyMatch(f -> f.getFileName().toString().endsWith(".parquet")),
            name + " has Parquet files");
      }
    }
    String html = Files.readString(dir.resolve("out/summary.html"));
    assertTrue(html.contains("shop-2025") && html.contains("chart-risk"));
    assertTrue(
        html.indexOf("<table id=\"changes\">") < html.indexOf("<table id=\"severity\">"),
        "what changed comes first");
    assertTrue(console.contains("distinct persons exposed: 5"), console);
    assertTrue(console.contains("Auchan") && console.contains("2 of 3 exposed customers"), console);
    assertFalse(console.contains("k1") || console.contains("p1 "), "no ids or keys of the records");
    for (String incident : List.of("clinic-2025", "shop-2025")) {
      Path draft = dir.resolve("out/notifications").resolve(incident);
      assertTrue(
          Files.isRegularFile(draft.resolve("cnil.json"))
              && Files.isRegularFile(draft.resolve("cnil.md")),
          incident);
      assertTrue(
          Files.readString(draft.resolve("cnil.json")).contains("\"status\" : \"missing\""),
          "no DPO in this config");
    }
    assertEquals(
        1, console.lines().filter(l -> l.contains("report.dpo_contact missing")).count(), console);

    // The next night: complementary drafts, and the summary opens with what changed since.
    for (int rerun = 0; rerun < 2; rerun++) { // the same date twice: a re-run stays complementary
      assertEquals(0, run("report", "--config", config.toString(), "--run-date", "2025-12-01"));
      var draft =
          Json.mapper().readTree(dir.resolve("out/notifications/shop-2025/cnil.json").toFile());
      assertEquals("complementary", draft.path("notification").asText(), "run " + rerun);
      assertEquals("2025-11-30", draft.path("complements_draft_of").asText(), "run " + rerun);
    }
    assertTrue(
        Files.readString(dir.resolve("out/summary.html")).contains("Changes since 2025-11-30"));
  }
}
