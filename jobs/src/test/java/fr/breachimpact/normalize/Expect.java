package fr.breachimpact.normalize;

import static org.junit.jupiter.api.Assertions.fail;

import java.util.Objects;

/**
 * Assertions whose failure messages name the case and the field, not the values: fixtures look like
 * personal data and test output must not carry it. Set BREACH_IMPACT_TEST_SHOW_VALUES=1 locally to
 * see the values while debugging.
 */
public final class Expect {
  private static final boolean SHOW = System.getenv("BREACH_IMPACT_TEST_SHOW_VALUES") != null;

  private Expect() {}

  public static void equal(String caseId, String field, Object expected, Object actual) {
    if (!Objects.equals(expected, actual)) {
      fail(
          caseId
              + ": "
              + field
              + " differs"
              + (SHOW ? " (expected " + expected + ", got " + actual + ")" : ""));
    }
  }
}
