package fr.breachimpact.report;

import fr.breachimpact.config.Circumstances;
import fr.breachimpact.config.ConfigException;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;

/**
 * ENISA CB, the circumstances of the breach: loss of confidentiality (none 0, limited 0.25, severe,
 * published or sold 0.5), of integrity (none 0, limited 0.25, severe 0.5) and of availability (none
 * 0, temporary 0.25, permanent 0.5), plus 0.5 for malicious intent. The scales are {@link
 * Circumstances}'s, which refuses other levels when the manifest is read.
 */
public final class CircumstancesScore {

  private CircumstancesScore() {}

  public record Score(double cb, String factors) {}

  /**
   * @param source the manifest path, for the error line when a level is unknown
   */
  public static Score score(Circumstances c, String source) {
    double conf =
        level(
            Circumstances.CONFIDENTIALITY,
            c.confidentiality(),
            source,
            "circumstances.confidentiality");
    double integ = level(Circumstances.INTEGRITY, c.integrity(), source, "circumstances.integrity");
    double avail =
        level(Circumstances.AVAILABILITY, c.availability(), source, "circumstances.availability");
    double malicious = Boolean.TRUE.equals(c.malicious()) ? 0.5 : 0.0;
    String factors =
        "confidentiality "
            + norm(c.confidentiality())
            + " "
            + conf
            + "; integrity "
            + norm(c.integrity())
            + " "
            + integ
            + "; availability "
            + norm(c.availability())
            + " "
            + avail
            + "; malicious "
            + (malicious > 0 ? "yes 0.5" : "no 0.0");
    return new Score(conf + integ + avail + malicious, factors);
  }

  private static double level(
      Map<String, Double> table, String value, String source, String field) {
    Double v = table.get(norm(value));
    if (v == null) {
      throw ConfigException.at(
          source,
          field,
          "unknown level '" + value + "' (expected one of " + new TreeSet<>(table.keySet()) + ")");
    }
    return v;
  }

  private static String norm(String value) {
    return value == null ? "none" : value.trim().toLowerCase(Locale.ROOT);
  }
}
