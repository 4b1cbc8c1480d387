package fr.breachimpact.normalize;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Person names: a display form (NFC, single spaces, case kept) and a comparison key (folded, see
 * {@link TextFolding}). The key keeps the particles (de, du, des, le, la, d') as separate words, so
 * "D'ARTAGNAN", "d’Artagnan" and "d Artagnan" share the key {@code d artagnan}, and moves a
 * registry-style trailing particle to the front: "FONTAINE (DE LA)" is {@code de la fontaine}.
 * "St"/"Ste" are spelled out (Saint-Exupéry = St Exupery).
 */
public final class NameNormalizer {
  /** "LA FONTAINE (DE)", "Fontaine (de la)": the particle written after the name. */
  private static final Pattern TRAILING_PARTICLE =
      Pattern.compile(
          "^(.+?)\\s*\\(\\s*((?:d'|d’|de|du|des|le|la|les)(?:\\s+(?:la|le|l'|l’))?)\\s*\\)\\s*$",
          Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

  private NameNormalizer() {}

  public static String display(String raw) {
    return TextFolding.display(raw);
  }

  public static String key(String raw) {
    String display = TextFolding.display(raw);
    if (display == null) {
      return null;
    }
    if (display.indexOf('(') >= 0) {
      Matcher m = TRAILING_PARTICLE.matcher(display);
      if (m.matches()) {
        display = m.group(2) + " " + m.group(1);
      }
    }
    String folded = TextFolding.fold(display);
    if (folded == null) {
      return null;
    }
    return (" " + folded + " ").replace(" st ", " saint ").replace(" ste ", " sainte ").strip();
  }
}
