package fr.breachimpact.normalize;

import static org.junit.jupiter.api.Assertions.assertNull;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class EmailNormalizerTest {

  @ParameterizedTest(name = "email case {index}")
  @CsvSource(
      delimiter = '|',
      nullValues = "NULL",
      textBlock =
          """
          '  Jean.Dupont@Gmail.com '          | jean.dupont@gmail.com           | jeandupont@gmail.com       | true
          jean.dupont+promo@googlemail.com    | jean.dupont+promo@googlemail.com| jeandupont@gmail.com       | true
          Marie+Auchan@hotmail.fr             | marie+auchan@hotmail.fr         | marie@hotmail.fr           | true
          paul.martin+x@outlook.com           | paul.martin+x@outlook.com       | paul.martin@outlook.com    | true
          marie.curie@orange.fr               | marie.curie@orange.fr           | marie.curie@orange.fr      | true
          x.y+tag@laposte.net                 | x.y+tag@laposte.net             | x.y+tag@laposte.net        | true
          mailto:Paul@Free.fr                 | paul@free.fr                    | paul@free.fr               | true
          paul@élysée.fr                      | paul@xn--lyse-9oad.fr          | paul@xn--lyse-9oad.fr     | true
          paul@xn--lyse-9oad.fr              | paul@xn--lyse-9oad.fr          | paul@xn--lyse-9oad.fr     | true
          not-an-email                        | not-an-email                    | NULL                       | false
          a@b                                 | a@b                             | NULL                       | false
          jean dupont@gmail.com               | jean dupont@gmail.com           | NULL                       | false
          jean@@gmail.com                     | jean@@gmail.com                 | NULL                       | false
          """)
  void normalisesAndKeysByProviderRules(String raw, String normalized, String key, boolean valid) {
    NormalizedEmail e = EmailNormalizer.normalize(raw);
    Expect.equal("email", "normalized", normalized, e.normalized());
    Expect.equal("email", "key", key, e.key());
    Expect.equal("email", "valid", valid, e.valid());
  }

  @ParameterizedTest(name = "blank case {index}")
  @CsvSource(value = {"''", "'   '", "mailto:"})
  void blankIsAbsent(String raw) {
    assertNull(EmailNormalizer.normalize(raw));
  }

  @Property(tries = 500)
  void normalisingTwiceChangesNothing(@ForAll("emails") String raw) {
    NormalizedEmail once = EmailNormalizer.normalize(raw);
    NormalizedEmail twice = once == null ? null : EmailNormalizer.normalize(once.normalized());
    Expect.equal("property", "email", once, twice);
  }

  @Provide
  Arbitrary<String> emails() {
    Arbitrary<String> local =
        Arbitraries.strings().withChars("abcDEFéè.+_-1 ").ofMinLength(0).ofMaxLength(12);
    Arbitrary<String> domain =
        Arbitraries.of(
            "gmail.com",
            "GoogleMail.com",
            "hotmail.fr",
            "orange.fr",
            "élysée.fr",
            "b",
            "x..fr",
            "");
    return Arbitraries.oneOf(
        net.jqwik.api.Combinators.combine(local, domain).as((l, d) -> " " + l + "@" + d),
        Arbitraries.strings().ofMaxLength(20));
  }
}
