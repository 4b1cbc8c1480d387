package fr.breachimpact.sniff;

import fr.breachimpact.config.IngestConfig;
import fr.breachimpact.ingest.LineDecoder;
import fr.breachimpact.ingest.PhysicalLine;
import fr.breachimpact.ingest.PhysicalLineReader;
import java.io.ByteArrayInputStream;
import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.List;

/**
 * The non-blank lines of a prefix decoded as ingestion will decode them (same line splitter and
 * decoder); lines invalid in the encoding or cut for length are left out of the sniffing.
 */
public final class TextLines {
  private TextLines() {}

  public static List<String> decode(Prefix prefix, String encoding) {
    PhysicalLineReader reader =
        new PhysicalLineReader(
            new ByteArrayInputStream(prefix.bytes()), IngestConfig.defaults().maxLineChars());
    LineDecoder decoder = new LineDecoder(Charset.forName(encoding));
    List<String> lines = new ArrayList<>();
    boolean first = true;
    while (reader.hasNext()) {
      PhysicalLine line = reader.next();
      LineDecoder.Decoded d = decoder.decode(line.bytes(), first);
      first = false;
      if (d.valid() && !line.tooLong() && !line.truncatedFile() && !d.text().isBlank()) {
        lines.add(d.text());
      }
    }
    return lines;
  }
}
