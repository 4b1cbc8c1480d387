package fr.breachimpact.normalize;

import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.regexp_replace;
import static org.apache.spark.sql.functions.upper;
import static org.apache.spark.sql.functions.when;

import java.util.Locale;
import org.apache.spark.sql.Column;

/**
 * Loyalty card ids: upper case, ASCII letters and digits only ("ach-0012 3456" is {@code
 * ACH00123456}); null when nothing is left. Leading zeros are kept: they are part of a card number.
 */
public final class LoyaltyIdNormalizer {
  private static final String NOT_ALNUM = "[^A-Z0-9]";

  private LoyaltyIdNormalizer() {}

  public static String normalize(String raw) {
    if (raw == null) {
      return null;
    }
    String s = raw.toUpperCase(Locale.ROOT).replaceAll(NOT_ALNUM, "");
    return s.isEmpty() ? null : s;
  }

  /** The same rule as a Spark column expression. */
  public static Column column(Column raw) {
    Column s = regexp_replace(upper(raw), NOT_ALNUM, "");
    return when(s.equalTo(""), lit(null).cast("string")).otherwise(s);
  }
}
