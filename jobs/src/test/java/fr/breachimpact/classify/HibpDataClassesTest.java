package fr.breachimpact.classify;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.breachimpact.normalize.Expect;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class HibpDataClassesTest {

  @ParameterizedTest(name = "declaration case {index}")
  @CsvSource(
      delimiter = '|',
      nullValues = "NULL",
      quoteCharacter = '"',
      textBlock =
          """
          Email addresses                 | CONTACT
          email ADDRESSES                 | CONTACT
          Phone numbers                   | CONTACT
          Physical addresses              | POSTAL_ADDRESS
          Names                           | IDENTITY
          Dates of birth                  | IDENTITY
          Passwords                       | CREDENTIALS
          Security questions and answers  | CREDENTIALS
          Bank account numbers            | FINANCIAL
          Credit cards                    | FINANCIAL
          Partial credit card data        | FINANCIAL
          Income levels                   | FINANCIAL
          Social security numbers         | GOVERNMENT_ID
          Passport numbers                | GOVERNMENT_ID
          Health insurance information    | HEALTH
          Medical records                 | HEALTH
          Prescriptions                   | HEALTH
          Purchases                       | PURCHASE_HISTORY
          Reward program balances         | LOYALTY_ID
          Geographic locations            | LOCATION
          Religions                       | OTHER_SENSITIVE
          Sexual orientations             | OTHER_SENSITIVE
          Criminal history                | OTHER_SENSITIVE
          HEALTH                          | HEALTH
          financial                       | FINANCIAL
          IP addresses                    | NULL
          no such class                   | NULL
          """)
  void resolvesCodesAndHibpClassNames(String declared, Category expected) {
    Expect.equal(
        "hibp", "category", Optional.ofNullable(expected), HibpDataClasses.resolve(declared));
  }

  @Test
  void schemasCopyEqualsTheClasspathCopy() throws IOException {
    Path documented = Path.of("..", "schemas", "hibp-data-classes.json");
    assertTrue(Files.isRegularFile(documented), "schemas/hibp-data-classes.json exists");
    try (InputStream in = HibpDataClasses.class.getResourceAsStream(HibpDataClasses.RESOURCE)) {
      assertArrayEquals(Files.readAllBytes(documented), in.readAllBytes(), "the two copies differ");
    }
  }

  @Test
  void everyCategoryIsReachableFromSomeHibpClass() {
    for (Category c : Category.values()) {
      assertTrue(HibpDataClasses.table().containsValue(c), c + " has an HIBP class");
    }
  }
}
