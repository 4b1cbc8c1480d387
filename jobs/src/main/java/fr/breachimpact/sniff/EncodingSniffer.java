package fr.breachimpact.sniff;

import fr.breachimpact.ingest.InputException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * UTF-8 or a single-byte Western encoding, decided on invalid-byte evidence line by line: a line
 * with bytes above 0x7F is either valid UTF-8 or not. When the valid UTF-8 lines are the majority
 * the few invalid ones are broken rows (ingestion quarantines them); otherwise the file is
 * Windows-1252, or ISO-8859-15 when it has no byte in 0x80-0x9F (C1 controls in ISO-8859, printable
 * in Windows-1252) and the euro sign's 0xA4.
 */
public final class EncodingSniffer {
  static final String UTF_8 = "UTF-8";
  static final String WINDOWS_1252 = "windows-1252";
  static final String ISO_8859_15 = "ISO-8859-15";

  /**
   * Share of control bytes (NUL and C0 other than tab, CR, LF, FF) above which a file is binary.
   */
  private static final double BINARY_CONTROL_SHARE = 0.02;

  public EncodingGuess sniff(String file, Prefix prefix) {
    byte[] b = prefix.bytes();
    if (b.length == 0 || isBlank(b)) {
      throw new InputException(file + ": empty file, nothing to sniff");
    }
    if (b.length >= 2
        && ((b[0] & 0xFF) == 0xFF && (b[1] & 0xFF) == 0xFE
            || (b[0] & 0xFF) == 0xFE && (b[1] & 0xFF) == 0xFF)) {
      throw new InputException(
          file + ": UTF-16 byte-order mark, not supported (convert the file to UTF-8)");
    }
    boolean bom =
        b.length >= 3 && (b[0] & 0xFF) == 0xEF && (b[1] & 0xFF) == 0xBB && (b[2] & 0xFF) == 0xBF;
    long control = 0;
    for (byte x : b) {
      int v = x & 0xFF;
      if (v < 0x20 && v != '\t' && v != '\n' && v != '\r' && v != '\f' || v == 0x7F) {
        control++;
      }
    }
    if (control > BINARY_CONTROL_SHARE * b.length) {
      throw new InputException(
          String.format(
              "%s: binary content (%.1f %% control bytes in the first %,d bytes), not a text file",
              file, 100.0 * control / b.length, b.length));
    }
    long lines = 0, nonAscii = 0, validUtf8 = 0, invalidUtf8 = 0, invalid1252 = 0;
    boolean c1 = false, euroLatin9 = false;
    int start = bom ? 3 : 0;
    for (int i = start; i <= b.length; i++) {
      if (i == b.length || b[i] == '\n' || b[i] == '\r') {
        if (i > start) {
          lines++;
          boolean ascii = true;
          for (int k = start; k < i; k++) {
            int v = b[k] & 0xFF;
            if (v >= 0x80) {
              ascii = false;
              c1 |= v <= 0x9F;
              euroLatin9 |= v == 0xA4;
            }
          }
          if (!ascii) {
            nonAscii++;
            if (decodes(b, start, i - start, StandardCharsets.UTF_8)) {
              validUtf8++;
            } else {
              invalidUtf8++;
              if (!decodes(b, start, i - start, Charset.forName(WINDOWS_1252))) {
                invalid1252++;
              }
            }
          }
        }
        start = i + 1;
      }
    }
    String counts =
        String.format(
            "%,d lines sampled, %,d with non-ASCII bytes: %,d valid UTF-8, %,d invalid UTF-8",
            lines, nonAscii, validUtf8, invalidUtf8);
    if (bom) {
      return new EncodingGuess(UTF_8, true, "UTF-8 byte-order mark; " + counts);
    }
    if (invalidUtf8 == 0) {
      return new EncodingGuess(UTF_8, false, counts + (nonAscii == 0 ? " (plain ASCII)" : ""));
    }
    if (validUtf8 > invalidUtf8) {
      return new EncodingGuess(UTF_8, false, counts + ": the invalid lines are broken rows");
    }
    if (invalid1252 * 2 > invalidUtf8) {
      throw new InputException(
          String.format(
              "%s: not decodable as UTF-8 nor as Windows-1252 (%,d of %,d lines)",
              file, invalid1252, lines));
    }
    if (!c1 && euroLatin9) {
      return new EncodingGuess(
          ISO_8859_15, false, counts + "; no byte in 0x80-0x9F and the Latin-9 euro sign 0xA4");
    }
    return new EncodingGuess(WINDOWS_1252, false, counts + ": a single-byte Western encoding");
  }

  private static boolean isBlank(byte[] b) {
    for (byte x : b) {
      if (!(x == ' ' || x == '\t' || x == '\n' || x == '\r')) {
        return false;
      }
    }
    return true;
  }

  private static boolean decodes(byte[] b, int offset, int length, Charset charset) {
    try {
      charset
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(b, offset, length));
      return true;
    } catch (CharacterCodingException e) {
      return false;
    }
  }
}
