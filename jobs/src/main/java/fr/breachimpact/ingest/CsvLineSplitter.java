package fr.breachimpact.ingest;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits one CSV record (RFC 4180 within the record: quoted fields, doubled quotes) on a
 * single-character delimiter. A quote that opens and never closes makes the record unbalanced; the
 * caller decides whether to join the next physical line (a quoted line break) or quarantine.
 */
public final class CsvLineSplitter {
  private final char delimiter;
  private final char quote;
  private final boolean quoting;

  public CsvLineSplitter(char delimiter, String quote) {
    this.delimiter = delimiter;
    this.quoting = quote != null && !quote.isEmpty();
    this.quote = quoting ? quote.charAt(0) : 0;
  }

  /** The fields, or null when a quoted field is still open at the end of {@code record}. */
  public List<String> split(String record) {
    List<String> fields = new ArrayList<>();
    StringBuilder field = new StringBuilder();
    boolean inQuotes = false;
    boolean fieldWasQuoted = false;
    int n = record.length();
    for (int i = 0; i < n; i++) {
      char c = record.charAt(i);
      if (inQuotes) {
        if (c == quote) {
          if (i + 1 < n && record.charAt(i + 1) == quote) {
            field.append(quote);
            i++;
          } else {
            inQuotes = false;
          }
        } else {
          field.append(c);
        }
      } else if (c == delimiter) {
        fields.add(fieldWasQuoted ? field.toString() : field.toString().trim());
        field.setLength(0);
        fieldWasQuoted = false;
      } else if (quoting && c == quote && field.toString().isBlank()) {
        field.setLength(0);
        inQuotes = true;
        fieldWasQuoted = true;
      } else {
        // A quote inside an unquoted field is kept as text (lenient, as most exporters write).
        field.append(c);
      }
    }
    if (inQuotes) {
      return null;
    }
    fields.add(fieldWasQuoted ? field.toString() : field.toString().trim());
    return fields;
  }
}
