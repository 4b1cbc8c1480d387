package fr.breachimpact.normalize;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FullNameSplitterTest {

  @ParameterizedTest(name = "split case {index}")
  @CsvSource(
      quoteCharacter = '"',
      delimiter = '|',
      nullValues = "NULL",
      textBlock =
          """
          DUPONT Jean                  | Jean          | DUPONT
          Jean DUPONT                  | Jean          | DUPONT
          DE LA FONTAINE Marie-Hélène  | Marie-Hélène  | DE LA FONTAINE
          Marie-Hélène D'ARTAGNAN      | Marie-Hélène  | D'ARTAGNAN
          LE GOFF Anne                 | Anne          | LE GOFF
          Jean Dupont                  | Jean          | Dupont
          Jean de la Fontaine          | Jean          | de la Fontaine
          Jean Pierre Martin           | Jean Pierre   | Martin
          "Dupont, Jean"               | Jean          | Dupont
          MARTIN                       | NULL          | MARTIN
          "  Jean    DUPONT  "         | Jean          | DUPONT
          """)
  void capitalsAreTheSurnameElseGivenNamesComeFirst(String raw, String first, String last) {
    SplitName split = FullNameSplitter.split(raw);
    Expect.equal("split", "first", first, split.firstName());
    Expect.equal("split", "last", last, split.lastName());
  }

  @ParameterizedTest(name = "blank case {index}")
  @CsvSource(value = {"''", "'   '"})
  void blankGivesNoName(String raw) {
    SplitName split = FullNameSplitter.split(raw);
    Expect.equal("blank", "first", null, split.firstName());
    Expect.equal("blank", "last", null, split.lastName());
  }
}
