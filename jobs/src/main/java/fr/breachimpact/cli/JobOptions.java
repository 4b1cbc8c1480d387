package fr.breachimpact.cli;

import fr.breachimpact.config.LoadedConfig;
import fr.breachimpact.spark.SparkSessions;
import fr.breachimpact.spark.StageProgress;
import fr.breachimpact.stage.Stage;
import fr.breachimpact.stage.StageContext;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Option;

/** Options every Spark job takes. */
public final class JobOptions {
  @Option(
      names = "--config",
      required = true,
      paramLabel = "FILE",
      description = "Job config, JSON or YAML (see examples/config.json).")
  Path config;

  @Option(
      names = "--run-date",
      paramLabel = "YYYY-MM-DD",
      description =
          "Logical date of the run: reports land in report_date=<this>. Default: today (UTC).")
  LocalDate runDate;

  public Path config() {
    return config;
  }

  public LocalDate runDate() {
    return runDate != null ? runDate : LocalDate.now(ZoneOffset.UTC);
  }

  /** Loads the config, takes the process's SparkSession and runs the stage: a subcommand's body. */
  public int runJob(Stage stage) {
    LoadedConfig loaded = LoadedConfig.load(config);
    SparkSession spark = SparkSessions.create("breach-impact " + stage.name(), loaded);
    // A stage run on its own shows its progress as it does within the nightly run.
    try (StageProgress progress = StageProgress.start(spark, stage.name())) {
      stage.run(new StageContext(spark, loaded, runDate()));
    }
    return ExitCode.OK;
  }
}
