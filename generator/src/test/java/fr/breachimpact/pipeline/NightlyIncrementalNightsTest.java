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
 * </ol>
 */
class NightlyIncrementalNightsTest {
  static final String FIRST = "2026-11-28";
  static final String UNCHANGED = "2026-11-29";
  static final String NEW_INCIDENT = "2026-11-30";
  static final String ADDED = "found-again-2026-11";

  /**
   * One pair a block: a block of one earlier record and one customer is kept, and the same block
   * with the record found again is not.
   */
  static final int MAX_BLOCK_PAIRS = 1;

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

  @ParameterizedTest
  @ValueSource(strings = {UNCHANGED, NEW_INCIDENT})
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
  @ValueSource(strings = {UNCHANGED, NEW_INCIDENT})
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
  @ValueSource(strings = {UNCHANGED, NEW_INCIDENT})
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
   * Every lake table but run_log, without the columns that name the run that wrote a row; and the
   * notification files.
   */
  private static Snapshot snapshot(Path config) {
    Map<String, List<String>> tables = new TreeMap<>();
    for (String table : NightlyFixture.lakeCounts(config).keySet()) {
      tables.put(
          table,
          NightlyFixture.rows(NightlyFixture.lake(config, table).drop("run_id", "ingested_at")));
    }
    return new Snapshot(tables, NightlyFixture.notificationFiles(config));
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
