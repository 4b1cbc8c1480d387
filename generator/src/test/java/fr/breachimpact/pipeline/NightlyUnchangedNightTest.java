package fr.breachimpact.pipeline;

import static org.apache.spark.sql.functions.col;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.breachimpact.config.LoadedConfig;
import fr.breachimpact.spark.TestSpark;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A night with nothing changed after a first load: resolve and report carry their outputs forward
 * to the new date instead of recomputing them, and what they write is, row for row, what a full
 * recomputation of that date writes. The reference is the same lake copied after the first night
 * and run for the new date with {@code --recompute}: the same state, inputs and pseudonym key, so
 * that the two differ only by carrying forward against recomputing.
 */
class NightlyUnchangedNightTest {
  static final String NEXT_DATE = "2026-11-30";

  static Path carried;
  static Path recomputed;

  @BeforeAll
  static void twoNights() throws IOException {
    Path first = Files.createTempDirectory("breach-impact-unchanged");
    Path config = NightlyFixture.generate(first);
    assertEquals(0, NightlyFixture.nightly(config).code(), "first night");
    Path copy = Files.createTempDirectory("breach-impact-unchanged-copy");
    copyTree(first, copy);
    carried = config;
    recomputed = copy.resolve("config.json");

    NightlyFixture.Result next = night(carried);
    assertEquals(0, next.code(), "the night with nothing changed");
    NightlyFixture.Result full = night(recomputed, "--recompute");
    assertEquals(0, full.code(), "the recomputation of the same night");
  }

  @Test
  void resolveAndReportCarryTheirOutputsForwardInsteadOfRecomputing() {
    Map<String, Row> rows = runLog(carried, NEXT_DATE);
    for (String stage : List.of("ingest", "customers", "classify", "link", "resolve", "report")) {
      assertEquals("reused", rows.get(stage).getAs("status"), stage);
    }
    for (String stage : List.of("resolve", "report")) {
      String reason = rows.get(stage).getAs("reason");
      assertTrue(
          reason.contains("carried to this date") && reason.contains(NightlyFixture.RUN_DATE),
          stage + " says it carried its run of the first night forward");
    }
    Map<String, Row> full = runLog(recomputed, NEXT_DATE);
    assertEquals("ran", full.get("resolve").getAs("status"), "--recompute runs resolve");
    assertEquals("ran", full.get("report").getAs("status"), "--recompute runs report");
  }

  @Test
  void everyLakeTableIsRowForRowThatOfAFullRecomputation() {
    Map<String, Long> tables = NightlyFixture.lakeCounts(carried);
    assertEquals(tables, NightlyFixture.lakeCounts(recomputed), "same tables, same row counts");
    for (String table : tables.keySet()) {
      assertTrue(
          NightlyFixture.rows(NightlyFixture.lake(carried, table))
              .equals(NightlyFixture.rows(NightlyFixture.lake(recomputed, table))),
          table + ": same rows (values not printed)");
    }
    assertEquals(
        1,
        NightlyFixture.lake(carried, "persons")
            .select("run_date")
            .distinct()
            .where(col("run_date").cast("string").equalTo(NEXT_DATE))
            .count(),
        "persons carry the new run date");
  }

  @Test
  void everyReportOfTheNewDateIsRowForRowThatOfAFullRecomputation() {
    Map<String, List<String>> mine = reports(carried);
    Map<String, List<String>> full = reports(recomputed);
    assertEquals(full.keySet(), mine.keySet(), "same reports of the date");
    assertTrue(mine.containsKey("incident_severity") && mine.containsKey("person_exposure"));
    for (String name : full.keySet()) {
      assertEquals(full.get(name).size(), mine.get(name).size(), name + ": row count");
      assertTrue(full.get(name).equals(mine.get(name)), name + ": same rows (values not printed)");
    }
  }

  @Test
  void runSummaryCountsTheSameRowsForEveryStage() {
    assertEquals(summaryCounts(recomputed), summaryCounts(carried));
  }

