package fr.breachimpact.pipeline;

import static org.apache.spark.sql.functions.col;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Nights after a first load that do only what changed, each equal, row for row, to a full
 * recomputation of that night. The reference is the same lake copied after the first night, given
 * the same inputs every night and run with {@code --recompute}: the two differ only by doing what
 * changed against recomputing everything.
 *
 * <ol>
 *   <li>Nothing changed: resolve and report carry their outputs forward to the new date.
 *   <li>A new incident lands: classify and link bring their tables up to date for its records
 *       alone. It repeats the records of an earlier incident, so it shares every blocking key with
 *       them, and the bound on a block's pairs is low enough here that it pushes some earlier
 *       records' blocks past it: those records lose pairs, and are linked again with the new ones.
 *   <li>That incident is replaced by a corrected file (its last rows dropped): classify replaces
 *       its records alone; link, whose earlier pairs may no longer hold, runs in full.
 *   <li>Customers are appended and some edited: ingest and classify are reused, customers and what
 *       follows recompute.
 *   <li>The incident is withdrawn: classify deletes its records; link runs in full.
 * </ol>
 *
 * <p>The nights stay in one month: a new month recomputes customers and classify whatever changed.
 */
class NightlyIncrementalNightsTest {
  static final String FIRST = "2026-11-24";
  static final String UNCHANGED = "2026-11-25";
  static final String NEW_INCIDENT = "2026-11-26";
  static final String CORRECTED = "2026-11-27";
  static final String CUSTOMERS_EDITED = "2026-11-28";
  static final String WITHDRAWN = "2026-11-29";
  static final String ADDED = "found-again-2026-11";

  /**
   * One pair a block: a block of one earlier record and one customer is kept, and the same block
   * with the record found again is not.
   */
  static final int MAX_BLOCK_PAIRS = 1;

  /** The rows the corrected file drops, and the customers whose email is edited. */
  static final int DROPPED_ROWS = 3;

  static final int EDITED_CUSTOMERS = 3;

  /** What a lake held after a night: its tables' rows and its notification files. */
  record Snapshot(Map<String, List<String>> tables, Map<String, byte[]> notifications) {}

  static Path incremental;
  static Path recomputed;
  static final Map<String, Snapshot> mine = new TreeMap<>();
  static final Map<String, Snapshot> full = new TreeMap<>();

  @BeforeAll
  static void nights() throws IOException {
    Path first = Files.createTempDirectory("breach-impact-incremental");
    Path config = NightlyFixture.generate(first);
    ObjectMapper json = new ObjectMapper();
    ObjectNode root = (ObjectNode) json.readTree(config.toFile());
    ObjectNode link = (ObjectNode) root.get("link");
    link.put("max_block_pairs", MAX_BLOCK_PAIRS);
    // The new incident adds a few per cent to the records: the stored model stays in use, as it
    // would for one incident among many.
    link.put("retrain_drift", 1.0);
    json.writerWithDefaultPrettyPrinter().writeValue(config.toFile(), root);
    assertEquals(0, NightlyFixture.night(config, FIRST).code(), "first night");
    Path copy = Files.createTempDirectory("breach-impact-incremental-copy");
    NightlyFixture.copyTree(first, copy);
    incremental = config;
    recomputed = copy.resolve("config.json");

    night(UNCHANGED);
    String source = smallestIncident(config);
    NightlyFixture.copyIncident(first, source, ADDED);
    NightlyFixture.copyIncident(copy, source, ADDED);
    night(NEW_INCIDENT);
    for (Path dataDir : List.of(first, copy)) {
      NightlyFixture.correctIncidentFile(dataDir, ADDED, DROPPED_ROWS);
    }
    night(CORRECTED);
    for (Path dataDir : List.of(first, copy)) {
      NightlyFixture.editCustomers(dataDir, EDITED_CUSTOMERS);
    }
    night(CUSTOMERS_EDITED);
    for (Path dataDir : List.of(first, copy)) {
      NightlyFixture.deleteTree(dataDir.resolve("incidents").resolve(ADDED));
    }
    night(WITHDRAWN);
  }

  /** The night of {@code date} on both lakes, and what each then holds. */
  private static void night(String date) {
    assertEquals(0, NightlyFixture.night(incremental, date).code(), date);
    assertEquals(0, NightlyFixture.night(recomputed, date, "--recompute").code(), date + " full");
    mine.put(date, snapshot(incremental));
    full.put(date, snapshot(recomputed));
  }

