package fr.breachimpact.normalize;

import static org.junit.jupiter.api.Assertions.assertNull;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PhoneNormalizerTest {

  @ParameterizedTest(name = "phone case {index}")
  @CsvSource(
      delimiter = '|',
      nullValues = "NULL",
      textBlock =
          """
          06 12 34 56 78              | +33612345678  | MOBILE     | true
          06.12.34.56.78              | +33612345678  | MOBILE     | true
          06-12-34-56-78              | +33612345678  | MOBILE     | true
          0612345678                  | +33612345678  | MOBILE     | true
          +33 6 12 34 56 78           | +33612345678  | MOBILE     | true
          +33 (0)6 12 34 56 78        | +33612345678  | MOBILE     | true
          +33(0)612345678             | +33612345678  | MOBILE     | true
          0033612345678               | +33612345678  | MOBILE     | true
          0033 6 12 34 56 78          | +33612345678  | MOBILE     | true
          33612345678                 | +33612345678  | MOBILE     | true
          +33612345678                | +33612345678  | MOBILE     | true
          07 81 23 45 67              | +33781234567  | MOBILE     | true
          01 42 68 53 00              | +33142685300  | FIXED_LINE | true
          '(01) 42.68.53.00'          | +33142685300  | FIXED_LINE | true
          0690 12 34 56               | +590690123456 | MOBILE     | true
          0692 12 34 56               | +262692123456 | MOBILE     | true
          +32 470 12 34 56            | +32470123456  | MOBILE     | true
          0000000000                  | NULL          | NULL       | false
          +32 0000000001              | NULL          | NULL       | false
          06 11 11 11 11              | NULL          | NULL       | false
          0123456789                  | NULL          | NULL       | false
          12345                       | NULL          | NULL       | false
          pas de téléphone            | NULL          | NULL       | false
          """)
  void frenchNotationsGiveE164(String raw, String e164, String type, boolean valid) {
    NormalizedPhone p = PhoneNormalizer.normalize(raw);
    Expect.equal("phone", "e164", e164, p.e164());
    Expect.equal("phone", "type", type, p.type());
    Expect.equal("phone", "valid", valid, p.valid());
  }

  @ParameterizedTest(name = "blank case {index}")
  @CsvSource(value = {"''", "'   '"})
  void blankIsAbsent(String raw) {
    assertNull(PhoneNormalizer.normalize(raw));
  }

  @Property(tries = 300)
  void normalisingTheE164AgainChangesNothing(@ForAll("phones") String raw) {
    NormalizedPhone once = PhoneNormalizer.normalize(raw);
    if (once != null && once.e164() != null) {
      Expect.equal("property", "phone", once, PhoneNormalizer.normalize(once.e164()));
    }
  }

  @Property(tries = 1000)
  void theFrenchShortcutGivesWhatLibphonenumberParsingGives(@ForAll("nationalForms") String raw) {
    assertSameNumber(raw);
  }

  @Property(tries = 300)
  void anyOtherFormIsParsedByLibphonenumber(@ForAll("phones") String raw) {
    assertSameNumber(raw);
  }

  private static void assertSameNumber(String raw) {
    com.google.i18n.phonenumbers.Phonenumber.PhoneNumber expected;
    try {
      expected = com.google.i18n.phonenumbers.PhoneNumberUtil.getInstance().parse(raw, "FR");
    } catch (com.google.i18n.phonenumbers.NumberParseException e) {
      expected = null;
    }
    var actual = PhoneNormalizer.parseFrench(raw);
    // Counts of agreement only: the numbers are synthetic but stay out of the test output.
    org.junit.jupiter.api.Assertions.assertTrue(
        expected == null ? actual == null : actual != null && expected.exactlySameAs(actual),
        "the shortcut and libphonenumber disagree on a generated number");
  }

  /** Ten digits "0[1-9]...", each gap empty or one of space, dot, hyphen. */
  @Provide
  Arbitrary<String> nationalForms() {
    Arbitrary<String> digits = Arbitraries.strings().withChars("0123456789").ofLength(8);
    Arbitrary<Character> first = Arbitraries.of('1', '2', '3', '4', '5', '6', '7', '8', '9');
    Arbitrary<String> gaps = Arbitraries.strings().withChars("  .-x").ofLength(9);
    return net.jqwik.api.Combinators.combine(first, digits, gaps)
        .as(
            (f, d, g) -> {
              String all = "0" + f + d;
              StringBuilder out = new StringBuilder().append(all.charAt(0));
              for (int i = 1; i < all.length(); i++) {
                char gap = g.charAt(i - 1);
                if (gap != 'x') {
                  out.append(gap);
                }
                out.append(all.charAt(i));
              }
              return out.toString();
            });
  }

  @Provide
  Arbitrary<String> phones() {
    Arbitrary<String> prefix = Arbitraries.of("0", "+33 ", "0033", "+33 (0)", "33", "+32 ", "");
    Arbitrary<String> digits =
        Arbitraries.strings().withChars("0123456789 .-").ofMinLength(4).ofMaxLength(14);
    return net.jqwik.api.Combinators.combine(prefix, digits).as((p, d) -> p + d);
  }
}
