package fr.breachimpact.cli;

import fr.breachimpact.config.ConfigException;
import fr.breachimpact.ingest.InputException;
import fr.breachimpact.spark.SparkSessions;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The one entry point: {@code breach-impact <subcommand> --config FILE --run-date DATE}. */
@Command(
    name = "breach-impact",
    mixinStandardHelpOptions = true,
    version = "breach-impact 0.1.0",
    description = "Measures what personal-data breaches mean for a company's customers.",
    subcommands = {
      GenerateCommand.class,
      IngestCommand.class,
      CustomersCommand.class,
      ClassifyCommand.class,
      LinkCommand.class,
      ResolveCommand.class,
      ReportCommand.class,
      NightlyCommand.class,
      EvaluateCommand.class,
      SniffCommand.class,
      fr.breachimpact.bench.BenchCommand.class
    })
public final class BreachImpact implements Runnable {

  public static void main(String[] args) {
    int code = execute(args);
    // Commands share the process's session and never stop it themselves (tests reuse it).
    SparkSessions.stopActive();
    System.exit(code);
  }

  /** Runs a command line and returns its exit code; never throws. */
  public static int execute(String... args) {
    CommandLine cli = new CommandLine(new BreachImpact());
    cli.setExecutionExceptionHandler(
        (ex, commandLine, parseResult) -> {
          Throwable root = ex;
          if (ex instanceof ConfigException) {
            System.err.println("error: " + ex.getMessage());
            return ExitCode.BAD_CONFIG;
          }
          if (ex instanceof fr.breachimpact.pipeline.RunLock.LockedException) {
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
          System.err.println("error: " + ex.getClass().getSimpleName() + ": " + oneLine(ex.getMessage()));
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
    new CommandLine(this).usage(System.out);
  }
}
