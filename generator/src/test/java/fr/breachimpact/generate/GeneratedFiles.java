package fr.breachimpact.generate;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;

/** Reads generated files back for the tests: physical lines as bytes, CSV fields counted. */
final class GeneratedFiles {
  private GeneratedFiles() {}

  /** The physical lines of a file (decompressed if gzipped), without their '\n'. */
  static List<byte[]> lines(Path file, boolean gzip) {
    try (InputStream raw = Files.newInputStream(file);
        InputStream in = gzip ? new GZIPInputStream(raw) : raw) {
      byte[] all = in.readAllBytes();
      List<byte[]> lines = new ArrayList<>();
      ByteArrayOutputStream line = new ByteArrayOutputStream();
      for (byte b : all) {
        if (b == '\n') {
          lines.add(line.toByteArray());
          line.reset();
        } else {
          line.write(b);
        }
      }
      if (line.size() > 0) {
        lines.add(line.toByteArray());
      }
      return lines;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Fields of one CSV line (RFC 4180 quoting when {@code quote} is not 0); -1 when a quoted field
   * is never closed on the line.
   */
  static int fieldCount(String line, char delimiter, char quote) {
    int fields = 1;
    boolean quoted = false;
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (quote != 0 && c == quote) {
        if (quoted && i + 1 < line.length() && line.charAt(i + 1) == quote) {
          i++;
        } else {
          quoted = !quoted;
        }
      } else if (c == delimiter && !quoted) {
        fields++;
      }
    }
    return quoted ? -1 : fields;
  }
}
