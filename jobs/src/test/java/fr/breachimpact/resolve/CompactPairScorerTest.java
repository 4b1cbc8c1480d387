package fr.breachimpact.resolve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.breachimpact.config.ResolveConfig;
import fr.breachimpact.resolve.CompactPairScorer.Party;
import fr.breachimpact.resolve.CompactPairScorer.Weights;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class CompactPairScorerTest {
  private static final double THRESHOLD = ResolveConfig.defaults().matchThreshold();
  private static final Weights W = Weights.defaults();
  private static final LocalDate DOB = LocalDate.of(1984, 3, 12);

  private static Party party(String first, String last, LocalDate dob, String email, String phone,
      String postcode) {
    return new Party(first, last, dob, email, phone, null, postcode,
        postcode == null ? null : postcode.substring(0, 2));
  }

  private static double weight(Party a, Party b) {
    return CompactPairScorer.weight(W, a, b);
  }

  @Test
  void samePersonWithNamesBirthDateAndPostcodeLinks() {
    Party a = party("camille", "lefebvre", DOB, null, null, "59000");
    assertTrue(weight(a, a) >= THRESHOLD);
  }

  @Test
  void typoInNameAndAMoveWithinTheDepartmentStillLinks() {
    Party a = party("camille", "lefebvre", DOB, null, null, "59000");
    Party b = party("camile", "lefebvre", DOB, null, null, "59800");
    assertTrue(weight(a, b) >= THRESHOLD, "weight " + weight(a, b));
  }

  @Test
  void swappedFirstAndLastNamesCountAsAgreement() {
    Party a = party("camille", "lefebvre", DOB, null, null, "59000");
    Party b = party("lefebvre", "camille", DOB, null, null, "59000");
    assertEquals(weight(a, a), weight(a, b));
  }

  @Test
  void genericNameAndPostcodeWithoutBirthDateDoNotLink() {
    Party a = party("jean", "martin", null, null, null, "75011");
    assertTrue(weight(a, a) < THRESHOLD, "weight " + weight(a, a));
  }

  @Test
  void familySharingAPhoneDoesNotLink() {
    Party parent = party("sophie", "bernard", LocalDate.of(1970, 5, 2), null, "+33145678901", "69003");
    Party child = party("lucas", "bernard", LocalDate.of(2001, 9, 30), null, "+33145678901", "69003");
    assertTrue(weight(parent, child) < THRESHOLD, "weight " + weight(parent, child));
    Party childNoBirth = party("lucas", "bernard", null, null, "+33145678901", "69003");
    assertTrue(weight(parent, childNoBirth) < THRESHOLD);
  }

  @Test
  void sharedEmailWithNamesLinksEvenWithoutBirthDate() {
    Party a = party("camille", "lefebvre", null, "camille.l@example.org", null, null);
    Party b = party("camille", "lefebvre", DOB, "camille.l@example.org", "+33612345678", "59000");
    assertTrue(weight(a, b) >= THRESHOLD);
  }

  @Test
  void transposedDayAndMonthIsPartialAgreement() {
    Party a = party("camille", "lefebvre", LocalDate.of(1984, 3, 12), null, null, "59000");
    Party b = party("camille", "lefebvre", LocalDate.of(1984, 12, 3), null, null, "59000");
    assertEquals(W.firstExact() + W.lastExact() + W.birthPartial() + W.postcodeExact(), weight(a, b));
  }
}
