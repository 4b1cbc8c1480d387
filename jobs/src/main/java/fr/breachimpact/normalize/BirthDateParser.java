package fr.breachimpact.normalize;

import java.io.Serializable;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.ResolverStyle;
import java.time.format.SignStyle;
import java.time.temporal.ChronoField;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Birth dates as leak files write them, day before month (French order, never US): {@code
 * dd/MM/yyyy} (also {@code d/M/yyyy}), {@code dd.MM.yyyy}, {@code dd-MM-yyyy}, {@code yyyy-MM-dd}
 * (with or without a time after it), {@code yyyy/MM/dd}, {@code yyyyMMdd}, two-digit years {@code
 * dd-MM-yy}, {@code dd/MM/yy}, {@code dd.MM.yy}, and Excel serial day numbers (1900 date system,
 * five digits).
 *
 * <p>Two-digit years pivot on the reference (run) date: {@code yy} above the reference year's last
 * two digits is 19yy, otherwise 20yy (in 2026, {@code 27} is 1927 and {@code 26} is 2026). Parsing
 * is {@link ResolverStyle#STRICT}: 31/02/1980 or month 13 are invalid, never rolled over. Dates
 * before 1900-01-01 or after the reference date are invalid too.
 *
 * <p>Instances are immutable and serialisable; the reference date makes results reproducible.
 */
public final class BirthDateParser implements Serializable {
  private static final long serialVersionUID = 1L;
  private static final LocalDate EARLIEST = LocalDate.of(1900, 1, 1);

  /** Excel's day 0 for serials above 60 (Excel counts a 29 February 1900 that never was). */
  private static final LocalDate EXCEL_EPOCH = LocalDate.of(1899, 12, 30);

  private static final Pattern EXCEL_SERIAL = Pattern.compile("^\\d{5}(\\.0+)?$");
  private static final Pattern ISO_WITH_TIME = Pattern.compile("^\\d{4}-\\d{2}-\\d{2}[ T].*$");

  private final LocalDate reference;
  private transient List<DateTimeFormatter> formatters;

  public BirthDateParser(LocalDate reference) {
    this.reference = reference;
  }

  public LocalDate reference() {
    return reference;
  }

  /** Null for a null or blank input. */
  public ParsedDate parse(String raw) {
    if (raw == null) {
      return null;
    }
    String s = raw.strip();
    if (s.isEmpty()) {
      return null;
    }
    if (ISO_WITH_TIME.matcher(s).matches()) {
      s = s.substring(0, 10);
    }
    if (EXCEL_SERIAL.matcher(s).matches()) {
      return check(EXCEL_EPOCH.plusDays(Long.parseLong(s.substring(0, 5))));
    }
    for (DateTimeFormatter f : formatters()) {
      try {
        return check(LocalDate.parse(s, f));
      } catch (DateTimeException e) {
        // next pattern
      }
    }
    return ParsedDate.INVALID;
  }

  private ParsedDate check(LocalDate date) {
    if (date.isBefore(EARLIEST) || date.isAfter(reference)) {
      return ParsedDate.INVALID;
    }
    return new ParsedDate(date, true);
  }

  private List<DateTimeFormatter> formatters() {
    if (formatters == null) {
      int base = reference.getYear() - 99; // 2026: two-digit years map onto 1927..2026
      formatters =
          List.of(
              strict("d/M/uuuu"),
              strict("uuuu-MM-dd"),
              strict("uuuuMMdd"),
              strict("d.M.uuuu"),
              strict("d-M-uuuu"),
              strict("uuuu/MM/dd"),
              twoDigitYear('-', base),
              twoDigitYear('/', base),
              twoDigitYear('.', base));
    }
    return formatters;
  }

  private static DateTimeFormatter strict(String pattern) {
    return DateTimeFormatter.ofPattern(pattern).withResolverStyle(ResolverStyle.STRICT);
  }

  private static DateTimeFormatter twoDigitYear(char sep, int baseYear) {
    return new DateTimeFormatterBuilder()
        .appendValue(ChronoField.DAY_OF_MONTH, 1, 2, SignStyle.NOT_NEGATIVE)
        .appendLiteral(sep)
        .appendValue(ChronoField.MONTH_OF_YEAR, 1, 2, SignStyle.NOT_NEGATIVE)
        .appendLiteral(sep)
        .appendValueReduced(ChronoField.YEAR, 2, 2, baseYear)
        .toFormatter()
        .withResolverStyle(ResolverStyle.STRICT);
  }
}
