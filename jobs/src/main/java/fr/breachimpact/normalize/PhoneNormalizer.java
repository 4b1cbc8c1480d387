package fr.breachimpact.normalize;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberFormat;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberType;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Phone numbers to E.164 with libphonenumber, default region FR: {@code 06 12 34 56 78}, {@code
 * 06.12.34.56.78}, {@code +33 6 12 34 56 78}, {@code +33 (0)6 12 34 56 78}, {@code 0033612345678},
 * {@code 33612345678} all give {@code +33612345678}. Overseas numbers dialled the French way
 * ({@code 0690 12 34 56}) take their region's code ({@code +590...}).
 *
 * <p>Placeholders are invalid and get no E.164: a national number whose digits after the first are
 * all the same ({@code 0000000000}, {@code 0611111111}) or that counts up ({@code 0123456789}).
 * Forms use them to get past a mandatory field; as keys they would link strangers.
 */
public final class PhoneNormalizer {
  private static final PhoneNumberUtil UTIL = PhoneNumberUtil.getInstance();
  private static final String DEFAULT_REGION = "FR";
  private static final Pattern NOT_DIGIT = Pattern.compile("\\D");

  /** "(0)" after a country code: the national trunk prefix, not part of the number. */
  private static final Pattern TRUNK_IN_PARENS = Pattern.compile("\\(\\s*0\\s*\\)");

  /** 11 digits starting with 33 and no plus: an international number whose "+" was lost. */
  private static final Pattern FR_WITHOUT_PLUS = Pattern.compile("^33[1-9]\\d{8}$");

  /** French overseas regions with their own country codes, tried in this order. */
  private static final List<String> OVERSEAS =
      List.of("GP", "MQ", "GF", "RE", "YT", "PM", "BL", "MF");

  private static final NormalizedPhone INVALID = new NormalizedPhone(null, null, false);

  private PhoneNormalizer() {}

  /**
   * The number libphonenumber's {@code parse(s, "FR")} gives, without its general parsing when
   * {@code s} is ten digits "0[1-9]..." with only spaces, dots or hyphens between them (the
   * commonest form, and a third of the normalisation's time otherwise): country code 33 and the
   * nine digits after the trunk "0". PhoneNormalizerTest checks the two agree.
   */
  static PhoneNumber parseFrench(String s) {
    int digits = 0;
    long national = 0;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c >= '0' && c <= '9') {
        if ((digits == 0 && c != '0') || (digits == 1 && c == '0') || digits == 10) {
          return parse(s, DEFAULT_REGION);
        }
        if (digits > 0) {
          national = national * 10 + (c - '0');
        }
        digits++;
      } else if (c != ' ' && c != '.' && c != '-') {
        return parse(s, DEFAULT_REGION);
      }
    }
    if (digits != 10) {
      return parse(s, DEFAULT_REGION);
    }
    return new PhoneNumber().setCountryCode(33).setNationalNumber(national);
  }

  private static PhoneNumber parse(String s, String region) {
    try {
      return UTIL.parse(s, region);
    } catch (NumberParseException e) {
      return null;
    }
  }

  /** Null for a null or blank input; invalid for text without a digit. */
  public static NormalizedPhone normalize(String raw) {
    if (raw == null || raw.isBlank()) {
      return null;
    }
    String s = TRUNK_IN_PARENS.matcher(raw.strip()).replaceAll(" ");
    String digits = NOT_DIGIT.matcher(s).replaceAll("");
    if (digits.isEmpty()) {
      return INVALID;
    }
    if (!s.startsWith("+") && FR_WITHOUT_PLUS.matcher(digits).matches()) {
      s = "+" + digits;
    }
    PhoneNumber number = parseFrench(s);
    if (number == null) {
      return INVALID;
    }
    // One type lookup gives validity too: libphonenumber's isValidNumber is "type != UNKNOWN".
    PhoneNumberType type = UTIL.getNumberType(number);
    if (type == PhoneNumberType.UNKNOWN && digits.startsWith("0") && !digits.startsWith("00")) {
      // 0590/0690 (Guadeloupe), 0262/0692 (Réunion), ...: dialled like French numbers but
      // numbered under their own country codes.
      for (String region : OVERSEAS) {
        PhoneNumber overseas = parse(s, region);
        PhoneNumberType overseasType =
            overseas == null ? PhoneNumberType.UNKNOWN : UTIL.getNumberType(overseas);
        if (overseasType != PhoneNumberType.UNKNOWN) {
          number = overseas;
          type = overseasType;
          break;
        }
      }
    }
    String national = UTIL.getNationalSignificantNumber(number);
    if (isPlaceholder(national)) {
      return INVALID;
    }
    if (type == PhoneNumberType.UNKNOWN) {
      if (!UTIL.isPossibleNumber(number)) {
        return INVALID;
      }
      // A national number with leading zeros ("+32 0000000001") formats to an E.164 that parses
      // back to another number: no stable key, so none is given.
      String e164 = UTIL.format(number, PhoneNumberFormat.E164);
      PhoneNumber again = parse(e164, DEFAULT_REGION);
      boolean stable =
          again != null
              && e164.equals(UTIL.format(again, PhoneNumberFormat.E164))
              && UTIL.getNumberType(again) == PhoneNumberType.UNKNOWN;
      return stable ? new NormalizedPhone(e164, null, false) : INVALID;
    }
    return new NormalizedPhone(UTIL.format(number, PhoneNumberFormat.E164), type.name(), true);
  }

  static boolean isPlaceholder(String national) {
    if (national.length() < 2) {
      return true;
    }
    String rest = national.substring(1);
    if (rest.chars().allMatch(c -> c == rest.charAt(0))) {
      return true;
    }
    return "123456789".equals(national) || "0123456789".equals(national);
  }
}
