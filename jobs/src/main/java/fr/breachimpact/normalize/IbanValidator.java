package fr.breachimpact.normalize;

import java.util.Locale;
import java.util.regex.Pattern;
import org.apache.commons.validator.routines.IBANValidator;

/**
 * IBAN check with commons-validator's {@link org.apache.commons.validator.routines.IBANValidator}:
 * the country's length and format, then the ISO 7064 mod-97 check. Spaces and dashes are dropped
 * and letters upper-cased first ("fr76 3000 6000 0112 3456 7890 189").
 */
public final class IbanValidator {
  private static final IBANValidator VALIDATOR = IBANValidator.getInstance();
  private static final Pattern SEPARATORS = Pattern.compile("[\\s\\-.\\u00A0]");

  private IbanValidator() {}

  /** Upper case without separators; null for a null or blank input. */
  public static String normalize(String raw) {
    if (raw == null) {
      return null;
    }
    String s = SEPARATORS.matcher(raw).replaceAll("").toUpperCase(Locale.ROOT);
    return s.isEmpty() ? null : s;
  }

  /** Null for a null or blank input. */
  public static Boolean validate(String raw) {
    String s = normalize(raw);
    return s == null ? null : VALIDATOR.isValid(s);
  }

  public static boolean isValid(String raw) {
    return Boolean.TRUE.equals(validate(raw));
  }
}
