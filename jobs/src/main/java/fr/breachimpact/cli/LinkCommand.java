package fr.breachimpact.cli;

import fr.breachimpact.stage.Link;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * Links {@code leaked_records_clean} with {@code customers_clean} into {@code customer_matches}
 * (Delta, replaced at each run).
 */
@Command(
    name = "link",
    header =
        "Match leaked records with customers: Fellegi-Sunter scores, a trusted key held by one customer wins.",
    mixinStandardHelpOptions = true,
    description = {
      "Match leaked records with customers: candidate pairs from the blocking rules, each scored by the",
      "Fellegi-Sunter model (trained or reused, link.model); a trusted key held by one customer wins."
    })
public final class LinkCommand implements Callable<Integer> {
  @Mixin JobOptions options;

  @Option(
      names = "--explain",
      description = "Print the physical plan of the matches (joins, exchanges) before writing.")
  boolean explain;

  @Mixin ModelOptions model;

  @Override
  public Integer call() {
    return options.runJob(new Link(explain, model.file, model.retrain));
  }
}
