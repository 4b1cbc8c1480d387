package fr.breachimpact.cli;

import fr.breachimpact.config.JobConfig;
import fr.breachimpact.config.LoadedConfig;
import fr.breachimpact.ingest.InputFiles;
import fr.breachimpact.pipeline.InputCheck;
import fr.breachimpact.pipeline.Nightly;
import fr.breachimpact.pipeline.RunLock;
import fr.breachimpact.spark.SparkSessions;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** The scheduler's entry point: every stage for a run date, incremental, one run at a time. */
@Command(
    name = "nightly",
    header = "Run every stage for --run-date, reusing the stages whose inputs did not change.",
    mixinStandardHelpOptions = true,
    description = {
      "Runs ingest, customers, classify, link, resolve and report for --run-date. Stages whose",
      "inputs did not change since their last completed run are reused; the run log (lake table",
      "run_log) says what was recomputed and why. Exit 4 if another run holds the lock."
    })
public final class NightlyCommand implements Callable<Integer> {
  @Mixin JobOptions options;

  @picocli.CommandLine.Option(
      names = "--retrain",
      description =
          "Train new link and deduplication models even where the stored ones could be reused.")
  boolean retrain;

  @Override
  public Integer call() {
    LoadedConfig config = LoadedConfig.load(options.config());
    // No key, no report: checked before the lock and any stage, not after hours of work.
    fr.breachimpact.report.PseudonymKey.load(config, System.getenv());
    // Likewise the models' settings: a wrong key stops the night before anything runs.
    LinkCommand.linkModel(config);
    ResolveCommand.dedupeModel(config);
    String runId = IngestCommand.runId();
    // The session writes nothing; its Hadoop configuration reads the inputs and holds the lock.
    SparkSession spark = SparkSessions.create("breach-impact nightly", config);
    InputFiles files = new InputFiles(spark.sparkContext().hadoopConfiguration());
    // An unreachable or missing input: exit 3 before the lock, nothing written.
    InputCheck.require(config, files);
    try (RunLock held = lock(config.resolve(config.config().lakeDir()), files, runId)) {
      if (held.tookOverStale()) {
        System.out.println("nightly: took over a stale lock left by a killed run");
      }
      new Nightly(spark, config, options.runDate(), runId).run(stages(config, retrain, files));
    }
    return ExitCode.OK;
  }

  private static RunLock lock(String lake, InputFiles files, String runId) {
    return isHdfs(lake)
        ? RunLock.acquire(new org.apache.hadoop.fs.Path(lockLocation(lake)), files.conf(), runId)
        : RunLock.acquire(lockFile(lake), runId);
  }

  private static boolean isHdfs(String lake) {
    return lake.startsWith("hdfs://");
  }

  /**
   * Where the run lock lives, as a path or URI: in the lake on HDFS (the name node's
   * create-if-absent excludes runs of every host), else {@link #lockFile}.
   */
  public static String lockLocation(String lake) {
    return isHdfs(lake) ? trimSlash(lake) + "/_nightly.lock" : lockFile(lake).toString();
  }

  private static String trimSlash(String path) {
    return path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
  }

  /**
   * Where a local run lock lives: beside a lake on a local or mounted file system (a plain path or
   * a {@code file:} URI). A lake on S3 (or HDFS, where {@link #lockLocation} puts the lock in the
   * lake instead) has no local folder: the lock is then a file of the driver host's temporary
   * folder, named after the lake, so it only excludes runs started on that host (the scheduler's
   * one-run-at-a-time setting covers the rest; README).
   */
  public static Path lockFile(String lake) {
    if (lake.startsWith("file:")) {
      return Path.of(java.net.URI.create(lake)).resolve("_nightly.lock");
    }
    if (!lake.contains("://")) {
      return Path.of(lake).resolve("_nightly.lock");
    }
    String name = fr.breachimpact.pipeline.Fingerprint.of("lake").add("uri", lake).hex();
    return Path.of(System.getProperty("java.io.tmpdir"), "breach-impact-nightly-" + name + ".lock");
  }

  /**
   * The stages after ingestion, in order, with what each depends on besides its config (the
   * customer extracts read through {@code files}).
   */
  static List<Nightly.Stage> stages(LoadedConfig config, boolean retrain, InputFiles files) {
    JobConfig c = config.config();
    return List.of(
        // Customers are normalised with the run month's reference date, as classify does.
        new Nightly.Stage(
            "customers",
            List.of(),
            Nightly.json(c.customers()),
            false,
            CustomersCommand::run,
            date -> date.withDayOfMonth(1).toString(),
            customerFiles(config, files)),
        new Nightly.Stage(
            "classify",
            List.of("ingest"),
            "",
            false,
            (spark, loaded, date) ->
                ClassifyCommand.run(spark, loaded, ClassifyCommand.normalizer(date)),
            date -> date.withDayOfMonth(1).toString()),
        new Nightly.Stage(
            "link",
            List.of("classify", "customers"),
            Nightly.json(c.link()),
            false,
            (spark, loaded, date) -> LinkCommand.run(spark, loaded, date, false, null, retrain)),
        // Resolve keeps person ids stable from one night to the next and writes the overlap
        // reports of the run date; report writes the date's reports: both run every night.
        new Nightly.Stage(
            "resolve",
            List.of("link"),
            Nightly.json(c.resolve()),
            true,
            (spark, loaded, date) -> ResolveCommand.run(spark, loaded, date, null, retrain)),
        new Nightly.Stage(
            "report", List.of("resolve"), Nightly.json(c.report()), true, ReportCommand::run));
  }

  /**
   * Content hashes of the customer extracts, by file: the source's path as configured, followed for
   * a folder by the file's path inside it. Read through Hadoop's file systems (InputFiles).
   */
  static Map<String, String> customerFiles(LoadedConfig config, InputFiles files) {
    Map<String, String> hashes = new TreeMap<>();
    for (var source : config.config().customers()) {
      org.apache.hadoop.fs.Path root = InputFiles.path(config.resolve(source.path()));
      String rootPath = root.toUri().getPath();
      for (org.apache.hadoop.fs.Path f : files.filesUnder(root)) {
        String path = f.toUri().getPath();
        String name =
            path.equals(rootPath)
                ? source.path()
                : source.path() + "/" + path.substring(rootPath.length() + 1);
        hashes.put(name, fr.breachimpact.ingest.FileHashes.sha256(files, f));
      }
    }
    return hashes;
  }
}
