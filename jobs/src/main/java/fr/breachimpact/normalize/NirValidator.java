package fr.breachimpact.normalize;

import java.time.LocalDate;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * French social security number (NIR, "numéro de sécurité sociale"): 13 characters and a 2-digit
 * key, {@code S YY MM DD CCC OOO KK}.
 *
 * <ul>
 *   <li>S, sex: 1 man, 2 woman; 3 and 4 (people born abroad being registered) and 7 and 8
 *       (temporary numbers, NIA) follow the same parity: odd man, even woman;
 *   <li>YY, last two digits of the birth year;
 *   <li>MM, birth month 01 to 12; 20 to 42 and 50 to 99 occur for unknown months (fictitious months
 *       of the civil registry) and are accepted but never compared;
 *   <li>DD, department of birth: 01 to 95 (20 only before 1976), 2A and 2B for Corsica, 96 and 99
 *       for births abroad, 97 and 98 overseas (the third digit sits in the commune part);
 *   <li>CCC, commune (or country) code, 001 to 999; OOO, order number, 001 to 999;
 *   <li>KK, key, {@code 97 - (n mod 97)} where n is the 13-character number with 2A read as 19 and
 *       2B as 18.
 * </ul>
 *
 * Consistency with the record (sex against gender, YY and MM against the birth date) is reported
 * apart from validity: a valid NIR on the wrong person is a different finding.
 */
public final class NirValidator {
  private static final Pattern SEPARATORS = Pattern.compile("[\\s.\\-_/\\u00A0]");
  private static final Pattern STRUCTURE =
      Pattern.compile("^([1-478])(\\d{2})(\\d{2})(\\d{2}|2A|2B)(\\d{3})(\\d{3})(\\d{2})$");

  private NirValidator() {}

  /** Null for a null or blank input; gender ({@code M}/{@code F}) and birth date may be null. */
  public static NirCheck check(String raw, String gender, LocalDate birthDate) {
    if (raw == null) {
      return null;
    }
    String s = SEPARATORS.matcher(raw).replaceAll("").toUpperCase(Locale.ROOT);
    if (s.isEmpty()) {
      return null;
    }
    Matcher m = STRUCTURE.matcher(s);
    if (!m.matches() || !structureValid(m) || !keyValid(s)) {
      return new NirCheck(s, false, null);
    }
    return new NirCheck(s, true, consistent(m, gender, birthDate));
  }

  public static boolean isValid(String raw) {
    NirCheck c = check(raw, null, null);
    return c != null && c.valid();
  }

  private static boolean structureValid(Matcher m) {
    int month = Integer.parseInt(m.group(3));
    boolean monthOk = (month >= 1 && month <= 12) || (month >= 20 && month <= 42) || month >= 50;
    String dept = m.group(4);
    boolean deptOk =
        dept.startsWith("2") && !Character.isDigit(dept.charAt(1))
            || (Integer.parseInt(dept) >= 1 && Integer.parseInt(dept) <= 99);
    return monthOk && deptOk && !"000".equals(m.group(5)) && !"000".equals(m.group(6));
  }

  private static boolean keyValid(String nir) {
    String body = nir.substring(0, 13).replace("2A", "19").replace("2B", "18");
    long n = Long.parseLong(body);
    int key = Integer.parseInt(nir.substring(13));
    return key == 97 - (int) (n % 97);
  }

  private static Boolean consistent(Matcher m, String gender, LocalDate birthDate) {
    if (gender == null && birthDate == null) {
      return null;
    }
    boolean ok = true;
    if (gender != null) {
      String nirSex = Integer.parseInt(m.group(1)) % 2 == 1 ? "M" : "F";
      ok = nirSex.equals(gender);
    }
    if (birthDate != null) {
      ok &= Integer.parseInt(m.group(2)) == birthDate.getYear() % 100;
      int month = Integer.parseInt(m.group(3));
      if (month >= 1 && month <= 12) {
        ok &= month == birthDate.getMonthValue();
      }
    }
    return ok;
  }
}
