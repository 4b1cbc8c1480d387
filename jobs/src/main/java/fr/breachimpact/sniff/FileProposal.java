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
    return spec(path, layout, encoding.encoding(), gzip, mapping, categories);
  }

  /** A manifest file entry for this layout (multi-line records off: the manifests' default). */
  static FileSpec spec(
      String path,
      Layout layout,
      String encoding,
      boolean gzip,
      Map<String, String> mapping,
      Map<String, String> categories) {
    return new FileSpec(
        path,
        layout.format(),
        layout.delimiter(),
        layout.header(),
        layout.header() || layout.jsonLines() ? List.of() : layout.columns(),
        layout.quote(),
        encoding,
        gzip ? "gzip" : "none",
        mapping,
        categories);
  }
}
