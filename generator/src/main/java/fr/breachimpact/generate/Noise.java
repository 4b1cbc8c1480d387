package fr.breachimpact.generate;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.SplittableRandom;

/** The ways leaked values differ from the truth: typos, notations, formats, lost zeros. */
final class Noise {
  private Noise() {}

  /** One keyboard-style error: a letter replaced, dropped, doubled, or two letters swapped. */
  static String typo(String s, SplittableRandom r) {
    if (s == null || s.length() < 3) {
      return s;
    }
    int i = 1 + r.nextInt(s.length() - 2); // keep the first letter: people rarely miss it
    char c = s.charAt(i);
    if (!Character.isLetter(c)) {
      return s;
    }
    switch (r.nextInt(4)) {
      case 0:
        char sub = (char) ('a' + r.nextInt(26));
        return s.substring(0, i)
            + (Character.isUpperCase(c) ? Character.toUpperCase(sub) : sub)
            + s.substring(i + 1);
      case 1:
        return s.substring(0, i) + s.substring(i + 1);
      case 2:
        return s.substring(0, i) + c + s.substring(i);
      default:
        return s.substring(0, i - 1) + c + s.charAt(i - 1) + s.substring(i + 1);
    }
  }

  static String fold(String s) {
    return s == null ? null : Population.foldAccents(s);
  }

  static String upper(String s) {
    return s == null ? null : s.toUpperCase(Locale.ROOT);
  }

  /** Phone notations seen in French files. */
  enum PhoneStyle {
    PLAIN,
    SPACED,
    DOTTED,
    DASHED,
    INTERNATIONAL_SPACED,
    INTERNATIONAL,
    DOUBLE_ZERO
  }

  /**
   * @param national ten digits starting with 0
   */
  static String phone(String national, PhoneStyle style) {
    String nsn = national.substring(1);
    switch (style) {
      case SPACED:
        return pairs(national, " ");
      case DOTTED:
        return pairs(national, ".");
      case DASHED:
        return pairs(national, "-");
      case INTERNATIONAL_SPACED:
        return "+33 " + nsn.charAt(0) + " " + pairs(nsn.substring(1), " ");
      case INTERNATIONAL:
        return "+33" + nsn;
      case DOUBLE_ZERO:
        return "0033" + nsn;
      default:
        return national;
    }
  }

  private static String pairs(String digits, String sep) {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < digits.length(); i += 2) {
      if (i > 0) {
        b.append(sep);
      }
      b.append(digits, i, Math.min(i + 2, digits.length()));
    }
    return b.toString();
  }

  /** A date in the pattern, or an impossible one (30 or 31 February) written the same way. */
  static String date(LocalDate date, String pattern, boolean impossible) {
    if (!impossible) {
      return date.format(DateTimeFormatter.ofPattern(pattern, Locale.ROOT));
    }
    String day = date.getDayOfMonth() % 2 == 0 ? "30" : "31";
    String yyyy = String.valueOf(date.getYear());
    String yy = yyyy.substring(2);
    return pattern.replace("dd", day).replace("MM", "02").replace("yyyy", yyyy).replace("yy", yy);
  }

  /**
   * A birth date mistyped into another valid date: day and month swapped (when the day could be a
   * month), or one digit of the day, the month or the year's last two off by one.
   */
  static LocalDate mistypedDate(LocalDate date, SplittableRandom r) {
    int day = date.getDayOfMonth();
    int month = date.getMonthValue();
    if (r.nextBoolean() && day <= 12 && day != month) {
      return LocalDate.of(date.getYear(), day, month);
    }
    String digits = date.format(DateTimeFormatter.BASIC_ISO_DATE); // yyyyMMdd
    for (int attempt = 0; attempt < 16; attempt++) {
      int i = 2 + r.nextInt(6);
      int d = digits.charAt(i) - '0' + (r.nextBoolean() ? 1 : -1);
      if (d < 0 || d > 9) {
        continue;
      }
      String typed = digits.substring(0, i) + d + digits.substring(i + 1);
      try {
        return LocalDate.parse(typed, DateTimeFormatter.BASIC_ISO_DATE);
      } catch (java.time.format.DateTimeParseException e) {
        // not a date (a 13th month, a 32nd day): type again
      }
    }
    return day > 1 ? date.minusDays(1) : date.plusDays(1);
  }

  /** Email as a user retyped it: case changed, or dots moved for Gmail (the same mailbox). */
  static String emailVariant(String email, SplittableRandom r) {
    int at = email.indexOf('@');
    String local = email.substring(0, at);
    String domain = email.substring(at + 1);
    switch (r.nextInt(3)) {
      case 0:
        return email.toUpperCase(Locale.ROOT);
      case 1:
        return Character.toUpperCase(local.charAt(0))
            + local.substring(1)
            + "@"
            + Character.toUpperCase(domain.charAt(0))
            + domain.substring(1);
      default:
        if (domain.equals("gmail.com")) {
          return local.contains(".")
              ? local.replace(".", "") + "@" + domain
              : local.charAt(0) + "." + local.substring(1) + "@" + domain;
        }
        return local + "@" + domain.toUpperCase(Locale.ROOT);
    }
  }

  /** Postcode as a spreadsheet stores it: a number, so 01000 becomes 1000. */
  static String lostLeadingZero(String postcode) {
    return postcode.startsWith("0") ? postcode.substring(1) : postcode;
  }

  /** A NIR with a digit changed in its body: the key no longer matches. */
  static String brokenNir(String nir, SplittableRandom r) {
    int i = 7 + r.nextInt(6); // the order number or the commune: the key catches it
    char c = nir.charAt(i);
    char d = (char) ('0' + ((c - '0' + 1 + r.nextInt(8)) % 10));
    return nir.substring(0, i) + d + nir.substring(i + 1);
  }

  /** NIR written with its usual spaces: 1 85 05 78 006 084 36. */
  static String spacedNir(String nir) {
    return nir.charAt(0)
        + " "
        + nir.substring(1, 3)
        + " "
        + nir.substring(3, 5)
        + " "
        + nir.substring(5, 7)
        + " "
        + nir.substring(7, 10)
        + " "
        + nir.substring(10, 13)
        + " "
        + nir.substring(13);
  }

  /** IBAN in groups of four, as printed on a RIB. */
  static String spacedIban(String iban) {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < iban.length(); i += 4) {
      if (i > 0) {
        b.append(' ');
      }
      b.append(iban, i, Math.min(i + 4, iban.length()));
    }
    return b.toString();
  }
}
