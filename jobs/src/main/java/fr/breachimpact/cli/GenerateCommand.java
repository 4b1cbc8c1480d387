package fr.breachimpact.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** Placeholder: the generator lands with the sample-data work. */
@Command(name = "generate", mixinStandardHelpOptions = true, description = "Generate sample data.")
public final class GenerateCommand implements Callable<Integer> {
  @Override
  public Integer call() {
    throw new UnsupportedOperationException("generate is not built yet");
  }
}