  @Test
  void onTheNightWithNothingChangedResolveAndReportCarryTheirOutputsForward() {
    Map<String, Row> rows = NightlyFixture.runLog(incremental, UNCHANGED);
    for (String stage : List.of("ingest", "customers", "classify", "link", "resolve", "report")) {
      assertEquals("reused", rows.get(stage).getAs("status"), stage);
    }
    for (String stage : List.of("resolve", "report")) {
      String reason = rows.get(stage).getAs("reason");
      assertTrue(
          reason.contains("carried to this date") && reason.contains(FIRST),
          stage + " says it carried its run of the first night forward");
    }
    Map<String, Row> recomputation = NightlyFixture.runLog(recomputed, UNCHANGED);
    assertEquals("ran", recomputation.get("resolve").getAs("status"), "--recompute runs resolve");
    assertEquals("ran", recomputation.get("report").getAs("status"), "--recompute runs report");
    assertTrue(
        mine.get(UNCHANGED).tables().get("persons").stream().allMatch(r -> r.contains(UNCHANGED)),
        "persons carry the new run date");
  }

  @Test
  void onTheNightOfANewIncidentClassifyAndLinkRunForItsRecordsAlone() {
    Map<String, Row> rows = NightlyFixture.runLog(incremental, NEW_INCIDENT);
    for (String stage : List.of("classify", "link")) {
      assertEquals("ran", rows.get(stage).getAs("status"), stage);
      String reason = rows.get(stage).getAs("reason");
      assertTrue(
          reason.startsWith("incremental: ") && reason.contains("added " + ADDED),
          stage + " ran for the added incident alone: " + reason);
    }
    Map<String, Row> recomputation = NightlyFixture.runLog(recomputed, NEW_INCIDENT);
    for (String stage : List.of("classify", "link")) {
      String reason = recomputation.get(stage).getAs("reason");
      assertFalse(reason.startsWith("incremental"), "--recompute runs " + stage + " in full");
    }
  }

  @Test
  void theNewIncidentsRecordsMovedSomeEarlierRecordsOutOfTheirBlocks() {
    String reason = NightlyFixture.runLog(incremental, NEW_INCIDENT).get("link").getAs("reason");
    Matcher m = Pattern.compile("(\\d+) of them earlier ones").matcher(reason);
    assertTrue(m.find(), reason);
    assertTrue(Integer.parseInt(m.group(1)) > 0, "earlier records linked again: " + reason);
  }

  @Test
  void onTheNightOfACorrectedFileClassifyReplacesThatIncidentsRecordsAndLinkRunsInFull() {
    Map<String, Row> rows = NightlyFixture.runLog(incremental, CORRECTED);
    assertTrue(
        ((String) rows.get("ingest").getAs("reason")).contains(ADDED),
        "ingest re-read the corrected incident");
    String classify = rows.get("classify").getAs("reason");
    assertTrue(
        classify.startsWith("incremental: ") && classify.contains("replaced " + ADDED),
        "classify replaced the corrected incident's records alone: " + classify);
    String link = rows.get("link").getAs("reason");
    assertTrue(
        link.contains("in full: ") && link.contains("replaced or removed"),
        "link ran in full, saying why: " + link);
    assertEquals(
        rowsRead(NEW_INCIDENT) - DROPPED_ROWS,
        rowsRead(CORRECTED),
        "the dropped rows left the lake");
  }

  @Test
  void onTheNightOfEditedCustomersIngestAndClassifyAreReusedAndTheRestRecomputes() {
    Map<String, Row> rows = NightlyFixture.runLog(incremental, CUSTOMERS_EDITED);
    for (String stage : List.of("ingest", "classify")) {
      assertEquals("reused", rows.get(stage).getAs("status"), stage);
    }
    for (String stage : List.of("customers", "link", "resolve", "report")) {
      assertEquals("ran", rows.get(stage).getAs("status"), stage);
    }
    List<String> before = mine.get(CORRECTED).tables().get("customers");
    List<String> after = mine.get(CUSTOMERS_EDITED).tables().get("customers");
    assertEquals(before.size() + 1, after.size(), "one customer appended");
    long kept = after.stream().filter(before::contains).count();
    assertEquals(
        before.size() - EDITED_CUSTOMERS, kept, "the edited customers' rows changed, no other");
  }

  @Test
  void onTheNightAnIncidentIsWithdrawnClassifyDeletesItsRecordsAndNoTableNamesIt() {
    Map<String, Row> rows = NightlyFixture.runLog(incremental, WITHDRAWN);
    String classify = rows.get("classify").getAs("reason");
    assertTrue(
        classify.startsWith("incremental: ") && classify.contains("removed " + ADDED),
        "classify deleted the withdrawn incident's records alone: " + classify);
    String link = rows.get("link").getAs("reason");
    assertTrue(link.contains("in full: "), "link ran in full, saying why: " + link);
    for (Map.Entry<String, List<String>> table : mine.get(WITHDRAWN).tables().entrySet()) {
      assertEquals(
          0,
          table.getValue().stream().filter(r -> r.contains(ADDED)).count(),
          table.getKey() + ": rows naming the withdrawn incident");
    }
    assertEquals(
        mine.get(UNCHANGED).tables().get("leaked_records"),
        mine.get(WITHDRAWN).tables().get("leaked_records"),
        "the records are those before the incident came");
    String ingest = rows.get("ingest").getAs("reason");
    assertTrue(ingest.contains("removed " + ADDED), "run_log says the incident left: " + ingest);
    for (Map.Entry<String, List<String>> report :
        NightlyFixture.reportsOf(incremental, WITHDRAWN).entrySet()) {
      assertEquals(
          0,
          report.getValue().stream().filter(r -> r.contains(ADDED)).count(),
          report.getKey() + " of the date: rows naming the withdrawn incident");
    }
    assertEquals(
        List.of(),
        mine.get(WITHDRAWN).notifications().keySet().stream()
            .filter(f -> f.contains(ADDED))
            .toList(),
        "no notification file of the withdrawn incident");
    assertTrue(
        mine.get(NEW_INCIDENT).notifications().keySet().stream().anyMatch(f -> f.contains(ADDED)),
        "it had notification files before");
  }

