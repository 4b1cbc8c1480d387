package fr.breachimpact.normalize;

import java.util.Map;
import java.util.regex.Pattern;

/**
 * Comparison keys for addresses, folded like names ({@link TextFolding}).
 *
 * <ul>
 *   <li>city: "St"/"Ste" spelled out ("St-Étienne" = "Saint-Etienne"), a trailing "Cedex" with its
 *       number dropped ("PARIS CEDEX 08" = "Paris");
 *   <li>street: the usual abbreviations spelled out (av, bd, pl, chem, imp, rte, fbg, sq, all, st,
 *       ste) so that "12 bd St-Michel" = "12 boulevard Saint Michel".
 * </ul>
 *
 * Keys only; the raw values stay in the record.
 */
public final class AddressKeys {
  private static final Pattern CEDEX = Pattern.compile("\\s+cedex(\\s+\\d+)?$");
  private static final Map<String, String> SAINT = Map.of("st", "saint", "ste", "sainte");
  private static final Map<String, String> STREET_WORDS =
      Map.ofEntries(
          Map.entry("av", "avenue"),
          Map.entry("ave", "avenue"),
          Map.entry("bd", "boulevard"),
          Map.entry("bld", "boulevard"),
          Map.entry("boul", "boulevard"),
          Map.entry("pl", "place"),
          Map.entry("chem", "chemin"),
          Map.entry("ch", "chemin"),
          Map.entry("imp", "impasse"),
          Map.entry("rte", "route"),
          Map.entry("fbg", "faubourg"),
          Map.entry("sq", "square"),
          Map.entry("all", "allee"),
          Map.entry("st", "saint"),
          Map.entry("ste", "sainte"),
          Map.entry("r", "rue"),
          Map.entry("qu", "quai"),
          Map.entry("crs", "cours"));

  private AddressKeys() {}

  public static String cityKey(String raw) {
    String f = TextFolding.fold(raw);
    if (f == null) {
      return null;
    }
    f = CEDEX.matcher(f).replaceAll("");
    return expand(f, SAINT);
  }

  public static String streetKey(String raw) {
    String f = TextFolding.fold(raw);
    return f == null ? null : expand(f, STREET_WORDS);
  }

  private static String expand(String folded, Map<String, String> words) {
    String[] tokens = folded.split(" ");
    for (int i = 0; i < tokens.length; i++) {
      tokens[i] = words.getOrDefault(tokens[i], tokens[i]);
    }
    String s = String.join(" ", tokens);
    return s.isEmpty() ? null : s;
  }
}
