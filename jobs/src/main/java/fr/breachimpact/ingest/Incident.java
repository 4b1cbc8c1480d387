package fr.breachimpact.ingest;

import fr.breachimpact.config.IncidentManifest;
import java.nio.file.Path;

/** A validated incident: its manifest and the folder its files live in. */
public record Incident(Path manifestFile, IncidentManifest manifest) {
  public String id() {
    return manifest.incidentId();
  }

  public Path folder() {
    return manifestFile.getParent();
  }
}
