package fr.breachimpact.sniff;

import fr.breachimpact.normalize.BirthDateParser;
import fr.breachimpact.normalize.CardCheck;
import fr.breachimpact.normalize.CardNumberValidator;
import fr.breachimpact.normalize.EmailNormalizer;
import fr.breachimpact.normalize.GenderNormalizer;
import fr.breachimpact.normalize.IbanValidator;
import fr.breachimpact.normalize.NirValidator;
import fr.breachimpact.normalize.NormalizedEmail;
import fr.breachimpact.normalize.NormalizedPhone;
import fr.breachimpact.normalize.NormalizedPostcode;
import fr.breachimpact.normalize.ParsedDate;
import fr.breachimpact.normalize.PhoneNormalizer;
import fr.breachimpact.normalize.PostcodeNormalizer;
import fr.breachimpact.normalize.TextFolding;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/** The kinds one value is, with the validators ingestion's later stages use. */
public final class ValueChecks {
  private static final BirthDateParser DATES = new BirthDateParser(LocalDate.now(ZoneOffset.UTC));
  private static final Pattern NAME = Pattern.compile("\\p{L}[\\p{L}'\\- ]{0,40}");
  private static final Pattern NUMBER = Pattern.compile("[+-]?\\d+([.,]\\d+)?");
  private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z0-9\\-_]*\\d[A-Za-z0-9\\-_]*");
  private static final Set<String> STREET_WORDS =
      Set.of(
          "rue",
          "avenue",
          "av",
          "boulevard",
          "bd",
          "place",
          "impasse",
          "chemin",
          "allee",
          "route",
          "quai",
          "passage",
          "cours",
          "square",
          "lieu",
          "dit",
          "residence",
          "street",
          "road",
          "lane",
          "drive",
          "way",
          "close",
          "court",
          "circuit",
          "crescent",
          "parade",
          "terrace",
          "st",
          "rd");

  private ValueChecks() {}

  public static Set<ValueKind> kinds(String raw) {
    EnumSet<ValueKind> kinds = EnumSet.noneOf(ValueKind.class);
    String v = raw.strip();
    if (v.isEmpty()) {
      return kinds;
    }
    if (v.indexOf('@') > 0) {
      NormalizedEmail e = EmailNormalizer.normalize(v);
      if (e != null && e.valid()) {
        kinds.add(ValueKind.EMAIL);
      }
      return kinds;
    }
    int digits = countDigits(v);
    if (digits >= 9 && digits <= 15 && digits * 2 >= v.replace(" ", "").length()) {
      NormalizedPhone p = PhoneNormalizer.normalize(v);
      if (p != null && p.valid() && digits <= 13) {
        kinds.add(ValueKind.PHONE);
      }
      if (digits >= 13 && NirValidator.isValid(v)) {
        kinds.add(ValueKind.NIR);
      }
    }
    if (digits == 13 && v.length() <= 17 && NirValidator.isValid(v)) {
      kinds.add(ValueKind.NIR); // a NIR with a Corsican 2A/2B department has 13 digits
    }
    if (digits >= 12
        && Character.isLetter(v.charAt(0))
        && v.length() >= 15
        && IbanValidator.isValid(v)) {
      kinds.add(ValueKind.IBAN);
    }
    if (digits >= 13 && digits <= 19 && !kinds.contains(ValueKind.NIR)) {
      CardCheck c = CardNumberValidator.check(v);
      if (c != null && c.valid() && c.issuer() != null) {
        kinds.add(ValueKind.CARD);
      }
    }
    if (digits >= 4 && digits <= 8 && v.length() <= 19) {
      ParsedDate d = DATES.parse(v);
      if (d != null && d.valid() && (digits == 8 || !NUMBER.matcher(v).matches())) {
        kinds.add(ValueKind.DATE);
      }
    }
    if (digits >= 4 && digits <= 5 && v.length() <= 7) {
      NormalizedPostcode p = PostcodeNormalizer.normalize(v);
      if (p != null
          && p.valid()
          && v.replaceAll("[\\s.]", "").length() == 5
          && CommuneList.get().isPostcode(p.postcode())) {
        kinds.add(ValueKind.POSTCODE);
      }
    }
    if (NUMBER.matcher(v).matches()) {
      kinds.add(ValueKind.NUMBER);
    } else if (v.indexOf(' ') < 0 && IDENTIFIER.matcher(v).matches()) {
      kinds.add(ValueKind.IDENTIFIER);
    }
    if (digits == 0) {
      if (GenderNormalizer.normalize(v) != null) {
        kinds.add(ValueKind.GENDER);
      }
      if (CommuneList.get().isCommuneName(v)) {
        kinds.add(ValueKind.COMMUNE);
      }
      if (NAME.matcher(v).matches() && v.split(" ").length <= 3) {
        kinds.add(ValueKind.NAME);
        if (v.equals(v.toUpperCase(Locale.ROOT)) && v.length() > 1) {
          kinds.add(ValueKind.UPPER_NAME);
        }
      }
    }
    if (isStreet(v)) {
      kinds.add(ValueKind.STREET);
    }
    return kinds;
  }

  private static boolean isStreet(String v) {
    String folded = TextFolding.fold(v);
    if (folded == null || folded.indexOf(' ') < 0) {
      return false;
    }
    for (String word : folded.split(" ")) {
      if (STREET_WORDS.contains(word)) {
        return true;
      }
    }
    return false;
  }

  /** A value a header cell never is: an email, a phone, a date, a number. */
  static boolean isTypedValue(String v) {
    Set<ValueKind> k = kinds(v);
    return k.contains(ValueKind.EMAIL)
        || k.contains(ValueKind.PHONE)
        || k.contains(ValueKind.DATE)
        || k.contains(ValueKind.NUMBER);
  }

  private static int countDigits(String v) {
    int n = 0;
    for (int i = 0; i < v.length(); i++) {
      if (Character.isDigit(v.charAt(i))) {
        n++;
      }
    }
    return n;
  }
}
