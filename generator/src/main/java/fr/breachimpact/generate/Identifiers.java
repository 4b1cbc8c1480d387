package fr.breachimpact.generate;

import java.util.random.RandomGenerator;

/**
 * Builds identifiers with valid check digits: NIR, French IBAN, payment cards, RPPS, loyalty card
 * ids. Pure functions; randomness comes from the caller's generator.
 */
public final class Identifiers {
  private static final String[] BANK_CODES = {
    "30004", "30003", "20041", "10278", "30002", "11306", "17515", "10107", "30066", "18206",
    "13335", "16275", "30076", "12548", "10096"
  };

  private Identifiers() {}

  /**
   * NIR: sex, year, month, birthplace (department + commune, or 99 + country for people born
   * abroad), order number, and the key 97 - (n mod 97), where Corsica's 2A and 2B count as 19 and
   * 18.
   *
   * @param birthplace five characters: an INSEE commune code ({@code 2A004}, {@code 97101}) or
   *     {@code 99} + an INSEE country code
   * @param order 1..999
   */
  public static String nir(char sex, int year, int month, String birthplace, int order) {
    String body = sex + two(year % 100) + two(month) + birthplace + Identifiers.pad(order, 3);
    return body + two(nirKey(body));
  }

  /** The NIR key of its first 13 characters. */
  public static int nirKey(String first13) {
    String digits = first13.replace("2A", "19").replace("2B", "18");
    long n = Long.parseLong(digits);
    return (int) (97 - (n % 97));
  }

  /** A French IBAN: FR, check digits, bank, branch, 11-digit account and its RIB key. */
  public static String frenchIban(RandomGenerator random) {
    String bank = BANK_CODES[random.nextInt(BANK_CODES.length)];
    String branch = digits(random, 5);
    String account = digits(random, 11);
    long ribKey =
        97
            - ((89 * Long.parseLong(bank)
                    + 15 * Long.parseLong(branch)
                    + 3 * Long.parseLong(account))
                % 97);
    String bban = bank + branch + account + two((int) ribKey);
    return "FR" + two(ibanCheckDigits("FR", bban)) + bban;
  }

  /** ISO 13616 check digits: 98 - (BBAN + country + 00, letters as 10..35) mod 97. */
  static int ibanCheckDigits(String country, String bban) {
    int mod = 0;
    for (char c : (bban + country + "00").toCharArray()) {
      if (Character.isLetter(c)) {
        int v = c - 'A' + 10;
        mod = (mod * 100 + v) % 97;
      } else {
        mod = (mod * 10 + (c - '0')) % 97;
      }
    }
    return 98 - mod;
  }

  /** A 16-digit Visa (4...) or Mastercard (51..55...) number passing Luhn. */
  public static String cardNumber(RandomGenerator random) {
    String prefix = random.nextInt(100) < 60 ? "4" : "5" + (1 + random.nextInt(5));
    String body = prefix + digits(random, 15 - prefix.length());
    return body + luhnDigit(body);
  }

  /** The digit that makes {@code body + digit} pass Luhn. */
  public static int luhnDigit(String body) {
    int sum = 0;
    boolean twice = true; // the rightmost digit of the body sits left of the check digit
    for (int i = body.length() - 1; i >= 0; i--) {
      int d = body.charAt(i) - '0';
      if (twice) {
        d *= 2;
        if (d > 9) {
          d -= 9;
        }
      }
      sum += d;
      twice = !twice;
    }
    return (10 - sum % 10) % 10;
  }

  /** RPPS number: 11 digits, {@code 10} + 8 digits unique per {@code index} + a Luhn digit. */
  public static String rpps(long index) {
    String body = "10" + Identifiers.pad(permute(index, 100_000_000L, 4), 8);
    return body + luhnDigit(body);
  }

  /** Auchan loyalty card: EAN-13 starting with 2, unique per {@code index}. */
  public static String auchanLoyaltyId(long index) {
    String body = "2" + Identifiers.pad(permute(index, 100_000_000_000L, 2), 11);
    return body + ean13Digit(body);
  }

  /** Leroy Merlin loyalty card: {@code LM} + 10 digits, unique per {@code index}. */
  public static String leroyMerlinLoyaltyId(long index) {
    return "LM" + Identifiers.pad(permute(index, 10_000_000_000L, 3), 10);
  }

  /**
   * France Travail id: 7 digits and a letter, unique per {@code index}: the digits are a bijection
   * of the index modulo ten million, the letter shifts with each further ten million.
   */
  public static String franceTravailId(long index) {
    long n = permute(index % 10_000_000L, 10_000_000L, 5);
    return Identifiers.pad(n, 7) + (char) ('A' + (int) ((n + index / 10_000_000L) % 26));
  }

  static int ean13Digit(String twelve) {
    int sum = 0;
    for (int i = 0; i < 12; i++) {
      int d = twelve.charAt(i) - '0';
      sum += (i % 2 == 0) ? d : 3 * d;
    }
    return (10 - sum % 10) % 10;
  }

  private static final long[] MULTIPLIERS = {
    7_919_813L, 6_700_417L, 9_369_319L, 4_256_249L, 2_750_159L, 8_388_617L, 5_915_587L, 3_367_711L
  };

  /**
   * A bijection of [0, modulus) for a power-of-ten modulus, so that sequential indexes give unique
   * ids that do not look sequential; each salt (one per kind of id) permutes differently, so that a
   * person's ids share no digits.
   */
  static long permute(long index, long modulus, int salt) {
    // The multipliers are odd and do not end in 5: coprime with any power of ten.
    long offset = (modulus / 7) * (salt + 1) + 104_729L * salt;
    return Math.floorMod(index * MULTIPLIERS[salt] + offset, modulus);
  }

  static String digits(RandomGenerator random, int n) {
    char[] c = new char[n];
    for (int i = 0; i < n; i++) {
      c[i] = (char) ('0' + random.nextInt(10));
    }
    return new String(c);
  }

  /** {@code n} in decimal, left-padded with zeros to {@code width} digits. */
  static String pad(long n, int width) {
    String s = Long.toString(n);
    if (s.length() >= width) {
      return s;
    }
    StringBuilder b = new StringBuilder(width);
    for (int i = s.length(); i < width; i++) {
      b.append('0');
    }
    return b.append(s).toString();
  }

  static String two(int n) {
    return n < 10 ? "0" + n : Integer.toString(n);
  }
}
