package fr.breachimpact.normalize;

import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class BirthDateParserTest {
  private static final LocalDate RUN = LocalDate.of(2026, 11, 29);
  private final BirthDateParser parser = new BirthDateParser(RUN);

  @ParameterizedTest(name = "date case {index}")
  @CsvSource(
      delimiter = '|',
      nullValues = "NULL",
      textBlock =
          """
          15/03/1985           | 1985-03-15
          5/3/1985             | 1985-03-05
          05/03/1985           | 1985-03-05
          1985-03-15           | 1985-03-15
          19850315             | 1985-03-15
          15.03.1985           | 1985-03-15
          15-03-1985           | 1985-03-15
          1985/03/15           | 1985-03-15
          15-03-85             | 1985-03-15
          15/03/85             | 1985-03-15
          15.03.85             | 1985-03-15
          01-01-26             | 2026-01-01
          01-01-27             | 1927-01-01
          01/01/00             | 2000-01-01
          29/02/1980           | 1980-02-29
          ' 15/03/1985 '       | 1985-03-15
          1985-03-15T00:00:00  | 1985-03-15
          1985-03-15 00:00:00  | 1985-03-15
          25569                | 1970-01-01
          32874                | 1990-01-01
          32874.0              | 1990-01-01
          29/11/2026           | 2026-11-29
          """)
  void readsFrenchAndMachineFormats(String raw, String expected) {
    ParsedDate d = parser.parse(raw);
    Expect.equal("date", "valid", true, d.valid());
    Expect.equal("date", "date", LocalDate.parse(expected), d.date());
  }

  @ParameterizedTest(name = "impossible case {index}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          31/02/1980
          29/02/1981
          15/13/1980
          00/01/1980
          32/01/1980
          01/01/1899
          30/11/2026
          01/01/2030
          1985-02-30
          19851315
          00/00/0000
          03/15/1985
          not a date
          99999
          1985
          """)
  void impossibleDatesAreInvalidNotGuessed(String raw) {
    ParsedDate d = parser.parse(raw);
    Expect.equal("impossible", "valid", false, d.valid());
    Expect.equal("impossible", "date", null, d.date());
  }

  @ParameterizedTest(name = "blank case {index}")
  @CsvSource(value = {"''", "'   '"})
  void blankIsAbsent(String raw) {
    assertNull(parser.parse(raw));
  }

  @Property(tries = 300)
  void everyFormatOfADateGivesThatDate(
      @ForAll("dates") LocalDate date, @ForAll("patterns") String pattern) {
    String written = date.format(DateTimeFormatter.ofPattern(pattern));
    Expect.equal("property", "date", date, parser.parse(written).date());
  }

  @Property(tries = 300)
  void parsingTheIsoFormAgainChangesNothing(@ForAll("dateLike") String raw) {
    ParsedDate once = parser.parse(raw);
    if (once != null && once.valid()) {
      Expect.equal("property", "date", once, parser.parse(once.date().toString()));
    }
  }

  @Provide
  Arbitrary<LocalDate> dates() {
    // Two-digit years are only unambiguous within the pivot's century: 1927..2026.
    return Arbitraries.longs()
        .between(0, 36_000)
        .map(d -> LocalDate.of(1927, 1, 1).plusDays(d))
        .filter(d -> !d.isAfter(RUN));
  }

  @Provide
  Arbitrary<String> patterns() {
    return Arbitraries.of(
        "dd/MM/yyyy", "d/M/yyyy", "yyyy-MM-dd", "yyyyMMdd", "dd.MM.yyyy", "dd-MM-yy", "dd/MM/yy");
  }

  @Provide
  Arbitrary<String> dateLike() {
    return Arbitraries.strings().withChars("0123456789/-.").ofMinLength(5).ofMaxLength(10);
  }
}
