package fr.breachimpact.pipeline;

import static org.apache.spark.sql.functions.col;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.breachimpact.cli.ExitCode;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The nightly run on one tiny generated data set, run after run: a held lock refuses, a stale one
 * is taken over, a rerun of the date changes nothing, an added incident is the only one re-read, a
 * changed customer master recomputes what depends on it and not ingestion (a withdrawn incident:
 * {@link NightlyIncrementalNightsTest}). The methods build on each other's runs, hence the order.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class NightlyRunTest {
  static Path dir;
  static Path config;
  static Path lock;
  static Map<String, Long> firstRunCounts;

  /** The suffix of the incident a night adds (a copy of another). */
  static final String ADDED_INCIDENT_SUFFIX = "-repost";

  @BeforeAll
  static void firstRun() {
    NightlyFixture.FirstRun first = NightlyFixture.firstRun();
    config = first.config();
    dir = config.getParent();
    lock = dir.resolve("lake/_nightly.lock");
    firstRunCounts = first.lakeCounts();
  }

  @Test
  @Order(1)
  void aSecondRunIsRefusedWithExitCode4AndOneLineNamingTheLock() throws Exception {
    Process live = new ProcessBuilder("sleep", "60").start();
    try {
      writeLock(live.pid());
      NightlyFixture.Result refused = NightlyFixture.nightly(config);
      assertEquals(ExitCode.LOCKED, refused.code());
      List<String> errors = refused.err().lines().filter(l -> l.startsWith("error:")).toList();
      assertEquals(1, errors.size(), "one error line");
      assertTrue(errors.get(0).contains(lock.toString()), "the line names the lock file");
      assertTrue(Files.exists(lock), "the live run's lock is left alone");
    } finally {
      live.destroyForcibly().waitFor();
      Files.deleteIfExists(lock);
    }
  }

  @Test
  @Order(2)
  void aRerunTakesOverAStaleLockAndGivesTheSameReports() throws Exception {
    Process dead = new ProcessBuilder("true").start();
    dead.waitFor();
    writeLock(dead.pid());

    NightlyFixture.Result rerun = NightlyFixture.nightly(config);

    assertEquals(ExitCode.OK, rerun.code());
    assertTrue(rerun.out().contains("took over a stale lock"), "says it took over the stale lock");
    assertTrue(Files.notExists(lock), "lock released at the end");
    Map<String, List<String>> clean = NightlyFixture.firstRun().reports();
    Map<String, List<String>> now = NightlyFixture.reports(config);
    assertEquals(clean.keySet(), now.keySet(), "same reports");
    for (String name : clean.keySet()) {
      assertEquals(clean.get(name).size(), now.get(name).size(), name + ": row count");
      assertTrue(clean.get(name).equals(now.get(name)), name + ": same rows (values not printed)");
    }
  }

  @Test
  @Order(3)
  void theRerunReusedEveryStageBeforeResolve() {
    Map<String, String> lastRun = lastRunStatuses();
    for (String stage : List.of("ingest", "customers", "classify", "link")) {
      assertEquals("reused", lastRun.get(stage), stage);
    }
    assertEquals("ran", lastRun.get("report"));
    assertEquals("succeeded", lastRun.get("nightly"));
  }

  @Test
  @Order(4)
  void theRerunDuplicatedNoLakeRow() {
    assertEquals(
        firstRunCounts, NightlyFixture.lakeCounts(config), "row counts of every lake table");
    for (String table : firstRunCounts.keySet()) {
      assertEquals(
          0,
          NightlyFixture.duplicateRows(NightlyFixture.lake(config, table)),
          table + ": duplicated rows");
    }
  }

  @Test
  @Order(5)
  void anAddedIncidentIsTheOnlyOneReRead() throws IOException {
    Map<String, Set<String>> before = recordIdsByIncident();
    String source = before.keySet().iterator().next();
    String added = source + ADDED_INCIDENT_SUFFIX;
    NightlyFixture.copyIncident(dir, source, added);

    NightlyFixture.Result third = NightlyFixture.nightly(config);

    assertEquals(ExitCode.OK, third.code());
    Row ingest = lastRunRow("ingest");
    assertEquals("ran", ingest.getAs("status"));
    String reason = ingest.getAs("reason");
    assertTrue(
        reason.startsWith("re-read " + added + ";"),
        "ingest reason names only the new incident: " + reason);
    Map<String, Set<String>> after = recordIdsByIncident();
    for (Map.Entry<String, Set<String>> e : before.entrySet()) {
      assertTrue(
          e.getValue().equals(after.get(e.getKey())), e.getKey() + ": same record ids as before");
    }
    assertTrue(after.containsKey(added), "the new incident's records are in the lake");
    Map<String, String> lastRun = lastRunStatuses();
    assertEquals("reused", lastRun.get("customers"));
    assertEquals("ran", lastRun.get("classify"));
    assertEquals(
        0,
        NightlyFixture.duplicateRows(NightlyFixture.lake(config, "leaked_records")),
        "duplicated records");
  }

  @Test
  @Order(6)
  void aChangedCustomerMasterRecomputesCustomersAndWhatFollowsButReusesIngestAndClassify()
      throws IOException {
    long customersBefore = NightlyFixture.lake(config, "customers").count();
    Path master = dir.resolve("customers/auchan.csv");
    List<String> lines = Files.readAllLines(master, StandardCharsets.UTF_8);
    assertTrue(
        lines.get(0).startsWith("id_client,"),
        "the generated Auchan extract starts with its id column");
    String last = lines.get(lines.size() - 1);
    // One more customer: the last one's details under a new id (a second account of a person).
    Files.writeString(
        master,
        "9999999990" + last.substring(last.indexOf(',')) + "\n",
        StandardCharsets.UTF_8,
        StandardOpenOption.APPEND);

    NightlyFixture.Result fourth = NightlyFixture.nightly(config);

    assertEquals(ExitCode.OK, fourth.code());
    Map<String, String> lastRun = lastRunStatuses();
    assertEquals("reused", lastRun.get("ingest"), "no incident changed");
    assertEquals("reused", lastRun.get("classify"), "the leaked records did not change");
    for (String stage : List.of("customers", "link", "resolve", "report")) {
      assertEquals("ran", lastRun.get(stage), stage);
    }
    assertEquals("succeeded", lastRun.get("nightly"));
    String customersWhy = lastRunRow("customers").getAs("reason");
    assertTrue(
        customersWhy.contains("customers/auchan.csv") && !customersWhy.contains("leroy-merlin"),
        "customers reason names the changed extract only: " + customersWhy);
    String linkWhy = lastRunRow("link").getAs("reason");
    assertEquals("upstream recomputed: customers", linkWhy, "link reason");
    assertEquals(
        customersBefore + 1,
        NightlyFixture.lake(config, "customers").count(),
        "the added customer is loaded");
    assertEquals(
        0,
        NightlyFixture.duplicateRows(NightlyFixture.lake(config, "customers")),
        "customers: duplicated rows");
  }

  @Test
  @Order(7)
  void theRunLogRowsCarryRunDateTimesCountsInputVersionsStatusAndError() throws IOException {
    var log = NightlyFixture.lake(config, "run_log");
    List<String> contract = new ArrayList<>();
    for (JsonNode c :
        new ObjectMapper()
            .readTree(Path.of("..", "schemas", "run_log.json").toFile())
            .get("columns")) {
      contract.add(c.get("name").asText() + " " + c.get("type").asText());
    }
    List<String> actual =
        Stream.of(log.schema().fields())
            .map(f -> f.name() + " " + f.dataType().simpleString())
            .toList();
    assertEquals(contract, actual, "run_log columns as in schemas/run_log.json");

    List<Row> rows = runLogOfLastRun();
    assertEquals(7, rows.size(), "six stage rows and the run's own row");
    for (Row r : rows) {
      String stage = r.getAs("stage");
      assertEquals(NightlyFixture.RUN_DATE, r.getAs("run_date").toString(), stage + ": run_date");
      java.sql.Timestamp started = r.getAs("started_at");
      java.sql.Timestamp ended = r.getAs("ended_at");
      assertTrue(!ended.before(started), stage + ": ends after it starts");
      Map<String, String> versions = r.getJavaMap(r.fieldIndex("input_versions"));
      assertTrue(!versions.isEmpty(), stage + ": input_versions");
      if (!stage.equals("nightly")) {
        assertTrue(r.getAs("fingerprint") != null, stage + ": fingerprint");
        assertTrue(r.isNullAt(r.fieldIndex("error")), stage + ": no error");
      }
    }
    Row nightly = lastRunRow("nightly");
    assertTrue(nightly.isNullAt(nightly.fieldIndex("error")), "a succeeded run has no error line");
    Map<String, String> customers =
        lastRunRow("customers").getJavaMap(lastRunRow("customers").fieldIndex("input_versions"));
    assertTrue(
        customers.containsKey("customers/auchan.csv") && customers.containsKey("config"),
        "customers reads the extracts and its config");
    assertTrue(customers.containsKey("code"), "a new build recomputes the stage once");
    Map<String, String> classify =
        lastRunRow("classify").getJavaMap(lastRunRow("classify").fieldIndex("input_versions"));
    assertTrue(
        classify.containsKey("ingest") && !classify.containsKey("customers"),
        "classify reads ingest only");
    Map<String, String> link =
        lastRunRow("link").getJavaMap(lastRunRow("link").fieldIndex("input_versions"));
    assertTrue(
        link.keySet().containsAll(List.of("classify", "customers")),
        "link reads classify and customers");
    assertEquals(
        NightlyFixture.lake(config, "leaked_records_clean").count(),
        (long) lastRunRow("classify").getAs("rows_out"),
        "classify rows_out is its output table's row count");
    assertEquals(
        NightlyFixture.lake(config, "customers").count(),
        (long) lastRunRow("customers").getAs("rows_out"),
        "customers rows_out");
  }

  private static void writeLock(long pid) throws IOException {
    Files.createDirectories(lock.getParent());
    Files.writeString(
        lock,
        "{\"runId\":\"run-other\",\"pid\":"
            + pid
            + ",\"host\":\""
            + InetAddress.getLocalHost().getHostName()
            + "\",\"startedAt\":\"2026-11-29T02:00:00Z\"}");
  }

  private static Row lastRunRow(String stage) {
    List<Row> rows =
        runLogOfLastRun().stream().filter(r -> stage.equals(r.getAs("stage"))).toList();
    assertEquals(1, rows.size(), stage + " rows in the last run");
    return rows.get(0);
  }

  private static Map<String, String> lastRunStatuses() {
    Map<String, String> statuses = new HashMap<>();
    for (Row r : runLogOfLastRun()) {
      statuses.put(r.getAs("stage"), r.getAs("status"));
    }
    return statuses;
  }

  private static List<Row> runLogOfLastRun() {
    var log = NightlyFixture.lake(config, "run_log");
    String lastRun =
        log.where(col("stage").equalTo("nightly"))
            .orderBy(col("ended_at").desc())
            .first()
            .getAs("run_id");
    return log.where(col("run_id").equalTo(lastRun)).collectAsList();
  }

  private static Map<String, Set<String>> recordIdsByIncident() {
    Map<String, Set<String>> ids = new java.util.TreeMap<>();
    for (Row r :
        NightlyFixture.lake(config, "leaked_records")
            .select("incident_id", "record_id")
            .collectAsList()) {
      ids.computeIfAbsent(r.getString(0), k -> new TreeSet<>()).add(r.getString(1));
    }
    return ids;
  }
}
