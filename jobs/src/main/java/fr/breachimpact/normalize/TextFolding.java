package fr.breachimpact.normalize;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Folding of free text into comparison keys: NFC for display, and for keys NFD with the
 * combining marks stripped, lower case, ligatures spelled out, punctuation turned into spaces,
 * spaces collapsed. Keys are made of {@code [a-z0-9 ]} only, so folding a key changes nothing.
 */
public final class TextFolding {
  private static final Pattern MARKS = Pattern.compile("\\p{M}+");
  private static final Pattern NOT_KEY = Pattern.compile("[^a-z0-9]+");
  private static final Pattern SPACES = Pattern.compile("\\s+");

  private TextFolding() {}

  /** NFC, trimmed, runs of white space (including no-break spaces) as one space; null if blank. */
  public static String display(String raw) {
    if (raw == null) {
      return null;
    }
    String nfc = Normalizer.normalize(raw, Normalizer.Form.NFC).replace('\u00A0', ' ').replace('\u202F', ' ');
    String collapsed = SPACES.matcher(nfc).replaceAll(" ").strip();
    return collapsed.isEmpty() ? null : collapsed;
  }

  /**
   * Lower-case ASCII key: accents folded, œ/æ/ß spelled out, every other character (hyphens,
   * apostrophes, dots, commas) a separator; null when nothing is left.
   */
  public static String fold(String raw) {
    if (raw == null) {
      return null;
    }
    // Ligatures and letters that NFD does not decompose.
    String spelled =
        raw.replace("œ", "oe").replace("Œ", "OE").replace("æ", "ae").replace("Æ", "AE")
            .replace("ß", "ss").replace("ø", "o").replace("Ø", "O").replace("ł", "l").replace("Ł", "L")
            .replace("đ", "d").replace("Đ", "D");
    String stripped = MARKS.matcher(Normalizer.normalize(spelled, Normalizer.Form.NFD)).replaceAll("");
    String lower = stripped.toLowerCase(Locale.ROOT);
    String key = NOT_KEY.matcher(lower).replaceAll(" ").strip();
    return key.isEmpty() ? null : key;
  }
}
