package fr.breachimpact.tools;

import fr.breachimpact.bench.BenchCommand;
import fr.breachimpact.cli.BreachImpact;
import fr.breachimpact.generate.GenerateCommand;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine;

/**
 * The scripts' command line ({@code scripts/run.sh}, {@code scripts/lib.sh}'s {@code run_job}): the
 * production subcommands of {@link BreachImpact} plus {@code generate} (sample data, generator
 * module) and {@code bench} (this module). The spark-submit jar's main stays {@link BreachImpact}:
 * a cluster never runs the generator or the benchmark.
 */
public final class BreachImpactTools {
  private BreachImpactTools() {}

  public static void main(String[] args) {
    BreachImpact.exit(execute(args));
  }

  /** Runs a command line of the scripts' CLI and returns its exit code; never throws. */
  public static int execute(String... args) {
    return BreachImpact.execute(commandLine(), args);
  }

  /** {@code generate}, then the production subcommands in their order, then {@code bench}. */
  public static CommandLine commandLine() {
    CommandLine cli = new CommandLine(new BreachImpact());
    Map<String, CommandLine> production = new LinkedHashMap<>(cli.getSubcommands());
    production.keySet().forEach(cli.getCommandSpec()::removeSubcommand);
    cli.addSubcommand(new GenerateCommand());
    production.forEach(cli::addSubcommand);
    cli.addSubcommand(new BenchCommand());
    return cli;
  }
}
