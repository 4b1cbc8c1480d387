package fr.breachimpact.cli;

import fr.breachimpact.config.ConfigException;
import fr.breachimpact.ingest.InputException;
import fr.breachimpact.pipeline.RunLock;
import fr.breachimpact.spark.SparkSessions;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * The one entry point: {@code breach-impact <subcommand> --config FILE --run-date DATE}. The
 * production subcommands only (the spark-submit jar's main class); the scripts' command line adds
 * the generator's and the benchmark's ({@code fr.breachimpact.tools.BreachImpactTools} in the bench
 * module).
 */
@Command(
    name = "breach-impact",
    mixinStandardHelpOptions = true,
    version = "breach-impact 0.1.0",
    description = "Measures what personal-data breaches mean for a company's customers.",
    subcommands = {
      IngestCommand.class,
      CustomersCommand.class,
      ClassifyCommand.class,
      LinkCommand.class,
      ResolveCommand.class,
      ReportCommand.class,
      NightlyCommand.class,
      EvaluateCommand.class,
      SniffCommand.class
    })
public final class BreachImpact implements Runnable {
  @Spec CommandSpec spec;

  public static void main(String[] args) {
    exit(execute(args));
  }

  /** Stops the process's Spark session and exits with the code. */
  public static void exit(int code) {
    // Commands share the process's session and never stop it themselves (tests reuse it).
    SparkSessions.stopActive();
    System.exit(code);
  }

  /** Runs a command line and returns its exit code; never throws. */
  public static int execute(String... args) {
    return execute(new CommandLine(new BreachImpact()), args);
  }

  /**
   * Runs a command line on {@code cli} (this command, or one with more subcommands) with the exit
   * codes of {@link ExitCode}; never throws.
   */
  public static int execute(CommandLine cli, String... args) {
    cli.setExecutionExceptionHandler(
        (ex, commandLine, parseResult) -> {
          Throwable root = ex;
          if (ex instanceof ConfigException) {
            System.err.println("error: " + ex.getMessage());
            return ExitCode.BAD_CONFIG;
          }
          if (ex instanceof RunLock.LockedException) {
            System.err.println("error: " + ex.getMessage());
            return ExitCode.LOCKED;
          }
          if (ex instanceof InputException) {
            System.err.println("error: " + ex.getMessage());
            return ExitCode.INPUT_PROBLEM;
          }
          while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
            if (root instanceof ConfigException) {
              System.err.println("error: " + root.getMessage());
              return ExitCode.BAD_CONFIG;
            }
            if (root instanceof InputException) {
              System.err.println("error: " + root.getMessage());
              return ExitCode.INPUT_PROBLEM;
            }
          }
          // One line for the scheduler; the stack trace only on request.
          System.err.println(
              "error: " + ex.getClass().getSimpleName() + ": " + oneLine(ex.getMessage()));
          if (System.getenv("BREACH_IMPACT_DEBUG") != null) {
            ex.printStackTrace();
          }
          return ExitCode.FAILURE;
        });
    return cli.execute(args);
  }

  private static String oneLine(String message) {
    if (message == null) {
      return "";
    }
    int nl = message.indexOf('\n');
    return nl < 0 ? message : message.substring(0, nl);
  }

  @Override
  public void run() {
    // The command line this runs in: with the scripts' extra subcommands when it has them.
    spec.commandLine().usage(System.out);
  }
}
