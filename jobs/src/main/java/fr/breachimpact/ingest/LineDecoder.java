package fr.breachimpact.ingest;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Decodes one physical line in the file's declared encoding. Bytes that are not valid in that
 * encoding make the line invalid; its text is still kept (with replacement characters) for the
 * quarantine. A UTF-8 byte-order mark at the start of the file is dropped.
 */
public final class LineDecoder {
  /** A decoded line, or the lenient text of a line that did not decode. */
  public record Decoded(String text, boolean valid) {}

  private final CharsetDecoder strict;
  private final CharsetDecoder lenient;
  private final boolean utf8;

  public LineDecoder(Charset charset) {
    this.strict =
        charset
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    this.lenient =
        charset
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPLACE)
            .onUnmappableCharacter(CodingErrorAction.REPLACE);
    this.utf8 = charset.equals(StandardCharsets.UTF_8);
  }

  public Decoded decode(byte[] bytes, boolean firstLine) {
    int offset = 0;
    if (firstLine
        && utf8
        && bytes.length >= 3
        && (bytes[0] & 0xFF) == 0xEF
        && (bytes[1] & 0xFF) == 0xBB
        && (bytes[2] & 0xFF) == 0xBF) {
      offset = 3;
    }
    ByteBuffer in = ByteBuffer.wrap(bytes, offset, bytes.length - offset);
    try {
      CharBuffer out = strict.reset().decode(in);
      return new Decoded(out.toString(), true);
    } catch (CharacterCodingException e) {
      in.rewind();
      in.position(offset);
      try {
        return new Decoded(lenient.reset().decode(in).toString(), false);
      } catch (CharacterCodingException impossible) {
        return new Decoded("", false);
      }
    }
  }
}
