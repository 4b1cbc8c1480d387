package fr.breachimpact.generate;

import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * The short forms people give instead of their civil-status first name: a small curated table of
 * French diminutives and spellings, and the shortened compound names (Jean-Pierre as J-Pierre, JP
 * or Jean).
 */
final class FirstNameVariants {
  private FirstNameVariants() {}

  /** Diminutives and usual spellings of the first names of {@link NamePools}. */
  static final Map<String, List<String>> SHORT_FORMS =
      Map.ofEntries(
          Map.entry("Catherine", List.of("Cathy", "Cathie")),
          Map.entry("Nathalie", List.of("Nath")),
          Map.entry("Isabelle", List.of("Isa")),
          Map.entry("Valérie", List.of("Val")),
          Map.entry("Sandrine", List.of("Sandy")),
          Map.entry("Véronique", List.of("Véro")),
          Map.entry("Patricia", List.of("Pat", "Patty")),
          Map.entry("Jacqueline", List.of("Jacky")),
          Map.entry("Dominique", List.of("Dom")),
          Map.entry("Michèle", List.of("Michelle")),
          Map.entry("Béatrice", List.of("Béa")),
          Map.entry("Florence", List.of("Flo")),
          Map.entry("Danielle", List.of("Dany")),
          Map.entry("Évelyne", List.of("Eveline")),
          Map.entry("Stéphanie", List.of("Steph", "Stéph")),
          Map.entry("Caroline", List.of("Caro")),
          Map.entry("Mélanie", List.of("Mel")),
          Map.entry("Élodie", List.of("Elo")),
          Map.entry("Charlotte", List.of("Charly")),
          Map.entry("Margaux", List.of("Margot")),
          Map.entry("Clémence", List.of("Clem")),
          Map.entry("Gaëlle", List.of("Gaelle")),
          Map.entry("Christophe", List.of("Chris")),
          Map.entry("Christian", List.of("Chris")),
          Map.entry("Frédéric", List.of("Fred")),
          Map.entry("Sébastien", List.of("Seb", "Séb")),
          Map.entry("Nicolas", List.of("Nico")),
          Map.entry("Alexandre", List.of("Alex")),
          Map.entry("Maxime", List.of("Max")),
          Map.entry("Benjamin", List.of("Ben")),
          Map.entry("Valentin", List.of("Val")),
          Map.entry("Raphaël", List.of("Raph")),
          Map.entry("Mathieu", List.of("Matthieu", "Matt")),
          Map.entry("Anthony", List.of("Tony")),
          Map.entry("Thomas", List.of("Tom")),
          Map.entry("Patrick", List.of("Pat")),
          Map.entry("Philippe", List.of("Phil")),
          Map.entry("Stéphane", List.of("Steph")),
          Map.entry("Daniel", List.of("Dany")),
          Map.entry("Jacques", List.of("Jacky")),
          Map.entry("Florian", List.of("Flo")),
          Map.entry("Mohamed", List.of("Mohammed", "Mohamad")),
          Map.entry("Mickaël", List.of("Michaël", "Mika")),
          Map.entry("Kevin", List.of("Kévin")),
          Map.entry("Gaël", List.of("Gael")));

  /** Whether the name has a short form. */
  static boolean hasShortForm(String first) {
    return SHORT_FORMS.containsKey(first) || isCompound(first);
  }

  /** A short form of the name, or the name itself when it has none. */
  static String shortForm(String first, SplittableRandom r) {
    List<String> forms = SHORT_FORMS.get(first);
    if (forms != null) {
      return forms.get(r.nextInt(forms.size()));
    }
    if (!isCompound(first)) {
      return first;
    }
    int hyphen = first.indexOf('-');
    String head = first.substring(0, hyphen);
    String tail = first.substring(hyphen + 1);
    double u = r.nextDouble();
    if (u < 0.4) {
      return head.charAt(0) + "-" + tail; // J-Pierre
    }
    if (u < 0.7) {
      return "" + head.charAt(0) + Population.foldAccents(tail.substring(0, 1)); // JP
    }
    return head; // Jean
  }

  private static boolean isCompound(String first) {
    int hyphen = first.indexOf('-');
    return hyphen > 0 && hyphen < first.length() - 1;
  }
}
