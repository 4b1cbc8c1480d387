package fr.breachimpact.cli;

import fr.breachimpact.stage.Report;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * {@code report}: the aggregate reports to {@code reports_dir}, the per-person reports to the
 * notification zone, {@code summary.html} and a count-only summary on stdout ({@link Report}).
 */
@Command(
    name = "report",
    mixinStandardHelpOptions = true,
    description = "Write the impact reports, the HTML summary and a console summary.")
public final class ReportCommand implements Callable<Integer> {
  @Mixin JobOptions options;

  @Override
  public Integer call() {
    return options.runJob(new Report());
  }
}
