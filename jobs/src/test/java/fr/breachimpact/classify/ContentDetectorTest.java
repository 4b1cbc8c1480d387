package fr.breachimpact.classify;

import fr.breachimpact.normalize.Expect;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ContentDetectorTest {

  @ParameterizedTest(name = "detection case {index}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '"',
      textBlock =
          """
          rappeler au 06 12 34 56 78 après 18h                         | CONTACT
          contact: jean.dupont@gmail.com                               | CONTACT
          tel +33 (0)1 42 68 53 00                                     | CONTACT
          RIB FR76 3000 6000 0112 3456 7890 189 merci                  | FINANCIAL
          iban FR7630006000011234567890189                             | FINANCIAL
          carte 4111 1111 1111 1111 exp 12/27                          | FINANCIAL
          NIR 1 85 03 75 123 456 41                                    | GOVERNMENT_ID
          sécu 185037512345641                                         | GOVERNMENT_ID
          Consultation pour douleurs, ordonnance renouvelée            | HEALTH
          DIABÈTE de type 2, traitement par insuline                   | HEALTH
          allergique à la pénicilline                                  | HEALTH
          suivi de grossesse                                           | HEALTH
          mutuelle MGEN                                                |
          "patient vu par le Dr Martin, tel 0612345678"                | HEALTH CONTACT
          client fidèle depuis 2012                                    |
          commande 123456789012 livrée                                 |
          RIB FR76 3000 6000 0112 3456 7890 188                        |
          carte 4111 1111 1111 1112                                    |
          NIR 1 85 03 75 123 456 42                                    |
          tél 0000000000                                               |
          "a@b"                                                        |
          """)
  void findsValidatedIdentifiersAndHealthVocabulary(String text, String expected) {
    Set<Category> want = EnumSet.noneOf(Category.class);
    if (expected != null) {
      Arrays.stream(expected.trim().split("\\s+")).map(Category::valueOf).forEach(want::add);
    }
    Expect.equal("detection", "categories", want, ContentDetector.detect(text));
  }

  @ParameterizedTest(name = "blank case {index}")
  @CsvSource(value = {"''", "'   '"})
  void blankFindsNothing(String text) {
    Expect.equal("blank", "categories", Set.of(), ContentDetector.detect(text));
  }
}
