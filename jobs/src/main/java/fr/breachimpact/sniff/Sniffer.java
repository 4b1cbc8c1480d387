package fr.breachimpact.sniff;

import fr.breachimpact.config.FileSpec;
import fr.breachimpact.ingest.InputException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** One file -> its proposal: prefix, encoding, layout, ingestion preview, column mapping. */
public final class Sniffer {
  private final PrefixReader prefixes;

  public Sniffer(PrefixReader prefixes) {
    this.prefixes = prefixes;
  }

  public FileProposal sniff(Path file, String relativePath) {
    String name = file.toString();
    Prefix prefix = prefixes.read(file);
    EncodingGuess encoding = new EncodingSniffer().sniff(name, prefix);
    List<String> lines = TextLines.decode(prefix, encoding.encoding());
    if (lines.isEmpty()) {
      throw new InputException(name + ": no line decodes as " + encoding.encoding());
    }
    Layout layout = new LayoutSniffer().sniff(name, lines);
    FileSpec bare =
        FileProposal.spec(
            relativePath, layout, encoding.encoding(), prefix.gzip(), Map.of(), Map.of());
    IngestPreview preview =
        IngestPreview.of(prefix, bare, layout.jsonLines() ? List.of() : layout.columns());
    Map<String, ContentProfile> profiles = new LinkedHashMap<>();
    preview.values().forEach((column, values) -> profiles.put(column, ContentProfile.of(values)));
    List<ColumnProposal> columns = new ColumnMapper().map(profiles);
    return new FileProposal(
        relativePath,
        prefix.bytes().length,
        prefix.complete(),
        prefix.gzip(),
        encoding,
        layout,
        columns,
        preview);
  }
}
