package fr.breachimpact.normalize;

import java.text.Normalizer;

/**
 * Folding of free text into comparison keys: NFC for display, and for keys NFD with the combining
 * marks stripped, lower case, ligatures spelled out, every other character (hyphens, apostrophes,
 * dots, commas, letters outside Latin) a separator, separators collapsed. Keys are made of {@code
 * [a-z0-9 ]} only, so folding a key changes nothing.
 *
 * <p>Hot path of the stage (names, cities, streets, free text on every row): one pass over the
 * characters, no regular expression, and no Unicode normalisation for ASCII input.
 */
public final class TextFolding {
  private TextFolding() {}

  /** NFC, trimmed, runs of white space (including no-break spaces) as one space; null if blank. */
  public static String display(String raw) {
    if (raw == null) {
      return null;
    }
    String nfc =
        Normalizer.isNormalized(raw, Normalizer.Form.NFC)
            ? raw
            : Normalizer.normalize(raw, Normalizer.Form.NFC);
    StringBuilder sb = new StringBuilder(nfc.length());
    boolean pendingSpace = false;
    for (int i = 0; i < nfc.length(); i++) {
      char c = nfc.charAt(i);
      if (Character.isWhitespace(c) || Character.isSpaceChar(c)) {
        pendingSpace = sb.length() > 0;
      } else {
        if (pendingSpace) {
          sb.append(' ');
          pendingSpace = false;
        }
        sb.append(c);
      }
    }
    return sb.length() == 0 ? null : sb.toString();
  }

  /**
   * Lower-case ASCII key: accents folded, œ/æ/ß spelled out, every other character a separator;
   * null when nothing is left.
   */
  public static String fold(String raw) {
    if (raw == null) {
      return null;
    }
    String s = isAscii(raw) ? raw : Normalizer.normalize(spellOut(raw), Normalizer.Form.NFD);
    StringBuilder sb = new StringBuilder(s.length());
    boolean pendingSpace = false;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
        appendKeyChar(sb, c, pendingSpace);
        pendingSpace = false;
      } else if (c >= 'A' && c <= 'Z') {
        appendKeyChar(sb, (char) (c + ('a' - 'A')), pendingSpace);
        pendingSpace = false;
      } else if (!isMark(c)) {
        pendingSpace = true; // a mark belongs to the letter before it: no separator
      }
    }
    return sb.length() == 0 ? null : sb.toString();
  }

  private static void appendKeyChar(StringBuilder sb, char c, boolean pendingSpace) {
    if (pendingSpace && sb.length() > 0) {
      sb.append(' ');
    }
    sb.append(c);
  }

  private static boolean isMark(char c) {
    int type = Character.getType(c);
    return type == Character.NON_SPACING_MARK
        || type == Character.ENCLOSING_MARK
        || type == Character.COMBINING_SPACING_MARK;
  }

  private static boolean isAscii(String s) {
    for (int i = 0; i < s.length(); i++) {
      if (s.charAt(i) >= 0x80) {
        return false;
      }
    }
    return true;
  }

  /** Letters that NFD does not decompose. */
  private static String spellOut(String s) {
    StringBuilder sb = new StringBuilder(s.length() + 4);
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case 'œ' -> sb.append("oe");
        case 'Œ' -> sb.append("OE");
        case 'æ' -> sb.append("ae");
        case 'Æ' -> sb.append("AE");
        case 'ß' -> sb.append("ss");
        case 'ø' -> sb.append('o');
        case 'Ø' -> sb.append('O');
        case 'ł' -> sb.append('l');
        case 'Ł' -> sb.append('L');
        case 'đ' -> sb.append('d');
        case 'Đ' -> sb.append('D');
        default -> sb.append(c);
      }
    }
    return sb.toString();
  }
}
