package fr.breachimpact.report;

import fr.breachimpact.config.Circumstances;
import fr.breachimpact.config.ConfigException;
import java.util.Locale;
import java.util.Map;

/**
 * ENISA CB, the circumstances of the breach: loss of confidentiality (none 0, limited 0.25,
 * severe, published or sold 0.5), of integrity and of availability (none 0, limited 0.25,
 * severe 0.5), plus 0.5 for malicious intent.
 */
public final class CircumstancesScore {
  private static final Map<String, Double> CONFIDENTIALITY =
      Map.of("none", 0.0, "limited", 0.25, "severe", 0.5, "published", 0.5, "sold", 0.5);
  private static final Map<String, Double> LOSS = Map.of("none", 0.0, "limited", 0.25, "severe", 0.5);

  private CircumstancesScore() {}

  public record Score(double cb, String factors) {}

  /**
   * @param source the manifest path, for the error line when a level is unknown
   */
  public static Score score(Circumstances c, String source) {
    double conf = level(CONFIDENTIALITY, c.confidentiality(), source, "circumstances.confidentiality");
    double integ = level(LOSS, c.integrity(), source, "circumstances.integrity");
    double avail = level(LOSS, c.availability(), source, "circumstances.availability");
    double malicious = Boolean.TRUE.equals(c.malicious()) ? 0.5 : 0.0;
    String factors =
        "confidentiality " + norm(c.confidentiality()) + " " + conf
            + "; integrity " + norm(c.integrity()) + " " + integ
            + "; availability " + norm(c.availability()) + " " + avail
            + "; malicious " + (malicious > 0 ? "yes 0.5" : "no 0.0");
    return new Score(conf + integ + avail + malicious, factors);
  }

  private static double level(Map<String, Double> table, String value, String source, String field) {
    Double v = table.get(norm(value));
    if (v == null) {
      throw ConfigException.at(
          source, field, "unknown level '" + value + "' (expected one of " + new java.util.TreeSet<>(table.keySet()) + ")");
    }
    return v;
  }

  private static String norm(String value) {
    return value == null ? "none" : value.trim().toLowerCase(Locale.ROOT);
  }
}
