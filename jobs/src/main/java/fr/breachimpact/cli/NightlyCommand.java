package fr.breachimpact.cli;

import fr.breachimpact.config.LoadedConfig;
import fr.breachimpact.pipeline.NightlyRun;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** The scheduler's entry point: every stage for a run date, incremental, one run at a time. */
@Command(
    name = "nightly",
    header = "Run every stage for --run-date, reusing the stages whose inputs did not change.",
    mixinStandardHelpOptions = true,
    description = {
      "Runs ingest, customers, classify, link, resolve and report for --run-date. Stages whose",
      "inputs did not change since their last completed run are reused; resolve and report, whose",
      "outputs carry the run date, then carry their last run's outputs forward to --run-date. The",
      "run log (lake table run_log) says what was recomputed and why. Exit 4 if another run holds",
      "the lock."
    })
public final class NightlyCommand implements Callable<Integer> {
  @Mixin JobOptions options;

  @Option(
      names = "--retrain",
      description =
          "Train new link and deduplication models even where the stored ones could be reused.")
  boolean retrain;

  @Option(
      names = "--recompute",
      description =
          "Run resolve and report in full even when their inputs did not change, instead of"
              + " carrying their last run's outputs forward to the run date.")
  boolean recompute;

  @Override
  public Integer call() {
    NightlyRun.run(LoadedConfig.load(options.config()), options.runDate(), retrain, recompute);
    return ExitCode.OK;
  }
}
