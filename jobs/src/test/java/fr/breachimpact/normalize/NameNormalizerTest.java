package fr.breachimpact.normalize;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class NameNormalizerTest {

  @ParameterizedTest(name = "key case {index}")
  @CsvSource(
      quoteCharacter = '"',
      delimiter = '|',
      nullValues = "NULL",
      textBlock =
          """
          Élodie                  | elodie
          "  Jean-Pierre  "       | jean pierre
          JEAN PIERRE             | jean pierre
          D'ARTAGNAN              | d artagnan
          d’Artagnan              | d artagnan
          De La Fontaine          | de la fontaine
          FONTAINE (DE LA)        | de la fontaine
          Fontaine (de la)        | de la fontaine
          Lætitia                 | laetitia
          CŒUR                    | coeur
          Saint-Exupéry           | saint exupery
          St Exupery              | saint exupery
          "François   Xavier"     | francois xavier
          N'Diaye                 | n diaye
          Müller                  | muller
          LE GOFF                 | le goff
          Le  Goff                | le goff
          He\u0301le\u0300ne           | helene
          Jean-Marie.             | jean marie
          "   "                   | NULL
          ""                      | NULL
          """)
  void keyFoldsAccentsCaseAndPunctuation(String raw, String expectedKey) {
    Expect.equal("name", "key", expectedKey, NameNormalizer.key(raw));
  }

  @ParameterizedTest(name = "display case {index}")
  @CsvSource(
      delimiter = '|',
      nullValues = "NULL",
      textBlock =
          """
          '  Jean   Pierre '        | Jean Pierre
          He\u0301le\u0300ne             | Hélène
          DUPONT                    | DUPONT
          'Marie\u00A0Claire'       | Marie Claire
          ' '                       | NULL
          """)
  void displayIsNfcWithSingleSpacesAndCaseKept(String raw, String expected) {
    Expect.equal("name", "display", expected, NameNormalizer.display(raw));
  }

  @Property(tries = 300)
  void keyIsIdempotent(@ForAll String raw) {
    String once = NameNormalizer.key(raw);
    Expect.equal("property", "key", once, NameNormalizer.key(once));
    Expect.equal(
        "property", "key of display", once, NameNormalizer.key(NameNormalizer.display(raw)));
  }

  @Property(tries = 300)
  void displayIsIdempotent(@ForAll String raw) {
    String once = NameNormalizer.display(raw);
    Expect.equal("property", "display", once, NameNormalizer.display(once));
  }
}
