package fr.breachimpact.cli;

import fr.breachimpact.report.RunSummary;
import fr.breachimpact.stage.Ingest;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** Stage 1: leaked files -> {@code leaked_records}, {@code quarantine}, {@code ingested_files}. */
@Command(
    name = "ingest",
    header = "Read every incident's files into leaked_records and quarantine; no row lost.",
    mixinStandardHelpOptions = true,
    description = {
      "Reads every incident's manifest and files into the Delta tables leaked_records and",
      "quarantine; every row ends in exactly one of them. Writes run_summary (stage=ingest)."
    })
public final class IngestCommand implements Callable<Integer> {
  @Mixin JobOptions options;

  @Override
  public Integer call() {
    return options.runJob(new Ingest(RunSummary.newRunId()));
  }
}
