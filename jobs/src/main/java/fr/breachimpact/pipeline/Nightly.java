package fr.breachimpact.pipeline;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.sum;

import com.fasterxml.jackson.databind.SerializationFeature;
import fr.breachimpact.config.Json;
import fr.breachimpact.config.LoadedConfig;
import fr.breachimpact.ingest.FileTask;
import fr.breachimpact.ingest.Incident;
import fr.breachimpact.ingest.IncidentCatalog;
import fr.breachimpact.ingest.IngestPlanner;
import fr.breachimpact.ingest.InputFiles;
import fr.breachimpact.report.RunSummary;
import fr.breachimpact.spark.LakeTables;
import fr.breachimpact.spark.SparkStageTimes;
import fr.breachimpact.spark.StageProgress;
import fr.breachimpact.spark.Tables;
import fr.breachimpact.stage.CarriedForward;
import fr.breachimpact.stage.IncidentDelta;
import fr.breachimpact.stage.IncidentScoped;
import fr.breachimpact.stage.Ingest;
import fr.breachimpact.stage.Stage;
import fr.breachimpact.stage.StageContext;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.function.Supplier;
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
   * A stage after ingestion as the night schedules it: its config section, whether its outputs
   * carry the run date (then it is never reused as it stands, but carried forward to the new date
   * when it can: {@link CarriedForward}), what of the run date its output depends on, the files it
   * reads directly (name -> content hash), and the files it reads and may itself rewrite (resolve's
   * stored model: hashed as it starts and again as it ends, since the next night reads what it
   * left). The stages it depends on follow from the tables it reads.
   */
  public record Step(
      Stage stage,
      String configSection,
      boolean everyNight,
      Function<LocalDate, String> dateDependence,
      Map<String, String> inputs,
      Supplier<Map<String, String>> ownFiles) {

    public Step(Stage stage, String configSection, boolean everyNight) {
      this(stage, configSection, everyNight, date -> "", Map.of(), Map::of);
    }

    public Step(
        Stage stage,
        String configSection,
        boolean everyNight,
        Function<LocalDate, String> dateDependence) {
      this(stage, configSection, everyNight, dateDependence, Map.of(), Map::of);
    }

    public Step(
        Stage stage,
        String configSection,
        boolean everyNight,
        Function<LocalDate, String> dateDependence,
        Map<String, String> inputs) {
      this(stage, configSection, everyNight, dateDependence, inputs, Map::of);
    }

    public String name() {
      return stage.name();
    }
  }

  /**
   * A stage brought up to date tonight for some incidents only: the fingerprint it had before (that
   * of the state the stages downstream were computed from) and the incidents.
   */
  private record IncidentsRun(String fingerprintBefore, IncidentDelta delta) {}

  /** What a stage did this night. */
  public record Outcome(
      String stage, String status, String reason, String fingerprint, double seconds) {}

  private final SparkSession spark;
  private final LoadedConfig config;
  private final LocalDate runDate;
  private final String runId;
  private final Ingest ingest;
  private final RunLog log;
  private final boolean recompute;
  private final Map<String, String> fingerprints = new LinkedHashMap<>();
  private final List<Outcome> outcomes = new ArrayList<>();
  private final Map<String, IncidentsRun> incidentRuns = new HashMap<>();

  /** The pipeline stage running now: its progress lines and its slowest Spark stage. */
  private StageProgress progress;

  public Nightly(SparkSession spark, LoadedConfig config, LocalDate runDate, String runId) {
    this(spark, config, runDate, runId, false);
  }

  /**
   * @param recompute run the stages whose outputs carry the run date in full even when their inputs
   *     are unchanged, instead of carrying their outputs forward
   */
  public Nightly(
      SparkSession spark, LoadedConfig config, LocalDate runDate, String runId, boolean recompute) {
    this.recompute = recompute;
    this.spark = spark;
    this.config = config;
    this.runDate = runDate;
    this.runId = runId;
    this.ingest = new Ingest(runId);
    this.log = new RunLog(spark, config.lakeTable(Tables.RUN_LOG));
  }

  /** Ingestion, then {@code steps} in their order. */
  public List<Outcome> run(List<Step> steps) {
    List<Stage> stages = new ArrayList<>(List.of(ingest));
    steps.forEach(s -> stages.add(s.stage()));
    Map<String, List<String>> upstream = upstream(stages);
    Instant start = Instant.now();
    try {
      try (StageProgress p = track(ingest.name())) {
        ingest();
      }
      for (Step step : steps) {
        try (StageProgress p = track(step.name())) {
          runStage(step, upstream.get(step.name()));
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

  private StageProgress track(String stage) {
    progress = StageProgress.start(spark, stage);
    return progress;
  }

  /**
   * Each stage's upstream, by name: the earlier stages that write a table it reads, less those
   * already upstream of another of them (a stage's fingerprint holds its upstream's, so the nearest
   * stand for the ones before). A stage reading a table that a later stage writes is out of order:
   * refused.
   */
  static Map<String, List<String>> upstream(List<Stage> stages) {
    Map<String, List<String>> nearest = new LinkedHashMap<>();
    Map<String, Set<String>> before = new HashMap<>();
    for (int i = 0; i < stages.size(); i++) {
      Stage stage = stages.get(i);
      Set<String> writers = new LinkedHashSet<>();
      for (String table : stage.reads()) {
        for (Stage earlier : stages.subList(0, i)) {
          if (earlier.writes().contains(table)) {
            writers.add(earlier.name());
          }
        }
        for (Stage later : stages.subList(i + 1, stages.size())) {
          if (later.writes().contains(table)) {
            throw new IllegalStateException(
                stage.name() + " reads " + table + ", written by the later stage " + later.name());
          }
        }
      }
      Set<String> all = new TreeSet<>(writers);
      Set<String> direct = new LinkedHashSet<>(writers);
      for (String w : writers) {
        all.addAll(before.get(w));
        direct.removeAll(before.get(w));
      }
      before.put(stage.name(), all);
      nearest.put(stage.name(), List.copyOf(direct));
    }
    return nearest;
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
    fingerprints.put(ingest.name(), fp);
    boolean tablesExist = LakeTables.exists(spark, config.lakeTable(Tables.LEAKED_RECORDS));
    if (tablesExist && changed.isEmpty() && removed.isEmpty()) {
      done(
          ingest.name(),
          "reused",
          "no incident file or manifest changed (" + current.size() + " incidents)",
          fp,
          start,
          0,
          current);
      Row totals =
          LakeTables.read(spark, config.lakeTable(Tables.INGESTED_FILES))
              .agg(sum("rows_in"), sum("rows_out"), sum("rows_quarantined"))
              .first();
      RunSummary.write(
          spark,
          config.resolve(config.config().reportsDir()),
          runId,
          runDate,
          ingest.name(),
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
    StageContext context = new StageContext(spark, config, runDate);
    String reason;
    long rows;
    if (!tablesExist || previous.isEmpty()) {
      rows = total(ingest.ingest(context, tasks, null, current));
      reason = "first ingestion of " + current.size() + " incidents";
    } else {
      List<FileTask> changedTasks =
          tasks.stream().filter(t -> changed.contains(t.incidentId())).toList();
      rows = changed.isEmpty() ? 0 : total(ingest.ingest(context, changedTasks, changed, current));
      if (!removed.isEmpty()) {
        for (String table : ingest.writes()) {
          LakeTables.delete(spark, config.lakeTable(table), Ingest.incidentPredicate(removed));
        }
      }
      Set<String> added = new TreeSet<>(changed);
      added.removeAll(previous.keySet());
      Set<String> replaced = new TreeSet<>(changed);
      replaced.retainAll(previous.keySet());
      Fingerprint before = Fingerprint.of("ingest");
      new TreeMap<>(previous).forEach(before::add);
      incidentRuns.put(
          ingest.name(),
          new IncidentsRun(before.hex(), new IncidentDelta(added, replaced, removed)));
      reason =
          "re-read "
              + (changed.isEmpty() ? "none" : String.join(", ", changed))
              + (removed.isEmpty() ? "" : "; removed " + String.join(", ", removed))
              + "; kept "
              + (current.size() - changed.size())
              + " incidents";
    }
    done(ingest.name(), "ran", reason, fp, start, rows, current);
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
          "manifest", new String(files.readAll(incident.manifestPath()), StandardCharsets.UTF_8));
      tasks.stream()
          .filter(t -> t.incidentId().equals(incident.id()))
          .forEach(t -> fp.add(t.sourceFile(), t.sha256() + "|" + t.duplicateOf()));
      fps.put(incident.id(), fp.hex());
    }
    return fps;
  }

  private Map<String, String> previousIncidentFingerprints() {
    String path = config.lakeTable(Tables.INGESTED_FILES);
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

  private void runStage(Step stage, List<String> upstream) {
    Instant start = Instant.now();
    // What the output depends on, by name: upstream fingerprints, the config section, the code,
    // the run date where it matters, the files read directly. Logged as the row's input_versions.
    Map<String, String> versions = new TreeMap<>();
    for (String up : upstream) {
      versions.put(up, fingerprints.get(up));
    }
    versions.put("config", Fingerprint.of("config").add("section", stage.configSection()).hex());
    versions.put("code", CodeVersion.current());
    String date = stage.dateDependence().apply(runDate);
    if (!date.isEmpty()) {
      versions.put("date", date);
    }
    versions.putAll(stage.inputs());
    versions.putAll(stage.ownFiles().get());
    String fp = fingerprint(stage.name(), versions);
    Optional<RunLog.Completed> last = log.lastCompleted(stage.name());
    String why;
    if (stage.everyNight()) {
      String refused = carryRefused(stage, upstream, fp, last, versions);
      if (refused == null) {
        LocalDate from = last.get().runDate();
        LOG.info(
            "nightly run={} stage={} carries its run of {} forward", runId, stage.name(), from);
        if (((CarriedForward) stage.stage())
            .carryForward(new StageContext(spark, config, runDate), from)) {
          finish(
              stage.stage(),
              "reused",
              "inputs and config unchanged since its run of "
                  + from
                  + ": its outputs carried to this date, those that depend on the date recomputed",
              fp,
              start,
              versions);
          return;
        }
        refused = "an output of its run of " + from + " is missing";
      }
      why = "runs every night (its outputs carry the run date): " + refused;
    } else {
      if (last.isPresent() && fp.equals(last.get().fingerprint())) {
        finish(
            stage.stage(),
            "reused",
            "inputs and config unchanged since its last run",
            fp,
            start,
            versions);
        return;
      }
      why = whyRun(upstream, last, versions);
      Optional<IncidentDelta> delta = incidentDelta(stage, last, versions);
      if (delta.isPresent()) {
        IncidentScoped.DeltaRun run =
            ((IncidentScoped) stage.stage())
                .runIncidents(new StageContext(spark, config, runDate), delta.get());
        if (run.done()) {
          incidentRuns.put(stage.name(), new IncidentsRun(last.get().fingerprint(), delta.get()));
          finish(stage.stage(), "ran", "incremental: " + run.account(), fp, start, versions);
          return;
        }
        why += "; in full: " + run.account();
      }
    }
    LOG.info("nightly run={} stage={} start: {}", runId, stage.name(), why);
    stage.stage().run(new StageContext(spark, config, runDate));
    // The files it rewrote itself (a model it trained) are what its outputs were computed with.
    Map<String, String> after = stage.ownFiles().get();
    if (!after.isEmpty()) {
      versions.putAll(after);
      fp = fingerprint(stage.name(), versions);
    }
    finish(stage.stage(), "ran", why, fp, start, versions);
  }

  /**
   * The incidents a stage can be brought up to date for alone, if that is all that changed since
   * its last completed run: of what it depends on, only one upstream stage's fingerprint differs,
   * and that stage went tonight, for those incidents only, from the very state the stage's last run
   * read. Empty otherwise, and always under {@code --recompute}.
   */
  private Optional<IncidentDelta> incidentDelta(
      Step stage, Optional<RunLog.Completed> last, Map<String, String> versions) {
    if (recompute || last.isEmpty() || !(stage.stage() instanceof IncidentScoped)) {
      return Optional.empty();
    }
    Map<String, String> before = last.get().inputVersions();
    Set<String> names = new TreeSet<>(before.keySet());
    names.addAll(versions.keySet());
    List<String> changed =
        names.stream().filter(n -> !Objects.equals(before.get(n), versions.get(n))).toList();
    if (changed.size() != 1) {
      return Optional.empty();
    }
    IncidentsRun upstream = incidentRuns.get(changed.get(0));
    return upstream != null && upstream.fingerprintBefore().equals(before.get(changed.get(0)))
        ? Optional.of(upstream.delta())
        : Optional.empty();
  }

  /** Records the stage's fingerprint for the stages downstream of it, and returns it. */
  private String fingerprint(String stage, Map<String, String> versions) {
    Fingerprint f = Fingerprint.of(stage);
    versions.forEach(f::add);
    String fp = f.hex();
    fingerprints.put(stage, fp);
    return fp;
  }

  /**
   * Why a stage whose outputs carry the run date cannot carry those of its last run forward, or
   * null when it can: its inputs (fingerprint) are those of its last completed run, that run is of
   * an earlier date, nothing upstream was recomputed tonight, and none of its tables was written
   * after that run ended (by a run that failed half-way, or by its subcommand run alone).
   */
  private String carryRefused(
      Step stage,
      List<String> upstream,
      String fp,
      Optional<RunLog.Completed> last,
      Map<String, String> versions) {
    if (!(stage.stage() instanceof CarriedForward)) {
      return "its outputs are always recomputed";
    }
    if (recompute) {
      return "recomputation asked";
    }
    if (last.isEmpty() || !fp.equals(last.get().fingerprint())) {
      return whyRun(upstream, last, versions);
    }
    List<String> ran = ranTonight(upstream);
    if (!ran.isEmpty()) {
      return "upstream recomputed: " + String.join(", ", ran);
    }
    if (!last.get().runDate().isBefore(runDate)) {
      return "its last run is of " + last.get().runDate() + ", not of an earlier date";
    }
    for (String table : stage.stage().writes()) {
      Instant written = LakeTables.lastCommitTime(spark, config.lakeTable(table));
      if (written == null) {
        return table + " is missing";
      }
      if (written.isAfter(last.get().endedAt())) {
        return table + " was written after its last completed run";
      }
    }
    return null;
  }

  /**
   * Logs the stage's row (rows_out: its output table's row count) and its line in run_summary
   * (stage=<name>): rows in, rows out, seconds, ran or reused.
   */
  private void finish(
      Stage stage,
      String status,
      String why,
      String fp,
      Instant start,
      Map<String, String> versions) {
    long in = count(stage.countedInput());
    long out = count(stage.countedOutput());
    Outcome o = done(stage.name(), status, why, fp, start, out, versions);
    RunSummary.write(
        spark,
        config.resolve(config.config().reportsDir()),
        runId,
        runDate,
        stage.name(),
        List.of(
            new RunSummary.Line(
                stage.countedOutput().isEmpty() ? stage.name() : stage.countedOutput(),
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

  /** The stages among {@code upstream} that ran (not reused) earlier tonight. */
  private List<String> ranTonight(List<String> upstream) {
    return outcomes.stream()
        .filter(o -> o.status().equals("ran") && upstream.contains(o.stage()))
        .map(Outcome::stage)
        .toList();
  }

  /**
   * Why a stage that is not reused runs: no completed run yet, the upstream stages recomputed
   * tonight, and the inputs whose version differs from its last completed run.
   */
  private String whyRun(
      List<String> upstream, Optional<RunLog.Completed> last, Map<String, String> versions) {
    if (last.isEmpty()) {
      return "no completed run yet";
    }
    List<String> reasons = new ArrayList<>();
    List<String> ran = ranTonight(upstream);
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
              .filter(n -> !ran.contains(n) && !Objects.equals(before.get(n), versions.get(n)))
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
            : progress.slowest().map(SparkStageTimes.SlowStage::describe).orElse(null);
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
        Locale.ROOT, "nightly: stage=%s %s in %.1f s: %s%n", stage, status, seconds, reason);
    return outcome;
  }

  /** A config section as stable JSON, for fingerprints. */
  public static String json(Object section) {
    try {
      return Json.mapper()
          .writer()
          .with(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
          .writeValueAsString(section);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
