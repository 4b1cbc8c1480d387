package fr.breachimpact.generate;

/** Formats CSV lines the way the leaked and ground-truth files need them. */
final class CsvText {
  private CsvText() {}

  /**
   * @param quote the quote character, or 0 for a format without quoting
   * @param always quote every field, not only those that need it
   */
  static String line(String[] values, char delimiter, char quote, boolean always) {
    StringBuilder b = new StringBuilder(128);
    for (int i = 0; i < values.length; i++) {
      if (i > 0) {
        b.append(delimiter);
      }
      String v = values[i] == null ? "" : values[i];
      if (quote == 0) {
        b.append(v.replace(delimiter, ' '));
      } else if (always || v.indexOf(delimiter) >= 0 || v.indexOf(quote) >= 0) {
        String q = String.valueOf(quote);
        b.append(quote).append(v.replace(q, q + q)).append(quote);
      } else {
        b.append(v);
      }
    }
    return b.toString();
  }

  /** Comma-separated, RFC 4180 quoting where needed: the ground-truth files. */
  static String line(String... values) {
    return line(values, ',', '"', false);
  }
}
