package fr.breachimpact.normalize;

import java.util.regex.Pattern;
import org.apache.commons.validator.routines.checkdigit.LuhnCheckDigit;

/**
 * Payment card numbers: separators dropped, 12 to 19 digits, Luhn check with commons-validator's
 * {@link LuhnCheckDigit}, issuer from the number range (IIN): VISA 4; MASTERCARD 51-55 and
 * 2221-2720; AMEX 34, 37; DINERS 300-305, 36, 38-39; DISCOVER 6011, 644-649, 65; JCB 3528-3589;
 * UNIONPAY 62; MAESTRO 50, 56-58, 6304, 67. French "CB" cards are co-badged Visa or Mastercard and
 * cannot be told apart by number.
 */
public final class CardNumberValidator {
  private static final Pattern SEPARATORS = Pattern.compile("[\\s\\-.\\u00A0]");
  private static final Pattern DIGITS = Pattern.compile("^\\d{12,19}$");

  private CardNumberValidator() {}

  /** Null for a null or blank input. */
  public static CardCheck check(String raw) {
    if (raw == null) {
      return null;
    }
    String s = SEPARATORS.matcher(raw).replaceAll("");
    if (s.isEmpty()) {
      return null;
    }
    if (!DIGITS.matcher(s).matches()) {
      return new CardCheck(false, null);
    }
    return new CardCheck(LuhnCheckDigit.LUHN_CHECK_DIGIT.isValid(s), issuer(s));
  }

  static String issuer(String digits) {
    int two = Integer.parseInt(digits.substring(0, 2));
    int three = Integer.parseInt(digits.substring(0, 3));
    int four = Integer.parseInt(digits.substring(0, 4));
    if (digits.charAt(0) == '4') {
      return "VISA";
    }
    if ((two >= 51 && two <= 55) || (four >= 2221 && four <= 2720)) {
      return "MASTERCARD";
    }
    if (two == 34 || two == 37) {
      return "AMEX";
    }
    if (four >= 3528 && four <= 3589) {
      return "JCB";
    }
    if ((three >= 300 && three <= 305) || two == 36 || two == 38 || two == 39) {
      return "DINERS";
    }
    if (four == 6011 || (three >= 644 && three <= 649) || two == 65) {
      return "DISCOVER";
    }
    if (two == 62) {
      return "UNIONPAY";
    }
    if (two == 50 || (two >= 56 && two <= 58) || four == 6304 || two == 67) {
      return "MAESTRO";
    }
    return null;
  }
}
