package fr.breachimpact.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** Placeholder: ingestion lands with the foundation work. */
@Command(name = "ingest", mixinStandardHelpOptions = true, description = "Ingest leaked files.")
public final class IngestCommand implements Callable<Integer> {
  @Mixin JobOptions options;

  @Override
  public Integer call() {
    throw new UnsupportedOperationException("ingest is not built yet");
  }
}
