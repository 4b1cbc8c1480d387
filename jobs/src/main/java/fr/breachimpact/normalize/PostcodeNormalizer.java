package fr.breachimpact.normalize;

import java.util.regex.Pattern;

/**
 * French postcodes: spaces and dots dropped ("75 001"), a lost leading zero restored (a four-digit
 * {@code 1000} is {@code 01000}: spreadsheets read postcodes as numbers).
 *
 * <p>Department rule: the first two digits (01 to 95, 20 excepted); overseas {@code 97x} and {@code
 * 98x} take three digits (971 to 976, 984 and 986 to 988); Corsica, whose postcodes all start with
 * 20, is split by postcode range as La Poste allocated them: 20000 to 20199 is Corse-du-Sud {@code
 * 2A}, 20200 to 20699 Haute-Corse {@code 2B} (the postcode's range, not the commune's INSEE code: a
 * handful of communes near the border may differ). Anything else (00xxx, 96xxx, 980xx Monaco, 6
 * digits, letters) is invalid.
 */
public final class PostcodeNormalizer {
  private static final Pattern SEPARATORS = Pattern.compile("[\\s.\\u00A0]");
  private static final Pattern NUMERIC_FRACTION = Pattern.compile("(?<=^\\d{4,5})\\.0+$");
  private static final Pattern DIGITS_4_OR_5 = Pattern.compile("^\\d{4,5}$");

  private PostcodeNormalizer() {}

  /** Null for a null or blank input. */
  public static NormalizedPostcode normalize(String raw) {
    if (raw == null) {
      return null;
    }
    String s =
        NUMERIC_FRACTION.matcher(raw.strip()).replaceAll(""); // 75001.0 from a numeric column
    s = SEPARATORS.matcher(s).replaceAll("");
    if (s.isEmpty()) {
      return null;
    }
    if (!DIGITS_4_OR_5.matcher(s).matches()) {
      return new NormalizedPostcode(s, null, false);
    }
    String code = s.length() == 4 ? "0" + s : s;
    String department = department(code);
    return new NormalizedPostcode(code, department, department != null);
  }

  static String department(String code) {
    int two = Integer.parseInt(code.substring(0, 2));
    int three = Integer.parseInt(code.substring(0, 3));
    if (two == 20) {
      return three <= 201 ? "2A" : three <= 206 ? "2B" : null;
    }
    if (two == 97) {
      return three >= 971 && three <= 976 ? code.substring(0, 3) : null;
    }
    if (two == 98) {
      return three == 984 || (three >= 986 && three <= 988) ? code.substring(0, 3) : null;
    }
    return two >= 1 && two <= 95 ? code.substring(0, 2) : null;
  }
}
