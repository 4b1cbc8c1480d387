package fr.breachimpact.sniff;

import java.util.List;

/**
 * The physical layout proposed for a file.
 *
 * @param format {@code csv} or {@code jsonl}
 * @param delimiter one character, {@code \t} written as in manifests; {@code ,} for JSON lines
 * @param quote the quote character, empty for none
 * @param header whether the first line names the columns (true for JSON lines, as manifests
 *     default)
 * @param columns CSV column names (from the header, or {@code column_1}.. when there is none);
 *     empty for JSON lines
 * @param evidence one line per decision, counts only
 */
public record Layout(
    String format,
    String delimiter,
    String quote,
    boolean header,
    List<String> columns,
    List<String> evidence) {
  public Layout {
    columns = List.copyOf(columns);
    evidence = List.copyOf(evidence);
  }

  public boolean jsonLines() {
    return "jsonl".equals(format);
  }
}
