package fr.breachimpact.resolve;

import fr.breachimpact.config.IncidentManifest;
import java.io.Serializable;
import java.util.List;

/** What a group roll-up needs of an incident's manifest: the brands it touched and its group. */
public record IncidentScope(List<String> brands, String group) implements Serializable {
  public IncidentScope {
    brands = brands == null ? List.of() : List.copyOf(brands);
  }

  public static IncidentScope of(IncidentManifest manifest) {
    return new IncidentScope(manifest.brands(), manifest.group());
  }
}
