package fr.breachimpact.generate;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

/** Check-digit rules written again, independently of the generator, for its tests. */
final class Checks {
  private Checks() {}

  /** NIR: key = 97 - (first 13 digits mod 97), Corsica 2A -> 19, 2B -> 18. */
  static boolean nirKeyMatches(String nir) {
    if (nir.length() != 15) {
      return false;
    }
    String body = nir.substring(0, 13);
    if (body.substring(5, 7).equals("2A")) {
      body = body.substring(0, 5) + "19" + body.substring(7);
    } else if (body.substring(5, 7).equals("2B")) {
      body = body.substring(0, 5) + "18" + body.substring(7);
    }
    if (!body.matches("\\d{13}")) {
      return false;
    }
    return 97 - new BigInteger(body).mod(BigInteger.valueOf(97)).intValue()
        == Integer.parseInt(nir.substring(13));
  }

  /** French IBAN: 27 characters, FR, ISO 13616 mod 97 = 1, and the RIB key of the BBAN. */
  static boolean frenchIbanValid(String iban) {
    if (!iban.matches("FR\\d{25}")) {
      return false;
    }
    String moved = iban.substring(4) + "1527" + iban.substring(2, 4); // F=15, R=27
    if (new BigInteger(moved).mod(BigInteger.valueOf(97)).intValue() != 1) {
      return false;
    }
    BigInteger bank = new BigInteger(iban.substring(4, 9));
    BigInteger branch = new BigInteger(iban.substring(9, 14));
    BigInteger account = new BigInteger(iban.substring(14, 25));
    int key = Integer.parseInt(iban.substring(25));
    BigInteger sum =
        bank.multiply(BigInteger.valueOf(89))
            .add(branch.multiply(BigInteger.valueOf(15)))
            .add(account.multiply(BigInteger.valueOf(3)));
    return 97 - sum.mod(BigInteger.valueOf(97)).intValue() == key;
  }

  static boolean luhn(String digits) {
    int sum = 0;
    for (int i = 0; i < digits.length(); i++) {
      int d = digits.charAt(digits.length() - 1 - i) - '0';
      if (i % 2 == 1) {
        d = d * 2 > 9 ? d * 2 - 9 : d * 2;
      }
      sum += d;
    }
    return sum % 10 == 0;
  }

  /** Splits a comma-separated line with RFC 4180 quotes (the ground-truth files). */
  static String[] splitCsv(String line) {
    List<String> out = new ArrayList<>();
    StringBuilder field = new StringBuilder();
    boolean quoted = false;
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (c == '"') {
        if (quoted && i + 1 < line.length() && line.charAt(i + 1) == '"') {
          field.append('"');
          i++;
        } else {
          quoted = !quoted;
        }
      } else if (c == ',' && !quoted) {
        out.add(field.toString());
        field.setLength(0);
      } else {
        field.append(c);
      }
    }
    out.add(field.toString());
    return out.toArray(new String[0]);
  }
}
