package fr.breachimpact.normalize;

import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.lower;
import static org.apache.spark.sql.functions.regexp_replace;
import static org.apache.spark.sql.functions.trim;
import static org.apache.spark.sql.functions.when;

import java.util.Locale;
import java.util.Set;
import org.apache.spark.sql.Column;

/**
 * Gender or civility to {@code M} / {@code F}: m, h, homme, masculin, male, man, monsieur, mr, m.
 * and 1 (the NIR's sex digit) are M; f, femme, féminin, female, woman, madame, mme, mademoiselle,
 * mlle and 2 are F. Anything else (x, autre, inconnu) is null: not a guess. Matching ignores case,
 * dots and accents-free spelling variants listed here.
 */
public final class GenderNormalizer {
  static final Set<String> MALE =
      Set.of("m", "h", "homme", "masculin", "male", "man", "monsieur", "mr", "1");
  static final Set<String> FEMALE =
      Set.of(
          "f",
          "femme",
          "feminin",
          "féminin",
          "female",
          "woman",
          "madame",
          "mme",
          "mademoiselle",
          "mlle",
          "2");

  private GenderNormalizer() {}

  public static String normalize(String raw) {
    if (raw == null) {
      return null;
    }
    String s = raw.strip().toLowerCase(Locale.ROOT).replace(".", "");
    if (MALE.contains(s)) {
      return "M";
    }
    return FEMALE.contains(s) ? "F" : null;
  }

  /** The same rule as a Spark column expression. */
  public static Column column(Column raw) {
    Column s = regexp_replace(lower(trim(raw)), "\\.", "");
    return when(s.isin(MALE.toArray()), lit("M"))
        .when(s.isin(FEMALE.toArray()), lit("F"))
        .otherwise(lit(null).cast("string"));
  }
}
