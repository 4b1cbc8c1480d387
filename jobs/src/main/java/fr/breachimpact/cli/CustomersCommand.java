package fr.breachimpact.cli;

import fr.breachimpact.stage.Customers;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * Loads the configured customer master extracts into the Delta table {@code customers}, and their
 * normalised form into {@code customers_clean}.
 */
@Command(
    name = "customers",
    mixinStandardHelpOptions = true,
    description =
        "Load the customer master extracts (config 'customers') into the lake tables customers and customers_clean.")
public final class CustomersCommand implements Callable<Integer> {
  @Mixin JobOptions options;

  @Override
  public Integer call() {
    return options.runJob(new Customers());
  }
}
