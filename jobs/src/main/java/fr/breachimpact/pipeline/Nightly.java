package fr.breachimpact.pipeline;

import static org.apache.spark.sql.functions.col;

import fr.breachimpact.cli.IngestCommand;
import fr.breachimpact.config.Json;
import fr.breachimpact.config.LoadedConfig;
import fr.breachimpact.ingest.FileTask;
import fr.breachimpact.ingest.Incident;
import fr.breachimpact.ingest.IncidentCatalog;
import fr.breachimpact.ingest.IngestPlanner;
import fr.breachimpact.ingest.InputFiles;
import fr.breachimpact.spark.LakeTables;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The nightly recomputation: every stage in order, each skipped when its fingerprint equals that of
 * its last completed execution (its output tables are then exactly what it would write), and
 * ingestion incremental per incident. Every decision is written to {@code run_log} with its reason
 * as the stage ends, so a run killed half-way leaves the next one a true account.
 */
public final class Nightly {
  private static final Logger LOG = LoggerFactory.getLogger(Nightly.class);

  /**
   * A downstream stage: the stages it reads, its config section, what of the run date its output
   * depends on, the files it reads directly (name -> content hash), and the job to run.
   */
  public record Stage(
      String name,
      List<String> upstream,
      String configSection,
      boolean everyNight,
      StageRunner runner,
      java.util.function.Function<LocalDate, String> dateDependence,
      Map<String, String> inputs) {

    public Stage(
        String name,
        List<String> upstream,
        String configSection,
        boolean everyNight,
        StageRunner runner) {
      this(name, upstream, configSection, everyNight, runner, date -> "", Map.of());
    }

    public Stage(
        String name,
        List<String> upstream,
        String configSection,
        boolean everyNight,
        StageRunner runner,
        java.util.function.Function<LocalDate, String> dateDependence) {
      this(name, upstream, configSection, everyNight, runner, dateDependence, Map.of());
    }
  }

  /** What a stage did this night. */
  public record Outcome(
      String stage, String status, String reason, String fingerprint, double seconds) {}

  private final SparkSession spark;
  private final LoadedConfig config;
  private final LocalDate runDate;
  private final String runId;
  private final RunLog log;
  private final Map<String, String> fingerprints = new LinkedHashMap<>();
  private final List<Outcome> outcomes = new ArrayList<>();

  /** The pipeline stage running now: its progress lines and its slowest Spark stage. */
  private fr.breachimpact.spark.StageProgress progress;

  public Nightly(SparkSession spark, LoadedConfig config, LocalDate runDate, String runId) {
    this.spark = spark;
    this.config = config;
    this.runDate = runDate;
    this.runId = runId;
    this.log = new RunLog(spark, config.lakeTable("run_log"));
  }

  /**
   * The table each stage reads most of and the one it writes: counts in and out for run_summary.
   */
  private static final Map<String, List<String>> FLOW =
      Map.of(
          "customers", List.of("", "customers"),
          "classify", List.of("leaked_records", "leaked_records_clean"),
          "link", List.of("leaked_records_clean", "customer_matches"),
          "resolve", List.of("leaked_records_clean", "record_person"),
          "report", List.of("record_person", ""));

  public List<Outcome> run(List<Stage> stages) {
    Instant start = Instant.now();
    try {
      try (var p = track("ingest")) {
        ingest();
      }
      for (Stage stage : stages) {
        try (var p = track(stage.name())) {
          runStage(stage);
        }
      }
      log.append(
          new RunLog.Entry(
              runId,
              runDate,
              "nightly",
              "succeeded",
              summary(),
              null,
              start,
              Instant.now(),
              0,
              Map.copyOf(fingerprints),
              null));
      return List.copyOf(outcomes);
    } catch (RuntimeException e) {
      String line =
          e.getMessage() == null
              ? e.getClass().getSimpleName()
              : e.getMessage().lines().findFirst().orElse("");
      log.append(
          new RunLog.Entry(
              runId,
              runDate,
              "nightly",
              "failed",
              summary(),
              null,
              start,
              Instant.now(),
              0,
              Map.copyOf(fingerprints),
              line));
      throw e;
    }
  }

  private fr.breachimpact.spark.StageProgress track(String stage) {
    progress = fr.breachimpact.spark.StageProgress.start(spark, stage);
    return progress;
  }

  private String summary() {
    return outcomes.stream()
        .map(o -> o.stage() + "=" + o.status())
        .collect(Collectors.joining(" "));
  }