  @ParameterizedTest
  @ValueSource(strings = {UNCHANGED, NEW_INCIDENT, CORRECTED, CUSTOMERS_EDITED, WITHDRAWN})
  void everyLakeTableIsRowForRowThatOfAFullRecomputation(String date) {
    Map<String, List<String>> tables = mine.get(date).tables();
    Map<String, List<String>> reference = full.get(date).tables();
    assertEquals(reference.keySet(), tables.keySet(), "same tables");
    for (String table : reference.keySet()) {
      assertEquals(reference.get(table).size(), tables.get(table).size(), table + ": row count");
      assertTrue(
          reference.get(table).equals(tables.get(table)),
          table + ": same rows (values not printed)");
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {UNCHANGED, NEW_INCIDENT, CORRECTED, CUSTOMERS_EDITED, WITHDRAWN})
  void everyReportOfTheNightIsRowForRowThatOfAFullRecomputation(String date) {
    Map<String, List<String>> reports = NightlyFixture.reportsOf(incremental, date);
    Map<String, List<String>> reference = NightlyFixture.reportsOf(recomputed, date);
    assertEquals(reference.keySet(), reports.keySet(), "same reports of the date");
    assertTrue(reports.containsKey("incident_severity") && reports.containsKey("person_exposure"));
    for (String name : reference.keySet()) {
      assertEquals(reference.get(name).size(), reports.get(name).size(), name + ": row count");
      assertTrue(
          reference.get(name).equals(reports.get(name)), name + ": same rows (values not printed)");
    }
    assertEquals(
        NightlyFixture.summaryCounts(recomputed, date),
        NightlyFixture.summaryCounts(incremental, date),
        "run_summary counts the same rows for every stage");
  }

  @ParameterizedTest
  @ValueSource(strings = {UNCHANGED, NEW_INCIDENT, CORRECTED, CUSTOMERS_EDITED, WITHDRAWN})
  void theCnilDraftsAndArt34TemplatesAreThoseOfAFullRecomputation(String date) throws IOException {
    Map<String, byte[]> files = mine.get(date).notifications();
    Map<String, byte[]> reference = full.get(date).notifications();
    assertFalse(files.isEmpty(), "drafts written");
    assertEquals(reference.keySet(), files.keySet(), "same files");
    for (String file : reference.keySet()) {
      assertTrue(Arrays.equals(reference.get(file), files.get(file)), file + ": same bytes");
    }
    if (date.equals(UNCHANGED)) {
      for (Map.Entry<String, byte[]> f : files.entrySet()) {
        if (f.getKey().endsWith("cnil.json")) {
          JsonNode draft = new ObjectMapper().readTree(f.getValue());
          assertEquals(UNCHANGED, draft.path("report_date").asText(), f.getKey());
          assertEquals("complementary", draft.path("notification").asText(), f.getKey());
          assertEquals(FIRST, draft.path("complements_draft_of").asText(), f.getKey());
        }
      }
    }
  }

  /**
   * Every lake table but run_log, without the columns that name the run that wrote a row or its
   * clock time; and the notification files.
   */
  private static Snapshot snapshot(Path config) {
    Map<String, List<String>> tables = new TreeMap<>();
    for (String table : NightlyFixture.lakeCounts(config).keySet()) {
      tables.put(
          table,
          NightlyFixture.rows(
              NightlyFixture.lake(config, table).drop("run_id", "ingested_at", "loaded_at")));
    }
    return new Snapshot(tables, NightlyFixture.notificationFiles(config));
  }

  /** Rows in the lake after a night, accepted or quarantined. */
  private static int rowsRead(String date) {
    Map<String, List<String>> tables = mine.get(date).tables();
    return tables.get("leaked_records").size() + tables.get("quarantine").size();
  }

  private static String smallestIncident(Path config) {
    return NightlyFixture.lake(config, "leaked_records")
        .groupBy("incident_id")
        .count()
        .orderBy(col("count"), col("incident_id"))
        .first()
        .getString(0);
  }
}
