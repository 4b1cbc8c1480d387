package fr.breachimpact.notebooks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * One named query of {@code notebooks/queries/<name>.sql}. Its header comment says what it answers,
 * then which report columns it reads and which columns it returns:
 *
 * <pre>
 * -- what the query answers
 * -- uses incident_severity: report_date, incident_id, se
 * -- returns: incident_id, se
 * </pre>
 *
 * The body reads the reports as views named after them (the runner registers one per report) and
 * ends without a semicolon.
 */
record QueryFile(String name, String text, Map<String, List<String>> uses, List<String> returns) {
  private static final Pattern USES = Pattern.compile("^--\\s*uses\\s+([a-z_]+)\\s*:\\s*(.+)$");
  private static final Pattern RETURNS = Pattern.compile("^--\\s*returns\\s*:\\s*(.+)$");
  private static final Pattern IDENTIFIER = Pattern.compile("\\b[A-Za-z_][A-Za-z0-9_]*\\b");
  private static final Pattern ALIAS = Pattern.compile("(?i)\\bAS\\s+([A-Za-z_][A-Za-z0-9_]*)");
  private static final Pattern CTE =
      Pattern.compile("(?i)\\b([A-Za-z_][A-Za-z0-9_]*)\\s+AS\\s*\\(");

  static Path directory() {
    return Path.of("..", "notebooks", "queries");
  }

  static List<QueryFile> loadAll(Path dir) {
    try (Stream<Path> files = Files.list(dir)) {
      return files
          .filter(f -> f.getFileName().toString().endsWith(".sql"))
          .sorted()
          .map(QueryFile::load)
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list queries in " + dir, e);
    }
  }

  static QueryFile load(Path file) {
    try {
      String name = file.getFileName().toString().replaceFirst("\\.sql$", "");
      return parse(name, Files.readString(file));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read query " + file, e);
    }
  }

  static QueryFile parse(String name, String text) {
    Map<String, List<String>> uses = new LinkedHashMap<>();
    List<String> returns = new ArrayList<>();
    for (String line : text.split("\n")) {
      Matcher u = USES.matcher(line.strip());
      Matcher r = RETURNS.matcher(line.strip());
      if (u.matches()) {
        uses.computeIfAbsent(u.group(1), k -> new ArrayList<>()).addAll(list(u.group(2)));
      } else if (r.matches()) {
        returns.addAll(list(r.group(1)));
      }
    }
    return new QueryFile(name, text, uses, returns);
  }

  private static List<String> list(String commaSeparated) {
    return Arrays.stream(commaSeparated.split(","))
        .map(String::strip)
        .filter(s -> !s.isEmpty())
        .toList();
  }

  /** The statement as both engines take it: no trailing semicolon, no surrounding blanks. */
  String sql() {
    return text.strip();
  }

  /** The text with comments removed and every string literal emptied: only SQL words remain. */
  String code() {
    StringBuilder out = new StringBuilder();
    int i = 0;
    while (i < text.length()) {
      char c = text.charAt(i);
      if (c == '-' && i + 1 < text.length() && text.charAt(i + 1) == '-') {
        while (i < text.length() && text.charAt(i) != '\n') {
          i++;
        }
      } else if (c == '\'') {
        out.append("''");
        i++;
        while (i < text.length()) {
          if (text.charAt(i) == '\'' && i + 1 < text.length() && text.charAt(i + 1) == '\'') {
            i += 2;
          } else if (text.charAt(i) == '\'') {
            i++;
            break;
          } else {
            i++;
          }
        }
      } else {
        out.append(c);
        i++;
      }
    }
    return out.toString();
  }

  /** Every word of the code, as written. */
  Set<String> identifiers() {
    Set<String> words = new LinkedHashSet<>();
    Matcher m = IDENTIFIER.matcher(code());
    while (m.find()) {
      words.add(m.group());
    }
    return words;
  }

  /**
   * Names the query itself defines: column and table aliases ({@code AS x}) and CTE names ({@code x
   * AS (}).
   */
  Set<String> definedNames() {
    Set<String> names = new LinkedHashSet<>();
    String code = code();
    Matcher a = ALIAS.matcher(code);
    while (a.find()) {
      names.add(a.group(1));
    }
    Matcher c = CTE.matcher(code);
    while (c.find()) {
      names.add(c.group(1));
    }
    return names;
  }

  /**
   * Whether an ORDER BY stands outside every parenthesis: the result's row order is the query's.
   */
  boolean ordersItsResult() {
    String code = code().toUpperCase(java.util.Locale.ROOT);
    int depth = 0;
    for (int i = 0; i < code.length(); i++) {
      char c = code.charAt(i);
      if (c == '(') {
        depth++;
      } else if (c == ')') {
        depth--;
      } else if (depth == 0 && code.startsWith("ORDER BY", i)) {
        return true;
      }
    }
    return false;
  }
}
