package fr.breachimpact.cli;

import java.nio.file.Path;
import java.time.LocalDate;

/** Options every Spark job takes. */
public final class JobOptions {
  @picocli.CommandLine.Option(
      names = "--config",
      required = true,
      paramLabel = "FILE",
      description = "Job config, JSON or YAML (see examples/config.json).")
  Path config;

  @picocli.CommandLine.Option(
      names = "--run-date",
      paramLabel = "YYYY-MM-DD",
      description =
          "Logical date of the run: reports land in report_date=<this>. Default: today (UTC).")
  LocalDate runDate;

  public Path config() {
    return config;
  }

  public LocalDate runDate() {
    return runDate != null ? runDate : LocalDate.now(java.time.ZoneOffset.UTC);
  }

  /** Loads the config, takes the process's SparkSession and runs the job: a subcommand's body. */
  public int runJob(String name, fr.breachimpact.pipeline.StageRunner job) {
    fr.breachimpact.config.LoadedConfig loaded = fr.breachimpact.config.LoadedConfig.load(config);
    org.apache.spark.sql.SparkSession spark =
        fr.breachimpact.spark.SparkSessions.create("breach-impact " + name, loaded);
    // A stage run on its own shows its progress as it does within the nightly run.
    try (var progress = fr.breachimpact.spark.StageProgress.start(spark, name)) {
      job.run(spark, loaded, runDate());
    }
    return ExitCode.OK;
  }
}
