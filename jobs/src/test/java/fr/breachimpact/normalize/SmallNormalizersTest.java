package fr.breachimpact.normalize;

import static org.junit.jupiter.api.Assertions.assertNull;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Password kinds, gender, loyalty ids and address keys. */
class SmallNormalizersTest {

  @ParameterizedTest(name = "password case {index}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          motdepasse123                                                  | PLAIN
          ' azerty '                                                     | PLAIN
          $2a$10$N9qo8uLOickgx2ZMRZoMyeIjZAgcfl7p92ldGxad68LJZdL17lhWy   | BCRYPT
          $2y$12$N9qo8uLOickgx2ZMRZoMyeIjZAgcfl7p92ldGxad68LJZdL17lhWy   | BCRYPT
          $2a$10$tooshort                                                | PLAIN
          5f4dcc3b5aa765d61d8327deb882cf99                               | MD5
          5F4DCC3B5AA765D61D8327DEB882CF99                               | MD5
          5baa61e4c9b93f3f0682250b6cf8331b7ee68fd8                       | SHA1
          5e884898da28047151d0e56f8dc6292773603d0d6aabbdd62a11ef721d1542d8 | SHA256
          $argon2id$v=19$m=65536,t=3,p=4$c2FsdHNhbHQ$aGFzaGhhc2g        | ARGON2
          pbkdf2_sha256$260000$salt$aGFzaA==                             | PBKDF2
          $6$rounds=5000$salt$hash                                       | SHA512_CRYPT
          $1$salt$hash                                                   | MD5_CRYPT
          5f4dcc3b5aa765d61d8327deb882cf9                                | PLAIN
          """)
  void passwordKindByShape(String raw, PasswordKind kind) {
    Expect.equal("password", "kind", kind, PasswordClassifier.classify(raw));
  }

  @ParameterizedTest(name = "sha512 case")
  @CsvSource(
      "b109f3bbbc244eb82441917ed06d618b9008dd09b3befd1b5e07394c706a8bb980b1d7785e5976ec049b46df5f1326af5a2ea6d103fd07c95385ffab0cacbc86")
  void sha512IsRecognised(String raw) {
    Expect.equal("password", "kind", PasswordKind.SHA512, PasswordClassifier.classify(raw));
  }

  @ParameterizedTest(name = "exposure case {index}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          "PLAIN | PLAINTEXT\nMD5 | FAST_HASH\nSHA1 | FAST_HASH\nBCRYPT | SLOW_HASH\nARGON2 | SLOW_HASH")
  void plainAndFastHashesExposeMoreThanSlowHashes(
      PasswordKind kind, PasswordKind.Exposure exposure) {
    Expect.equal("exposure", "exposure", exposure, kind.exposure());
  }

  @ParameterizedTest(name = "gender case {index}")
  @CsvSource(
      delimiter = '|',
      nullValues = "NULL",
      textBlock =
          """
          m | M
          M | M
          H | M
          homme | M
          Male | M
          Monsieur | M
          M. | M
          Mr | M
          1 | M
          f | F
          Femme | F
          female | F
          Madame | F
          MME | F
          Mlle | F
          2 | F
          féminin | F
          x | NULL
          autre | NULL
          """)
  void genderFromCivilityAndCodes(String raw, String expected) {
    Expect.equal("gender", "gender", expected, GenderNormalizer.normalize(raw));
  }

  @ParameterizedTest(name = "loyalty case {index}")
  @CsvSource(
      delimiter = '|',
      nullValues = "NULL",
      textBlock =
          """
          ach-0012 3456 | ACH00123456
          0012345678    | 0012345678
          ' lm 42 '     | LM42
          ---           | NULL
          """)
  void loyaltyIdKeepsLettersAndDigits(String raw, String expected) {
    Expect.equal("loyalty", "id", expected, LoyaltyIdNormalizer.normalize(raw));
  }

  @ParameterizedTest(name = "city case {index}")
  @CsvSource(
      quoteCharacter = '"',
      delimiter = '|',
      textBlock =
          """
          Saint-Étienne      | saint etienne
          ST ETIENNE         | saint etienne
          Ste-Foy-lès-Lyon   | sainte foy les lyon
          PARIS CEDEX 08     | paris
          L'Haÿ-les-Roses    | l hay les roses
          """)
  void cityKeyFoldsAndSpellsOutSaint(String raw, String expected) {
    Expect.equal("city", "key", expected, AddressKeys.cityKey(raw));
  }

  @ParameterizedTest(name = "street case {index}")
  @CsvSource(
      quoteCharacter = '"',
      delimiter = '|',
      textBlock =
          """
          12 bd St-Michel            | 12 boulevard saint michel
          12, Boulevard Saint Michel | 12 boulevard saint michel
          3 av. de l'Opéra           | 3 avenue de l opera
          5 bis rue du Général Leclerc | 5 bis rue du general leclerc
          """)
  void streetKeySpellsOutAbbreviations(String raw, String expected) {
    Expect.equal("street", "key", expected, AddressKeys.streetKey(raw));
  }

  @ParameterizedTest(name = "blank case {index}")
  @CsvSource(value = {"''", "'   '"})
  void blankIsAbsent(String raw) {
    assertNull(PasswordClassifier.classify(raw));
    assertNull(AddressKeys.cityKey(raw));
    assertNull(AddressKeys.streetKey(raw));
    assertNull(LoyaltyIdNormalizer.normalize(raw));
    assertNull(GenderNormalizer.normalize(raw));
  }

  @Property(tries = 200)
  void keysAreIdempotent(@ForAll String raw) {
    String city = AddressKeys.cityKey(raw);
    String street = AddressKeys.streetKey(raw);
    String loyalty = LoyaltyIdNormalizer.normalize(raw);
    Expect.equal("property", "city", city, AddressKeys.cityKey(city));
    Expect.equal("property", "street", street, AddressKeys.streetKey(street));
    Expect.equal("property", "loyalty", loyalty, LoyaltyIdNormalizer.normalize(loyalty));
  }
}
