package fr.breachimpact.cli;

import fr.breachimpact.stage.Classify;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * Stage 2: {@code leaked_records} -> normalise -> classify -> {@code leaked_records_clean} ({@link
 * Classify}).
 */
@Command(
    name = "classify",
    mixinStandardHelpOptions = true,
    description = "Normalise identifiers and classify data categories (leaked_records_clean).")
public final class ClassifyCommand implements Callable<Integer> {
  @Mixin JobOptions options;

  @Override
  public Integer call() {
    return options.runJob(new Classify());
  }
}
