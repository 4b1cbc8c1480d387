package fr.breachimpact.config;

import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;

/**
 * Circumstances of the breach for the ENISA CB factor, on ENISA's scales (points in brackets):
 * confidentiality {@code none} (0), {@code limited} (0.25: known recipients), {@code severe},
 * {@code published} or {@code sold} (0.5: unknown recipients); integrity {@code none}, {@code
 * limited} (0.25: altered, recoverable) or {@code severe} (0.5: not recoverable); availability
 * {@code none}, {@code temporary} (0.25) or {@code permanent} (0.5: the data cannot be recovered).
 * A level outside its scale is refused when the manifest is read.
 *
 * @param malicious the breach was intentional and ill-meant (+0.5)
 */
public record Circumstances(
    String confidentiality, String integrity, String availability, Boolean malicious) {

  public static final Map<String, Double> CONFIDENTIALITY =
      Map.of("none", 0.0, "limited", 0.25, "severe", 0.5, "published", 0.5, "sold", 0.5);
  public static final Map<String, Double> INTEGRITY =
      Map.of("none", 0.0, "limited", 0.25, "severe", 0.5);
  public static final Map<String, Double> AVAILABILITY =
      Map.of("none", 0.0, "temporary", 0.25, "permanent", 0.5);

  public Circumstances {
    confidentiality = level(CONFIDENTIALITY, "confidentiality", confidentiality);
    integrity = level(INTEGRITY, "integrity", integrity);
    availability = level(AVAILABILITY, "availability", availability);
    malicious = malicious == null ? Boolean.FALSE : malicious;
  }

  public static Circumstances none() {
    return new Circumstances(null, null, null, null);
  }

  private static String level(Map<String, Double> scale, String field, String value) {
    String v = value == null ? "none" : value.trim().toLowerCase(Locale.ROOT);
    if (!scale.containsKey(v)) {
      throw new InvalidField(
          field,
          "unknown level '" + value + "' (expected one of " + new TreeSet<>(scale.keySet()) + ")");
    }
    return v;
  }
}
