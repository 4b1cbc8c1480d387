package fr.breachimpact.sniff;

import fr.breachimpact.ingest.CsvLineSplitter;
import fr.breachimpact.ingest.IngestPlanner;
import fr.breachimpact.ingest.InputException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Format, delimiter, quote and header from many lines, not the first alone: the delimiter is the
 * candidate that splits the most lines into the same number of fields (a stray comma in a semicolon
 * file moves one line, not the verdict).
 */
public final class LayoutSniffer {
  private static final char[] DELIMITERS = {',', ';', '\t', '|'};
  private static final int SAMPLE_LINES = 2_000;

  /** A header cell: a short name, no '@', not a number, not a date. */
  private static final Pattern NAME_CELL =
      Pattern.compile("[\\p{L}_#][\\p{L}\\p{N} _.\\-#'()/]{0,59}");

  public Layout sniff(String file, List<String> lines) {
    if (lines.isEmpty()) {
      throw new InputException(file + ": no decodable line in the sampled prefix");
    }
    List<String> sample = lines.subList(0, Math.min(SAMPLE_LINES, lines.size()));
    long objects = sample.stream().filter(l -> l.strip().startsWith("{")).count();
    if (sample.get(0).strip().startsWith("{") && objects * 2 > sample.size()) {
      return new Layout(
          "jsonl",
          ",",
          "\"",
          true,
          List.of(),
          List.of(
              String.format(
                  "format: JSON lines, %,d of %,d sampled lines open an object",
                  objects, sample.size())));
    }
    List<String> evidence = new ArrayList<>();
    char best = ',';
    int bestFields = 1;
    double bestShare = -1;
    for (char d : DELIMITERS) {
      Map<Integer, Integer> counts = new HashMap<>();
      for (String line : sample) {
        List<String> fields = new CsvLineSplitter(d, "\"").split(line);
        counts.merge(fields == null ? -1 : fields.size(), 1, Integer::sum);
      }
      int modal =
          counts.entrySet().stream()
              .filter(e -> e.getKey() > 1)
              .max(
                  Map.Entry.<Integer, Integer>comparingByValue()
                      .thenComparing(Map.Entry.comparingByKey()))
              .map(Map.Entry::getKey)
              .orElse(1);
      double share = modal == 1 ? 0 : counts.get(modal) / (double) sample.size();
      if (share > bestShare + 1e-9 || (Math.abs(share - bestShare) < 1e-9 && modal > bestFields)) {
        best = d;
        bestFields = modal;
        bestShare = share;
      }
    }
    String delimiter = best == '\t' ? "\\t" : String.valueOf(best);
    evidence.add(
        bestFields == 1
            ? "delimiter: no candidate splits the lines, one column (',' written)"
            : String.format(
                "delimiter '%s': %,d of %,d sampled lines split into %d fields (%.1f %%)",
                delimiter,
                Math.round(bestShare * sample.size()),
                sample.size(),
                bestFields,
                100 * bestShare));
    String quote = quote(sample, best, evidence);
    CsvLineSplitter splitter = new CsvLineSplitter(best, quote);
    List<String> first = splitter.split(sample.get(0));
    boolean header =
        first != null && isHeader(first, sample.size() > 1 ? splitter.split(sample.get(1)) : null);
    evidence.add(
        header
            ? String.format(
                "header: the first line's %d cells are all names, none a value", first.size())
            : "header: none, the first line holds values (columns named column_1..)");
    List<String> columns = new ArrayList<>();
    if (header) {
      columns.addAll(unique(first));
    } else {
      for (int i = 1; i <= bestFields; i++) {
        columns.add("column_" + i);
      }
    }
    return new Layout("csv", delimiter, quote, header, columns, evidence);
  }

  private static String quote(List<String> sample, char d, List<String> evidence) {
    long doubleQuoted = 0, singleQuoted = 0;
    for (String line : sample) {
      doubleQuoted += line.startsWith("\"") || line.contains(d + "\"") ? 1 : 0;
      singleQuoted += line.startsWith("'") || line.contains(d + "'") ? 1 : 0;
    }
    if (singleQuoted > 0 && doubleQuoted == 0 && singleQuoted * 2 > sample.size()) {
      evidence.add(
          String.format(
              "quote \"'\": %,d of %,d lines open a field with it", singleQuoted, sample.size()));
      return "'";
    }
    evidence.add(
        String.format(
            "quote '\"': %,d of %,d lines open a field with it", doubleQuoted, sample.size()));
    return "\"";
  }

  /**
   * A header: every cell a short name, none a typed value, at least half of them names sniff knows,
   * and not the same cells as the next line. Requiring known names keeps a first row of names
   * ("Dupont,Jean,Paris") from being taken for a header and printed as column names.
   */
  static boolean isHeader(List<String> cells, List<String> next) {
    if (cells.stream().anyMatch(String::isBlank)) {
      return false;
    }
    long known =
        cells.stream()
            .filter(c -> NameMatcher.field(c).isPresent() || NameMatcher.category(c).isPresent())
            .count();
    if (known * 2 < cells.size()) {
      return false;
    }
    for (String c : cells) {
      String s = c.strip();
      if (!NAME_CELL.matcher(s).matches() || ValueChecks.isTypedValue(s)) {
        return false;
      }
    }
    return next == null || !cells.equals(next);
  }

  /** Repeated names suffixed #2, #3 as ingestion names them, so that mappings match its header. */
  static List<String> unique(List<String> names) {
    return IngestPlanner.uniqueNames(names);
  }
}
