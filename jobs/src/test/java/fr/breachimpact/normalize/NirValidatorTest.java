package fr.breachimpact.normalize;

import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.LocalDate;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.CharRange;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Synthetic NIRs whose keys were computed as 97 - (n mod 97). */
class NirValidatorTest {

  @ParameterizedTest(name = "nir case {index}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          185037512345641           | 185037512345641 | true
          1 85 03 75 123 456 41     | 185037512345641 | true
          1.85.03.75.123.456.41     | 185037512345641 | true
          2 90 12 2A 004 123 67     | 290122A00412367 | true
          2 90 12 2a 004 123 67     | 290122A00412367 | true
          2 90 12 2B 033 123 97     | 290122B03312397 | true
          2 90 20 75 123 456 18     | 290207512345618 | true
          1 85 03 99 123 456 72     | 185039912345672 | true
          7 85 03 75 123 456 32     | 785037512345632 | true
          1 85 03 75 123 456 42     | 185037512345642 | false
          1 85 13 75 123 456 41     | 185137512345641 | false
          5 85 03 75 123 456 41     | 585037512345641 | false
          1 85 03 75 123 456        | 1850375123456   | false
          1 85 03 00 123 456 41     | 185030012345641 | false
          """)
  void checksStructureCorsicaAndKey(String raw, String normalized, boolean valid) {
    NirCheck c = NirValidator.check(raw, null, null);
    Expect.equal("nir", "normalized", normalized, c.normalized());
    Expect.equal("nir", "valid", valid, c.valid());
  }

  @ParameterizedTest(name = "consistency case {index}")
  @CsvSource(
      delimiter = '|',
      nullValues = "NULL",
      textBlock =
          """
          M    | 1985-03-15 | true
          M    | NULL       | true
          NULL | 1985-03-15 | true
          F    | 1985-03-15 | false
          M    | 1986-03-15 | false
          M    | 1985-04-15 | false
          M    | 1885-03-15 | true
          NULL | NULL       | NULL
          """)
  void reportsConsistencyWithGenderAndBirthDate(
      String gender, String birthDate, Boolean consistent) {
    NirCheck c =
        NirValidator.check(
            "185037512345641", gender, birthDate == null ? null : LocalDate.parse(birthDate));
    Expect.equal("consistency", "consistent", consistent, c.consistent());
  }

  @ParameterizedTest(name = "month case {index}")
  @CsvSource(delimiter = '|', textBlock = "F | 1990-07-01 | true\nM | 1990-07-01 | false")
  void unknownMonthIsNotCompared(String gender, String birthDate, boolean consistent) {
    // month 20 (unknown month) in the NIR: only sex and year are compared
    NirCheck c = NirValidator.check("290207512345618", gender, LocalDate.parse(birthDate));
    Expect.equal("month", "consistent", consistent, c.consistent());
  }

  @ParameterizedTest(name = "blank case {index}")
  @CsvSource(value = {"''", "'   '"})
  void blankIsAbsent(String raw) {
    assertNull(NirValidator.check(raw, "M", null));
  }

  @Property(tries = 300)
  void checkingTheNormalisedFormAgainChangesNothing(
      @ForAll @StringLength(min = 13, max = 17) @CharRange(from = '0', to = '9') String raw) {
    NirCheck once = NirValidator.check(raw, null, null);
    Expect.equal("property", "nir", once, NirValidator.check(once.normalized(), null, null));
  }
}