  /**
   * Ingestion, incremental per incident: only incidents whose manifest or files changed are read.
   */
  private void ingest() {
    Instant start = Instant.now();
    InputFiles files = new InputFiles(spark.sparkContext().hadoopConfiguration());
    List<Incident> incidents = IncidentCatalog.load(config, files);
    List<FileTask> tasks = IngestPlanner.plan(files, incidents, config.config().ingest(), Map.of());
    Map<String, String> current = incidentFingerprints(incidents, tasks);
    Map<String, String> previous = previousIncidentFingerprints();
    Set<String> changed = new TreeSet<>();
    current.forEach(
        (id, fp) -> {
          if (!fp.equals(previous.get(id))) {
            changed.add(id);
          }
        });
    Set<String> removed = new TreeSet<>(previous.keySet());
    removed.removeAll(current.keySet());
    Fingerprint stageFp = Fingerprint.of("ingest");
    current.forEach(stageFp::add);
    String fp = stageFp.hex();
    fingerprints.put("ingest", fp);
    boolean tablesExist = LakeTables.exists(spark, config.lakeTable("leaked_records"));
    if (tablesExist && changed.isEmpty() && removed.isEmpty()) {
      done(
          "ingest",
          "reused",
          "no incident file or manifest changed (" + current.size() + " incidents)",
          fp,
          start,
          0,
          current);
      Row totals =
          LakeTables.read(spark, config.lakeTable("ingested_files"))
              .agg(
                  org.apache.spark.sql.functions.sum("rows_in"),
                  org.apache.spark.sql.functions.sum("rows_out"),
                  org.apache.spark.sql.functions.sum("rows_quarantined"))
              .first();
      RunSummary.write(
          spark,
          config.reportPath("run_summary"),
          runId,
          runDate,
          "ingest",
          List.of(
              new RunSummary.Line(
                  "all",
                  totals.getLong(0),
                  totals.getLong(1),
                  totals.getLong(2),
                  Map.of(),
                  outcomes.get(outcomes.size() - 1).seconds(),
                  "reused: no incident file or manifest changed")));
      return;
    }
    String reason;
    long rows;
    if (!tablesExist || previous.isEmpty()) {
      rows = total(IngestCommand.run(spark, config, tasks, runDate, runId, null, current));
      reason = "first ingestion of " + current.size() + " incidents";
    } else {
      List<FileTask> changedTasks =
          tasks.stream().filter(t -> changed.contains(t.incidentId())).toList();
      rows =
          changed.isEmpty()
              ? 0
              : total(
                  IngestCommand.run(spark, config, changedTasks, runDate, runId, changed, current));
      if (!removed.isEmpty()) {
        for (String table : List.of("leaked_records", "quarantine", "ingested_files")) {
          LakeTables.delete(
              spark, config.lakeTable(table), IngestCommand.incidentPredicate(removed));
        }
      }
      reason =
          "re-read "
              + (changed.isEmpty() ? "none" : String.join(", ", changed))
              + (removed.isEmpty() ? "" : "; removed " + String.join(", ", removed))
              + "; kept "
              + (current.size() - changed.size())
              + " incidents";
    }
    done("ingest", "ran", reason, fp, start, rows, current);
  }

  private static long total(List<RunSummary.Line> lines) {
    return lines.isEmpty() ? 0 : lines.get(lines.size() - 1).rowsOut();
  }

  private Map<String, String> incidentFingerprints(List<Incident> incidents, List<FileTask> tasks) {
    String ingestConfig = json(config.config().ingest());
    InputFiles files = new InputFiles(spark.sparkContext().hadoopConfiguration());
    Map<String, String> fps = new TreeMap<>();
    for (Incident incident : incidents) {
      Fingerprint fp =
          Fingerprint.of("ingest:" + incident.id())
              .add("config", ingestConfig)
              .add("code", CodeVersion.current());
      fp.add(
          "manifest",
          new String(
              files.readAll(incident.manifestPath()), java.nio.charset.StandardCharsets.UTF_8));
      tasks.stream()
          .filter(t -> t.incidentId().equals(incident.id()))
          .forEach(t -> fp.add(t.sourceFile(), t.sha256() + "|" + t.duplicateOf()));
      fps.put(incident.id(), fp.hex());
    }
    return fps;
  }

  private Map<String, String> previousIncidentFingerprints() {
    String path = config.lakeTable("ingested_files");
    Map<String, String> fps = new HashMap<>();
    if (!LakeTables.exists(spark, path)) {
      return fps;
    }
    for (Row r :
        LakeTables.read(spark, path)
            .filter(col("incident_fingerprint").isNotNull())
            .select("incident_id", "incident_fingerprint")
            .distinct()
            .collectAsList()) {
      fps.put(r.getString(0), r.getString(1));
    }
    return fps;
  }