  @Test
  void theCnilDraftsAndArt34TemplatesAreThoseOfAFullRecomputation() throws IOException {
    Map<String, byte[]> mine = notificationFiles(carried);
    Map<String, byte[]> full = notificationFiles(recomputed);
    assertFalse(mine.isEmpty(), "drafts written");
    assertEquals(full.keySet(), mine.keySet(), "same files");
    for (String file : full.keySet()) {
      assertTrue(Arrays.equals(full.get(file), mine.get(file)), file + ": same bytes");
    }
    for (Map.Entry<String, byte[]> f : mine.entrySet()) {
      if (f.getKey().endsWith("cnil.json")) {
        JsonNode draft = new ObjectMapper().readTree(f.getValue());
        assertEquals(NEXT_DATE, draft.path("report_date").asText(), f.getKey());
        assertEquals("complementary", draft.path("notification").asText(), f.getKey());
        assertEquals(
            NightlyFixture.RUN_DATE, draft.path("complements_draft_of").asText(), f.getKey());
      }
    }
  }

  private static NightlyFixture.Result night(Path config, String... extra) {
    String[] args =
        Stream.concat(
                Stream.of("nightly", "--config", config.toString(), "--run-date=" + NEXT_DATE),
                Stream.of(extra))
            .toArray(String[]::new);
    return NightlyFixture.cli(args);
  }

  /** The run log's rows of a date's last run, by stage. */
  private static Map<String, Row> runLog(Path config, String date) {
    Dataset<Row> log =
        NightlyFixture.lake(config, "run_log").where(col("run_date").cast("string").equalTo(date));
    Map<String, Row> byStage = new TreeMap<>();
    for (Row r : log.orderBy(col("ended_at")).collectAsList()) {
      byStage.put(r.getAs("stage"), r);
    }
    return byStage;
  }

  /** Every report of the new date, run_summary left out (its run ids and seconds differ). */
  private static Map<String, List<String>> reports(Path config) {
    LoadedConfig loaded = LoadedConfig.load(config);
    Map<String, List<String>> result = new TreeMap<>();
    for (String root :
        List.of(loaded.resolve(loaded.config().reportsDir()), loaded.notificationRoot())) {
      for (String name : NightlyFixture.reportNames(Path.of(root))) {
        Path partition = Path.of(root, name, "report_date=" + NEXT_DATE);
        if (Files.isDirectory(partition)) {
          result.put(
              name, NightlyFixture.rows(TestSpark.session().read().parquet(partition.toString())));
        }
      }
    }
    return result;
  }

  /** run_summary of the new date: each stage's counts, without run id, seconds or status. */
  private static List<String> summaryCounts(Path config) {
    LoadedConfig loaded = LoadedConfig.load(config);
    Path partition =
        Path.of(
            loaded.resolve(loaded.config().reportsDir()),
            "run_summary",
            "report_date=" + NEXT_DATE);
    return NightlyFixture.rows(
        TestSpark.session()
            .read()
            .parquet(partition.toString())
            .select("stage", "source", "rows_in", "rows_out", "rows_quarantined"));
  }

  /** The CNIL drafts and art. 34 templates, by path under the notification zone. */
  private static Map<String, byte[]> notificationFiles(Path config) {
    Path root = Path.of(LoadedConfig.load(config).notificationRoot());
    Map<String, byte[]> files = new TreeMap<>();
    try (Stream<Path> all = Files.walk(root)) {
      for (Path f :
          all.filter(Files::isRegularFile)
              .filter(f -> f.toString().endsWith(".md") || f.toString().endsWith(".json"))
              .toList()) {
        files.put(root.relativize(f).toString(), Files.readAllBytes(f));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return files;
  }

  private static void copyTree(Path from, Path to) throws IOException {
    try (Stream<Path> all = Files.walk(from)) {
      for (Path f : all.toList()) {
        Path target = to.resolve(from.relativize(f).toString());
        if (Files.isDirectory(f)) {
          Files.createDirectories(target);
        } else {
          Files.copy(f, target);
        }
      }
    }
  }
}
