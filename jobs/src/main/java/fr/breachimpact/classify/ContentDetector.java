package fr.breachimpact.classify;

import fr.breachimpact.normalize.CardCheck;
import fr.breachimpact.normalize.CardNumberValidator;
import fr.breachimpact.normalize.EmailNormalizer;
import fr.breachimpact.normalize.IbanValidator;
import fr.breachimpact.normalize.NirValidator;
import fr.breachimpact.normalize.NormalizedEmail;
import fr.breachimpact.normalize.NormalizedPhone;
import fr.breachimpact.normalize.PhoneNormalizer;
import fr.breachimpact.normalize.TextFolding;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds identifiers and health vocabulary inside free text (an unmapped "commentaire" column,
 * notes, the health or sensitive fields). A match counts only when its validator passes, so a
 * random number is not an IBAN:
 *
 * <ul>
 *   <li>CONTACT: an email address that commons-validator accepts; a French or international phone
 *       number that libphonenumber finds valid;
 *   <li>FINANCIAL: an IBAN passing mod-97; a 13-19 digit card number passing Luhn with a known
 *       issuer range (Luhn alone passes one random number in ten);
 *   <li>GOVERNMENT_ID: a NIR whose key matches;
 *   <li>HEALTH: a word of the French medical vocabulary below (accents and case ignored, plurals
 *       and derived forms by prefix: "traitements", "allergique"). "Mutuelle" is not in it: an
 *       insurer's name says nothing of a person's health.
 * </ul>
 *
 * Stateless; the patterns and validators are static and shared.
 */
public final class ContentDetector {
  private static final Pattern EMAIL =
      Pattern.compile("[\\p{L}0-9._%+\\-]+@[\\p{L}0-9.\\-]+\\.[\\p{L}]{2,}");

  /**
   * Runs of digits with the separators people write in numbers, optionally after + or a letter pair
   * (IBAN).
   */
  private static final Pattern IBAN =
      Pattern.compile("\\b[A-Za-z]{2}\\d{2}(?:[ ]?[A-Za-z0-9]){11,30}");

  private static final Pattern NIR =
      Pattern.compile(
          "(?<![0-9])[1-478][ .]?\\d{2}[ .]?\\d{2}[ .]?(?:\\d{2}|2[ABab])[ .]?\\d{3}[ .]?\\d{3}[ .]?\\d{2}(?![0-9])");
  private static final Pattern DIGIT_RUN = Pattern.compile("\\+?\\(?\\d[\\d .\\-()]{7,}\\d");
  private static final Pattern HEALTH_WORDS =
      Pattern.compile(
          "\\b(?:"
              + String.join(
                  "|",
                  List.of(
                      "consultation",
                      "teleconsultation",
                      "ordonnance",
                      "traitement",
                      "diagnostic",
                      "medecin",
                      "pathologi",
                      "symptom",
                      "allergi",
                      "grossesse",
                      "diabet",
                      "cancer",
                      "chimiotherapi",
                      "hospitalis",
                      "chirurgi",
                      "psychiatr",
                      "psycholog",
                      "depressi",
                      "hypertension",
                      "asthme",
                      "medicament",
                      "posologi",
                      "prescri",
                      "vaccin",
                      "infirmi",
                      "kinesitherap",
                      "radiologi",
                      "pediatr",
                      "gynecolog",
                      "cardiolog",
                      "dermatolog",
                      "oncolog",
                      "handicap",
                      "arret maladie",
                      "affection longue duree",
                      "vih",
                      "seropositi",
                      "hepatite",
                      "insuline",
                      "antidepresseur",
                      "antibiotique",
                      "carte vitale",
                      "dossier medical",
                      "patient",
                      "maladie"))
              + ")\\w*");

  private ContentDetector() {}

  /** Categories found in the text; empty for null or blank text. */
  public static Set<Category> detect(String text) {
    EnumSet<Category> found = EnumSet.noneOf(Category.class);
    if (text == null || text.isBlank()) {
      return found;
    }
    if (text.indexOf('@') >= 0 && hasEmail(text)) {
      found.add(Category.CONTACT);
    }
    if (countDigits(text) >= 9) {
      if (hasIban(text)) {
        found.add(Category.FINANCIAL);
      }
      if (hasNir(text)) {
        found.add(Category.GOVERNMENT_ID);
      }
      scanDigitRuns(text, found);
    }
    String folded = TextFolding.fold(text);
    if (folded != null && HEALTH_WORDS.matcher(folded).find()) {
      found.add(Category.HEALTH);
    }
    return found;
  }

  private static boolean hasEmail(String text) {
    Matcher m = EMAIL.matcher(text);
    while (m.find()) {
      NormalizedEmail e = EmailNormalizer.normalize(m.group());
      if (e != null && e.valid()) {
        return true;
      }
    }
    return false;
  }

  private static boolean hasIban(String text) {
    Matcher m = IBAN.matcher(text);
    while (m.find()) {
      String compact = m.group().replace(" ", "").toUpperCase(Locale.ROOT);
      // The match may run into the next word: try every length an IBAN can have.
      for (int len = Math.min(34, compact.length()); len >= 15; len--) {
        if (IbanValidator.isValid(compact.substring(0, len))) {
          return true;
        }
      }
    }
    return false;
  }

  private static boolean hasNir(String text) {
    Matcher m = NIR.matcher(text);
    while (m.find()) {
      if (NirValidator.isValid(m.group())) {
        return true;
      }
    }
    return false;
  }

  /** Phone numbers and card numbers: both are runs of digits with separators. */
  private static void scanDigitRuns(String text, EnumSet<Category> found) {
    Matcher m = DIGIT_RUN.matcher(text);
    while (m.find()) {
      String run = m.group();
      String digits = run.replaceAll("\\D", "");
      boolean nir = digits.length() == 15 && NirValidator.isValid(digits);
      if (!nir && digits.length() >= 13 && digits.length() <= 19) {
        CardCheck c = CardNumberValidator.check(digits);
        if (c != null && c.valid() && c.issuer() != null) {
          found.add(Category.FINANCIAL);
        }
      }
      if (digits.length() >= 9 && digits.length() <= 13) {
        NormalizedPhone p = PhoneNormalizer.normalize(run);
        if (p != null && p.valid()) {
          found.add(Category.CONTACT);
        }
      }
    }
  }

  private static int countDigits(String text) {
    int n = 0;
    for (int i = 0; i < text.length(); i++) {
      if (Character.isDigit(text.charAt(i))) {
        n++;
      }
    }
    return n;
  }
}
