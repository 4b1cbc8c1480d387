package fr.breachimpact.ingest;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.zip.ZipException;

/**
 * Splits a byte stream into physical lines on LF, CRLF or a lone CR, counting them, at byte level
 * so that each line can be decoded (and its encoding checked) on its own.
 *
 * <p>A line longer than {@code maxBytes} is cut there, flagged, and the rest of it skipped, so a 20
 * MB line (or a binary file with no line end) never sits whole in memory. A stream that breaks
 * mid-way (a gzip file cut in the middle) ends the iteration: the partial line read so far is
 * returned flagged {@code truncatedFile}, and {@link #streamBroken()} says so.
 */
public final class PhysicalLineReader implements Iterator<PhysicalLine> {
  private static final int BUFFER = 1 << 16;

  private final InputStream in;
  private final int maxBytes;
  private final byte[] buffer = new byte[BUFFER];
  private int pos;
  private int limit;
  private boolean eof;
  private boolean broken;
  private long lineNumber;
  private PhysicalLine next;
  private boolean pendingCr;

  public PhysicalLineReader(InputStream in, int maxBytes) {
    this.in = in;
    this.maxBytes = maxBytes;
  }

  public boolean streamBroken() {
    return broken;
  }

  @Override
  public boolean hasNext() {
    if (next == null) {
      next = readLine();
    }
    return next != null;
  }

  @Override
  public PhysicalLine next() {
    if (!hasNext()) {
      throw new NoSuchElementException();
    }
    PhysicalLine line = next;
    next = null;
    return line;
  }

  private boolean fill() {
    if (eof) {
      return false;
    }
    try {
      int n = in.read(buffer, 0, BUFFER);
      if (n < 0) {
        eof = true;
        return false;
      }
      pos = 0;
      limit = n;
      return true;
    } catch (EOFException | ZipException e) {
      eof = true;
      broken = true;
      return false;
    } catch (IOException e) {
      if (isCorruptStream(e)) {
        eof = true;
        broken = true;
        return false;
      }
      throw new UncheckedIOException(e);
    }
  }

  private static boolean isCorruptStream(IOException e) {
    String m = String.valueOf(e.getMessage());
    return m.contains("Unexpected end") || m.contains("Corrupt GZIP") || m.contains("invalid");
  }

  private PhysicalLine readLine() {
    byte[] line = new byte[128];
    int len = 0;
    boolean tooLong = false;
    boolean sawAny = false;
    while (true) {
      if (pos >= limit && !fill()) {
        if (!sawAny) {
          return null;
        }
        lineNumber++;
        return new PhysicalLine(lineNumber, Arrays.copyOf(line, len), tooLong, broken);
      }
      byte b = buffer[pos++];
      if (pendingCr) {
        pendingCr = false;
        if (b == '\n') {
          continue; // the LF of a CRLF
        }
      }
      if (b == '\n' || b == '\r') {
        pendingCr = b == '\r';
        lineNumber++;
        return new PhysicalLine(lineNumber, Arrays.copyOf(line, len), tooLong, false);
      }
      sawAny = true;
      if (len < maxBytes) {
        if (len == line.length) {
          line = Arrays.copyOf(line, Math.min(maxBytes, line.length * 2));
        }
        line[len++] = b;
      } else {
        tooLong = true;
      }
    }
  }
}
