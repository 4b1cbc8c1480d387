package fr.breachimpact.sniff;

import fr.breachimpact.classify.Category;
import fr.breachimpact.classify.HibpDataClasses;
import fr.breachimpact.config.FileSpec;
import fr.breachimpact.ingest.CanonicalField;
import fr.breachimpact.ingest.InputException;
import java.nio.charset.Charset;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * One row of the agreement table: a file's proposal against its declared layout. Columns are
 * compared by name (by position for a CSV without header); a column agrees when both map it onto
 * the same field or both leave it unmapped.
 */
record SniffAgreement(
    String source,
    String file,
    String refusal,
    boolean encoding,
    boolean delimiter,
    boolean header,
    boolean format,
    int columns,
    int columnsAgreeing,
    int crossCategory,
    List<String> disagreements) {

  static SniffAgreement of(
      String source, String file, Path path, FileSpec declared, List<String> declaredColumns) {
    FileProposal p;
    try {
      p = new Sniffer(PrefixReader.defaults()).sniff(path, file);
    } catch (InputException e) {
      String why = e.getMessage().substring(e.getMessage().indexOf(": ") + 2);
      return new SniffAgreement(
          source,
          file,
          why.replaceAll(" \\(.*", ""),
          false,
          false,
          false,
          false,
          0,
          0,
          0,
          List.of());
    }
    FileSpec proposed = p.spec();
    boolean json = declared.isJsonLines();
    boolean encoding =
        Charset.forName(declared.encoding()).equals(Charset.forName(proposed.encoding()));
    boolean format = declared.format().equals(proposed.format());
    boolean delimiter =
        json ? format : delimiterChar(declared.delimiter()) == delimiterChar(proposed.delimiter());
    boolean header = json ? format : declared.header().equals(proposed.header());
    List<String> declaredNames =
        json ? new ArrayList<>(new LinkedHashSet<>(declared.mapping().keySet())) : declaredColumns;
    List<String> proposedNames = p.columns().stream().map(ColumnProposal::column).toList();
    Set<String> names = new LinkedHashSet<>(declaredNames);
    if (json) {
      names.addAll(proposedNames);
    }
    int agreeing = 0, cross = 0, i = 0;
    List<String> disagreements = new ArrayList<>();
    for (String name : names) {
      // Without a header, sniff names the columns column_1..: the declared names go by position.
      String proposedName =
          !json && !declared.header() && !proposed.header() ? "column_" + (i + 1) : name;
      i++;
      CanonicalField want =
          CanonicalField.fromColumnName(declared.mapping().getOrDefault(name, "")).orElse(null);
      CanonicalField got =
          p.columns().stream()
              .filter(c -> c.column().equals(proposedName))
              .findFirst()
              .map(ColumnProposal::field)
              .orElse(null);
      if (want == got) {
        agreeing++;
        continue;
      }
      disagreements.add(
          name
              + ": "
              + (want == null ? "-" : want.columnName())
              + " proposed "
              + (got == null ? "-" : got.columnName()));
      if (got != null
          && !Objects.equals(got.category().orElse(null), declaredCategory(declared, name, want))) {
        cross++;
      }
    }
    return new SniffAgreement(
        source,
        file,
        null,
        encoding,
        delimiter,
        header,
        format,
        names.size(),
        agreeing,
        cross,
        disagreements);
  }

  private static Category declaredCategory(FileSpec declared, String column, CanonicalField want) {
    if (want != null) {
      return want.category().orElse(null);
    }
    String c = declared.categories().get(column);
    return c == null ? null : HibpDataClasses.resolve(c).orElse(null);
  }

  private static char delimiterChar(String d) {
    return d.equals("\\t") || d.equals("tab") ? '\t' : d.charAt(0);
  }

  boolean layoutAgrees() {
    return refusal == null && encoding && delimiter && header && format;
  }

  String markdown() {
    if (refusal != null) {
      return String.format("| %s | %s | refused, exit 3: %s | | | | | |", source, file, refusal);
    }
    return String.format(
        Locale.ROOT,
        "| %s | %s | %s | %s | %s | %s | %d / %d | %d |",
        source,
        file,
        yes(encoding),
        yes(delimiter),
        yes(header),
        yes(format),
        columnsAgreeing,
        columns,
        crossCategory);
  }

  private static String yes(boolean b) {
    return b ? "yes" : "**no**";
  }
}
