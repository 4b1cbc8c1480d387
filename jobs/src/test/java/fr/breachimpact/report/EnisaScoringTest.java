package fr.breachimpact.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.breachimpact.config.Circumstances;
import fr.breachimpact.config.ContextAdjustment;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The worked examples of the ENISA 2013 methodology, as this project applies it. */
class EnisaScoringTest {

  private static SeverityScore score(
      List<CategoryEvidence> cats,
      List<ContextAdjustment> adj,
      EnumSet<Identifier> ids,
      Circumstances c) {
    IdentificationEase.Rule rule = IdentificationEase.evaluate(ids);
    return SeverityScore.of(
        DataProcessingContext.score(cats, adj),
        rule,
        IdentificationEase.describe(rule),
        CircumstancesScore.score(c, "manifest.json"));
  }

  @Test
  void supermarketCustomerListWithNamesAndPhonesScoresLow() {
    // A loyalty list of names and phone numbers sent to the wrong recipient: simple data,
    // a name with the person's phone identifies directly (EI 1), limited loss of confidentiality.
    SeverityScore s =
        score(
            List.of(
                new CategoryEvidence("IDENTITY", 500, 0, 0),
                new CategoryEvidence("CONTACT", 500, 0, 0)),
            List.of(),
            EnumSet.of(Identifier.FULL_NAME, Identifier.PHONE),
            new Circumstances("limited", null, null, false));
    assertEquals(1, s.dpc());
    assertEquals(1.0, s.ei());
    assertEquals(0.25, s.cb());
    assertEquals(1.25, s.se());
    assertEquals(EnisaLevel.LOW, s.level());
  }

  @Test
  void supermarketListPublishedByAnAttackerIsMediumWithoutArt34() {
    SeverityScore s =
        score(
            List.of(
                new CategoryEvidence("IDENTITY", 500, 0, 0),
                new CategoryEvidence("CONTACT", 500, 0, 0)),
            List.of(),
            EnumSet.of(Identifier.FULL_NAME, Identifier.PHONE),
            new Circumstances("published", null, null, true));
    assertEquals(2.0, s.se());
    assertEquals(EnisaLevel.MEDIUM, s.level());
    assertEquals(false, s.level().requiresNotification());
  }

  @Test
  void healthDataWithFullIdentificationAndMaliciousPublicationScoresVeryHigh() {
    SeverityScore s =
        score(
            List.of(
                new CategoryEvidence("IDENTITY", 900, 0, 0),
                new CategoryEvidence("HEALTH", 300, 0, 20)),
            List.of(),
            EnumSet.of(Identifier.FULL_NAME, Identifier.BIRTH_DATE, Identifier.EMAIL),
            new Circumstances("published", null, null, true));
    assertEquals(4, s.dpc());
    assertEquals(1.0, s.ei());
    assertEquals(1.0, s.cb());
    assertEquals(5.0, s.se());
    assertEquals(EnisaLevel.VERY_HIGH, s.level());
    assertTrue(s.level().requiresNotification());
    assertTrue(
        s.explanation().contains("HEALTH"), "explanation names the category that drives DPC");
  }

  @Test
  void behaviouralPurchaseHistoryWithNameAndAddressScoresHighWhenSoldMaliciously() {
    SeverityScore s =
        score(
            List.of(new CategoryEvidence("PURCHASE_HISTORY", 50, 0, 0)),
            List.of(),
            EnumSet.of(Identifier.FULL_NAME, Identifier.POSTAL_ADDRESS),
            new Circumstances("sold", null, null, true));
    assertEquals(3.0, s.se());
    assertEquals(EnisaLevel.HIGH, s.level());
  }

  @Test
  void aLoyaltyCardNumberIsSimpleDataAndAPurchaseHistoryBehavioural() {
    var card =
        DataProcessingContext.score(
            List.of(
                new CategoryEvidence("IDENTITY", 50, 0, 0),
                new CategoryEvidence("LOYALTY_ID", 50, 0, 0)),
            List.of());
    assertEquals(1, card.dpc(), card.factors());
    var habits =
        DataProcessingContext.score(
            List.of(
                new CategoryEvidence("LOYALTY_ID", 50, 0, 0),
                new CategoryEvidence("PURCHASE_HISTORY", 50, 0, 0)),
            List.of());
    assertEquals(2, habits.dpc(), habits.factors());
    assertTrue(habits.factors().startsWith("base 2 from PURCHASE_HISTORY"), habits.factors());
  }

  @Test
  void anInsurersNameAloneIsSimpleData() {
    var insurer =
        DataProcessingContext.score(
            List.of(new CategoryEvidence("INSURANCE", 50, 0, 0)), List.of());
    assertEquals(1, insurer.dpc(), insurer.factors());
  }

  @Test
  void contextAdjustmentsMoveDpcAndStayWithinOneToFour() {
    var up =
        DataProcessingContext.score(
            List.of(new CategoryEvidence("CONTACT", 5, 0, 0)),
            List.of(new ContextAdjustment(1, "patients of a teleconsultation service")));
    assertEquals(2, up.dpc());
    assertTrue(up.factors().contains("teleconsultation"));
    var capped =
        DataProcessingContext.score(
            List.of(new CategoryEvidence("HEALTH", 5, 0, 0)),
            List.of(new ContextAdjustment(2, "minors")));
    assertEquals(4, capped.dpc());
    var floor =
        DataProcessingContext.score(
            List.of(new CategoryEvidence("CONTACT", 5, 0, 0)),
            List.of(new ContextAdjustment(-1, "public directory data")));
    assertEquals(1, floor.dpc());
  }

  @Test
  void claimedOnlyCategoryCountsForDpcAndIsNamedSo() {
    var s =
        DataProcessingContext.score(
            List.of(
                new CategoryEvidence("CONTACT", 10, 0, 0),
                new CategoryEvidence("FINANCIAL", 0, 12, 0)),
            List.of());
    assertEquals(3, s.dpc());
    assertTrue(s.factors().contains("FINANCIAL (claimed only)"), s.factors());
  }

  @Test
  void noCategoryGivesTheLowestBase() {
    assertEquals(1, DataProcessingContext.score(List.of(), List.of()).dpc());
  }

  @Test
  void circumstancesAddUpToTwo() {
    var cb =
        CircumstancesScore.score(
            new Circumstances("severe", "limited", "permanent", true), "m.json");
    assertEquals(1.75, cb.cb());
    assertEquals(0.0, CircumstancesScore.score(Circumstances.none(), "m.json").cb());
  }

  @Test
  void availabilityFollowsEnisasTemporaryAndPermanentScale() {
    assertEquals(
        0.25,
        CircumstancesScore.score(new Circumstances(null, null, "temporary", false), "m.json").cb());
    assertEquals(
        0.5,
        CircumstancesScore.score(new Circumstances(null, null, "permanent", false), "m.json").cb());
    assertThrows(
        fr.breachimpact.config.InvalidField.class,
        () -> new Circumstances(null, null, "severe", false));
  }

  @Test
  void levelThresholds() {
    assertEquals(EnisaLevel.LOW, EnisaLevel.of(1.99));
    assertEquals(EnisaLevel.MEDIUM, EnisaLevel.of(2));
    assertEquals(EnisaLevel.MEDIUM, EnisaLevel.of(2.99));
    assertEquals(EnisaLevel.HIGH, EnisaLevel.of(3));
    assertEquals(EnisaLevel.VERY_HIGH, EnisaLevel.of(4));
    assertEquals("very high", EnisaLevel.VERY_HIGH.label());
  }
}
