package fr.breachimpact.cli;

import fr.breachimpact.stage.Resolve;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * {@code resolve}: identity graph over clean leaked records, customers and their matches; writes
 * the person tables (Delta, restricted) and the overlap reports ({@link Resolve}).
 */
@Command(
    name = "resolve",
    mixinStandardHelpOptions = true,
    description = "Deduplicate persons across incidents and customers; overlap reports.")
public final class ResolveCommand implements Callable<Integer> {
  @Mixin JobOptions options;

  @Mixin ModelOptions model;

  @Override
  public Integer call() {
    return options.runJob(new Resolve(model.file, model.retrain));
  }
}
