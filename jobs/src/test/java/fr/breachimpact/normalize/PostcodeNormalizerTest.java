package fr.breachimpact.normalize;

import static org.junit.jupiter.api.Assertions.assertNull;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.CharRange;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PostcodeNormalizerTest {

  @ParameterizedTest(name = "postcode case {index}")
  @CsvSource(
      delimiter = '|',
      nullValues = "NULL",
      textBlock =
          """
          75001     | 75001 | 75   | true
          1000      | 01000 | 01   | true
          01000     | 01000 | 01   | true
          '75 001'  | 75001 | 75   | true
          75001.0   | 75001 | 75   | true
          20000     | 20000 | 2A   | true
          20090     | 20090 | 2A   | true
          20167     | 20167 | 2A   | true
          20200     | 20200 | 2B   | true
          20600     | 20600 | 2B   | true
          97100     | 97100 | 971  | true
          97400     | 97400 | 974  | true
          97600     | 97600 | 976  | true
          98800     | 98800 | 988  | true
          00100     | 00100 | NULL | false
          96000     | 96000 | NULL | false
          97700     | 97700 | NULL | false
          750011    | 750011| NULL | false
          ABCDE     | ABCDE | NULL | false
          """)
  void restoresLeadingZeroAndDerivesDepartment(
      String raw, String code, String department, boolean valid) {
    NormalizedPostcode p = PostcodeNormalizer.normalize(raw);
    Expect.equal("postcode", "code", code, p.postcode());
    Expect.equal("postcode", "department", department, p.department());
    Expect.equal("postcode", "valid", valid, p.valid());
  }

  @ParameterizedTest(name = "blank case {index}")
  @CsvSource(value = {"''", "'   '"})
  void blankIsAbsent(String raw) {
    assertNull(PostcodeNormalizer.normalize(raw));
  }

  @Property(tries = 300)
  void normalisingTwiceChangesNothing(
      @ForAll @StringLength(min = 1, max = 7) @CharRange(from = '0', to = '9') String raw) {
    NormalizedPostcode once = PostcodeNormalizer.normalize(raw);
    Expect.equal("property", "postcode", once, PostcodeNormalizer.normalize(once.postcode()));
  }
}
