package fr.breachimpact.ingest;

import fr.breachimpact.config.IncidentManifest;
import org.apache.hadoop.fs.Path;

/**
 * A validated incident: its manifest and the folder its files live in.
 *
 * @param manifestFile where the manifest is, as error lines show it: a plain path for a local file,
 *     else its URI ({@link InputFiles#shown})
 */
public record Incident(String manifestFile, IncidentManifest manifest) {
  public String id() {
    return manifest.incidentId();
  }

  /** The manifest as a Hadoop path. */
  public Path manifestPath() {
    return InputFiles.path(manifestFile);
  }

  public Path folder() {
    return manifestPath().getParent();
  }
}
