package fr.breachimpact.ingest;

import java.util.Map;

/**
 * What became of one row of a leaked file: accepted with its canonical values, or quarantined with
 * its reason.
 *
 * @param values canonical values indexed by {@link CanonicalField#ordinal()}, null if quarantined
 * @param extra unmapped source columns with a value
 * @param extraCategories categories the manifest declares for some of those columns
 * @param rawText the row's text, kept for the quarantine
 */
public record RowOutcome(
    long lineNumber,
    String[] values,
    Map<String, String> extra,
    Map<String, String> extraCategories,
    String rawText,
    QuarantineReason reason,
    String detail) {

  public static RowOutcome accepted(
      long line, String[] values, Map<String, String> extra, Map<String, String> categories) {
    return new RowOutcome(line, values, extra, categories, null, null, null);
  }

  public static RowOutcome quarantined(
      long line, String rawText, QuarantineReason reason, String detail) {
    return new RowOutcome(line, null, null, null, rawText, reason, detail);
  }

  public boolean isAccepted() {
    return reason == null;
  }
}