  private void runStage(Stage stage) {
    Instant start = Instant.now();
    // What the output depends on, by name: upstream fingerprints, the config section, the code,
    // the run date where it matters, the files read directly. Logged as the row's input_versions.
    Map<String, String> versions = new TreeMap<>();
    for (String up : stage.upstream()) {
      versions.put(up, fingerprints.get(up));
    }
    versions.put("config", Fingerprint.of("config").add("section", stage.configSection()).hex());
    versions.put("code", CodeVersion.current());
    String date = stage.dateDependence().apply(runDate);
    if (!date.isEmpty()) {
      versions.put("date", date);
    }
    versions.putAll(stage.inputs());
    Fingerprint f = Fingerprint.of(stage.name());
    versions.forEach(f::add);
    String fp = f.hex();
    fingerprints.put(stage.name(), fp);
    String why;
    if (stage.everyNight()) {
      why = "runs every night (reports carry the run date)";
    } else {
      Optional<RunLog.Completed> last = log.lastCompleted(stage.name());
      if (last.isPresent() && fp.equals(last.get().fingerprint())) {
        finish(
            stage.name(),
            "reused",
            "inputs and config unchanged since its last run",
            fp,
            start,
            versions);
        return;
      }
      why = whyRun(stage, last, versions);
    }
    LOG.info("nightly run={} stage={} start: {}", runId, stage.name(), why);
    stage.runner().run(spark, config, runDate);
    finish(stage.name(), "ran", why, fp, start, versions);
  }

  /**
   * Logs the stage's row (rows_out: its output table's row count) and its line in run_summary
   * (stage=<name>): rows in, rows out, seconds, ran or reused.
   */
  private void finish(
      String stage,
      String status,
      String why,
      String fp,
      Instant start,
      Map<String, String> versions) {
    List<String> flow = FLOW.getOrDefault(stage, List.of("", ""));
    long in = count(flow.get(0));
    long out = count(flow.get(1));
    Outcome o = done(stage, status, why, fp, start, out, versions);
    RunSummary.write(
        spark,
        config.reportPath("run_summary"),
        runId,
        runDate,
        stage,
        List.of(
            new RunSummary.Line(
                flow.get(1).isEmpty() ? stage : flow.get(1),
                in,
                out,
                0,
                Map.of(),
                o.seconds(),
                o.status() + ": " + o.reason())));
  }

  private long count(String table) {
    if (table.isEmpty() || !LakeTables.exists(spark, config.lakeTable(table))) {
      return 0;
    }
    return LakeTables.read(spark, config.lakeTable(table)).count();
  }

  /**
   * Why a stage that is not reused runs: no completed run yet, the upstream stages recomputed
   * tonight, and the inputs whose version differs from its last completed run.
   */
  private String whyRun(
      Stage stage, Optional<RunLog.Completed> last, Map<String, String> versions) {
    if (last.isEmpty()) {
      return "no completed run yet";
    }
    List<String> reasons = new ArrayList<>();
    List<String> ran =
        outcomes.stream()
            .filter(o -> o.status().equals("ran") && stage.upstream().contains(o.stage()))
            .map(Outcome::stage)
            .toList();
    if (!ran.isEmpty()) {
      reasons.add("upstream recomputed: " + String.join(", ", ran));
    }
    Map<String, String> before = last.get().inputVersions();
    if (before.isEmpty()) {
      reasons.add("inputs or config changed since its last run");
    } else {
      Set<String> names = new TreeSet<>(before.keySet());
      names.addAll(versions.keySet());
      List<String> changed =
          names.stream()
              .filter(
                  n ->
                      !ran.contains(n) && !java.util.Objects.equals(before.get(n), versions.get(n)))
              .toList();
      if (!changed.isEmpty()) {
        reasons.add("changed since its last run: " + String.join(", ", changed));
      }
    }
    return reasons.isEmpty()
        ? "inputs or config changed since its last run"
        : String.join("; ", reasons);
  }

  private Outcome done(
      String stage,
      String status,
      String reason,
      String fp,
      Instant start,
      long rows,
      Map<String, String> versions) {
    Instant end = Instant.now();
    double seconds = (end.toEpochMilli() - start.toEpochMilli()) / 1000.0;
    Outcome outcome = new Outcome(stage, status, reason, fp, seconds);
    outcomes.add(outcome);
    String slowest =
        progress == null
            ? null
            : progress
                .slowest()
                .map(fr.breachimpact.spark.SparkStageTimes.SlowStage::describe)
                .orElse(null);
    log.append(
        new RunLog.Entry(
            runId,
            runDate,
            stage,
            status,
            reason,
            fp,
            start,
            end,
            rows,
            Map.copyOf(versions),
            null,
            slowest));
    System.out.printf(
        java.util.Locale.ROOT,
        "nightly: stage=%s %s in %.1f s: %s%n",
        stage,
        status,
        seconds,
        reason);
    return outcome;
  }

  /** A config section as stable JSON, for fingerprints. */
  public static String json(Object section) {
    try {
      return Json.mapper()
          .writer()
          .with(com.fasterxml.jackson.databind.SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
          .writeValueAsString(section);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
