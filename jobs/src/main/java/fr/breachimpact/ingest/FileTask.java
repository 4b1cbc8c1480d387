package fr.breachimpact.ingest;

import fr.breachimpact.config.FileSpec;
import java.io.Serializable;
import java.util.List;

/**
 * One leaked file to ingest, as the driver validated it: shipped to the executor that reads it.
 *
 * @param sourceFile path relative to the incident folder, as the manifest gives it
 * @param location absolute path or URI the executor opens through Hadoop's file systems
 * @param header the column names (from the header line or the manifest's {@code columns})
 * @param duplicateOf source file (incident/path) of an earlier byte-identical file, or null
 */
public record FileTask(
    String incidentId,
    String sourceFile,
    String location,
    String sha256,
    long bytes,
    FileSpec spec,
    List<String> header,
    String duplicateOf)
    implements Serializable {

  public FileTask {
    header = List.copyOf(header);
  }
}
