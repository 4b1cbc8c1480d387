package fr.breachimpact.cli;

import fr.breachimpact.config.LoadedConfig;
import fr.breachimpact.normalize.RecordNormalizer;
import fr.breachimpact.pipeline.Fingerprint;
import fr.breachimpact.pipeline.Nightly;
import fr.breachimpact.pipeline.RunLock;
import fr.breachimpact.spark.SparkSessions;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** The scheduler's entry point: every stage for a run date, incremental, one run at a time. */
@Command(
    name = "nightly",
    mixinStandardHelpOptions = true,
    description = {
      "Runs ingest, customers, classify, link, resolve and report for --run-date. Stages whose",
      "inputs did not change since their last completed run are reused; the run log (lake table",
      "run_log) says what was recomputed and why. Exit 4 if another run holds the lock."
    })
public final class NightlyCommand implements Callable<Integer> {
  @Mixin JobOptions options;

  @Override
  public Integer call() {
    LoadedConfig config = LoadedConfig.load(options.config());
    String runId = IngestCommand.runId();
    Path lock = Path.of(config.resolve(config.config().lakeDir())).resolve("_nightly.lock");
    try (RunLock held = RunLock.acquire(lock, runId)) {
      if (held.tookOverStale()) {
        System.out.println("nightly: took over a stale lock left by a killed run");
      }
      SparkSession spark = SparkSessions.create("breach-impact nightly", config.config().spark());
      new Nightly(spark, config, options.runDate(), runId).run(stages(config));
    }
    return ExitCode.OK;
  }

  /** The stages after ingestion, in order, with what each depends on. */
  static List<Nightly.Stage> stages(LoadedConfig config) {
    return List.of(
        new Nightly.Stage("classify", List.of("ingest"), Fingerprint.of("classify").hex(), false,
            (spark, c, date) -> ClassifyCommand.run(spark, c, new RecordNormalizer(date))));
  }
}
