package fr.breachimpact.pipeline;

import fr.breachimpact.config.LoadedConfig;
import fr.breachimpact.ingest.InputFiles;
import fr.breachimpact.report.PseudonymKey;
import fr.breachimpact.report.RunSummary;
import fr.breachimpact.spark.SparkSessions;
import fr.breachimpact.stage.Link;
import fr.breachimpact.stage.Resolve;
import java.time.LocalDate;
import org.apache.spark.sql.SparkSession;

/**
 * A night as the scheduler starts it: what can be checked before anything is written, then every
 * stage under the run lock.
 */
public final class NightlyRun {
  private NightlyRun() {}

  /**
   * @param retrain train new link and deduplication models even where the stored ones fit (resolve
   *     and report then run in full)
   * @param recompute run resolve and report in full even when their inputs did not change
   */
  public static void run(
      LoadedConfig config, LocalDate runDate, boolean retrain, boolean recompute) {
    // No key, no report: checked before the lock and any stage, not after hours of work.
    PseudonymKey.load(config, System.getenv());
    // Likewise the models' settings: a wrong key stops the night before anything runs.
    Link.model(config);
    Resolve.model(config);
    String runId = RunSummary.newRunId();
    // The session writes nothing; its Hadoop configuration reads the inputs and holds the lock.
    SparkSession spark = SparkSessions.create("breach-impact nightly", config);
    InputFiles files = new InputFiles(spark.sparkContext().hadoopConfiguration());
    // An unreachable or missing input: exit 3 before the lock, nothing written.
    InputCheck.require(config, files);
    try (RunLock held =
        RunLock.forLake(config.resolve(config.config().lakeDir()), files.conf(), runId)) {
      if (held.tookOverStale()) {
        System.out.println("nightly: took over a stale lock left by a killed run");
      }
      new Nightly(spark, config, runDate, runId, recompute || retrain)
          .run(NightlyStages.of(config, retrain, files));
    }
  }
}
