package fr.breachimpact.normalize;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Splits a single name column into first and last name, in this order of rules:
 *
 * <ol>
 *   <li>a comma: "Dupont, Jean" is last name, first name;
 *   <li>mixed case: the words written in capitals are the surname, wherever they stand ("DUPONT
 *       Jean", "Jean DUPONT", "DE LA FONTAINE Marie-Hélène") - the French administrative habit;
 *   <li>otherwise given names first: the surname starts at the first particle after the first word
 *       ("Jean de la Fontaine"), else it is the last word ("Jean Pierre Martin" gives "Jean Pierre"
 *       and "Martin").
 * </ol>
 *
 * One word is a last name. All-capital or all-lower input is ambiguous ("MARTIN THOMAS"): the third
 * rule applies, and linkage compares swapped orders anyway.
 */
public final class FullNameSplitter {
  private static final Set<String> PARTICLES =
      Set.of("de", "du", "des", "le", "la", "d'", "d’", "del", "van", "von");

  private FullNameSplitter() {}

  public static SplitName split(String raw) {
    String display = TextFolding.display(raw);
    if (display == null) {
      return new SplitName(null, null);
    }
    int comma = display.indexOf(',');
    if (comma >= 0) {
      return new SplitName(
          TextFolding.display(display.substring(comma + 1).replace(",", " ")),
          TextFolding.display(display.substring(0, comma)));
    }
    String[] words = display.split(" ");
    if (words.length == 1) {
      return new SplitName(null, display);
    }
    List<String> upper = new ArrayList<>();
    List<String> other = new ArrayList<>();
    for (String w : words) {
      (isCapitals(w) ? upper : other).add(w);
    }
    if (!upper.isEmpty() && !other.isEmpty()) {
      return new SplitName(String.join(" ", other), String.join(" ", upper));
    }
    int surnameStart = words.length - 1;
    for (int i = 1; i < words.length - 1; i++) {
      if (isParticle(words[i])) {
        surnameStart = i;
        break;
      }
    }
    return new SplitName(
        String.join(" ", Arrays.copyOfRange(words, 0, surnameStart)),
        String.join(" ", Arrays.copyOfRange(words, surnameStart, words.length)));
  }

  private static boolean isParticle(String word) {
    String w = word.toLowerCase(Locale.ROOT);
    return PARTICLES.contains(w) || w.startsWith("d'") || w.startsWith("d’");
  }

  /** At least two letters, all of them capitals ("DUPONT", "D'ARTAGNAN", "LE"). */
  private static boolean isCapitals(String word) {
    int letters = 0;
    for (int i = 0; i < word.length(); ) {
      int cp = word.codePointAt(i);
      if (Character.isLetter(cp)) {
        if (!Character.isUpperCase(cp)) {
          return false;
        }
        letters++;
      }
      i += Character.charCount(cp);
    }
    return letters >= 2;
  }
}
