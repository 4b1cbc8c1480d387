package fr.breachimpact.sniff;

import fr.breachimpact.config.FileSpec;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Everything sniff proposes for one file, with its evidence.
 *
 * @param path the file's path relative to the manifest's folder
 * @param prefixBytes decompressed bytes sampled
 * @param wholeFile the sample is the whole file
 */
public record FileProposal(
    String path,
    long prefixBytes,
    boolean wholeFile,
    boolean gzip,
    EncodingGuess encoding,
    Layout layout,
    List<ColumnProposal> columns,
    IngestPreview preview) {

  public FileProposal {
    columns = List.copyOf(columns);
  }

  /** The manifest's entry for this file. */
  public FileSpec spec() {
    Map<String, String> mapping = new LinkedHashMap<>();
    Map<String, String> categories = new LinkedHashMap<>();
    for (ColumnProposal c : columns) {
      if (c.field() != null) {
        mapping.put(c.column(), c.field().columnName());
      } else if (c.category() != null) {
        categories.put(c.column(), c.category().name());
      }
    }
    return new FileSpec(path, layout.format(), layout.delimiter(), layout.header(),
        layout.header() || layout.jsonLines() ? List.of() : layout.columns(), layout.quote(), encoding.encoding(),
        gzip ? "gzip" : "none", mapping, categories, null);
  }
}
