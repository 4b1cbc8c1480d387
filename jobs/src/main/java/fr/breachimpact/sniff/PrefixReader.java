package fr.breachimpact.sniff;

import fr.breachimpact.ingest.InputException;
import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/**
 * Reads at most {@code maxBytes} or {@code maxLines} lines of a file, gunzipped when its first
 * bytes are the gzip magic number: sniffing a 10 GB dump must take seconds, not the whole read.
 */
public final class PrefixReader {
  public static final int DEFAULT_MAX_BYTES = 10 * 1024 * 1024;
  public static final int DEFAULT_MAX_LINES = 100_000;

  private final int maxBytes;
  private final int maxLines;

  public PrefixReader(int maxBytes, int maxLines) {
    this.maxBytes = maxBytes;
    this.maxLines = maxLines;
  }

  public static PrefixReader defaults() {
    return new PrefixReader(DEFAULT_MAX_BYTES, DEFAULT_MAX_LINES);
  }

  public Prefix read(Path file) {
    if (!Files.isRegularFile(file)) {
      throw new InputException(file + ": not a readable file");
    }
    try (InputStream raw = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
      raw.mark(2);
      boolean gzip = raw.read() == 0x1f && raw.read() == 0x8b;
      raw.reset();
      InputStream in = raw;
      if (gzip) {
        try {
          in = new GZIPInputStream(raw, 1 << 16);
        } catch (IOException e) {
          throw new InputException(file + ": gzip header unreadable");
        }
      }
      return readBounded(in, gzip);
    } catch (IOException e) {
      throw new InputException(file + ": unreadable (" + e.getClass().getSimpleName() + ")");
    }
  }

  private Prefix readBounded(InputStream in, boolean gzip) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    byte[] buffer = new byte[1 << 16];
    int lines = 0;
    boolean broken = false;
    boolean limited = false;
    while (!limited) {
      int n;
      try {
        n = in.read(buffer, 0, Math.min(buffer.length, maxBytes - out.size()));
      } catch (EOFException | ZipException e) {
        broken = true;
        break;
      } catch (IOException e) {
        // A cut gzip member reports itself with these messages (as PhysicalLineReader knows).
        if (String.valueOf(e.getMessage()).contains("Unexpected end")
            || String.valueOf(e.getMessage()).contains("Corrupt")) {
          broken = true;
          break;
        }
        throw e;
      }
      if (n < 0) {
        break;
      }
      for (int i = 0; i < n; i++) {
        if (buffer[i] == '\n' && ++lines >= maxLines) {
          out.write(buffer, 0, i + 1);
          limited = true;
          break;
        }
      }
      if (!limited) {
        out.write(buffer, 0, n);
        limited = out.size() >= maxBytes;
      }
    }
    byte[] bytes = out.toByteArray();
    if (limited) {
      bytes = cutAtLastLineEnd(bytes);
    }
    return new Prefix(bytes, gzip, !limited, broken);
  }

  private static byte[] cutAtLastLineEnd(byte[] bytes) {
    for (int i = bytes.length - 1; i >= 0; i--) {
      if (bytes[i] == '\n' || bytes[i] == '\r') {
        return Arrays.copyOf(bytes, i + 1);
      }
    }
    return bytes; // one line longer than the limit: judged as it is
  }
}
