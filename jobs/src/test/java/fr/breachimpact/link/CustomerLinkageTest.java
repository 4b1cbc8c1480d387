package fr.breachimpact.link;

import static org.apache.spark.sql.functions.col;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.breachimpact.config.LinkConfig;
import fr.breachimpact.config.ModelSettings;
import fr.breachimpact.link.CleanRows.Rec;
import fr.breachimpact.spark.TestSpark;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** One small linkage run holding a scenario per behaviour; each test reads its own records. */
class CustomerLinkageTest {
  private static final String AUCHAN_LEAK = "auchan-2025-08";
  private static final String FT_LEAK = "france-travail-2025-11";
  private static CustomerLinkage.Result result;
  private static List<Row> matches;
  private static List<Row> scored;

  private static Rec a(String id) {
    return Rec.of(id, "Auchan");
  }

  private static Rec lm(String id) {
    return Rec.of(id, "Leroy Merlin");
  }

  @BeforeAll
  static void link() {
    CleanRows customers =
        CleanRows.customers()
            .add(
                a("A-1")
                    .name("jean", "martin")
                    .born("1980-01-01")
                    .lives("75011", "paris")
                    .email("jean.martin@gmail.com")
                    .phone("+33611111111")
                    .loyalty("AU1"))
            .add(a("A-2").name("pierre", "martin").born("1975-05-05").lives("69003", "lyon"))
            .add(a("A-3").name("marie", "martin").born("1990-02-02").lives("13001", "marseille"))
            .add(a("A-4").name("luc", "martin").born("1985-03-03").lives("31000", "toulouse"))
            .add(a("A-5").name("anne", "martin").born("1970-04-04").lives("33000", "bordeaux"))
            .add(a("A-6").name("paul", "martin").born("1965-06-06").lives("59000", "lille"))
            .add(a("A-7").name("anna", "zyskowski").born("1982-07-07").lives("67000", "strasbourg"))
            .add(
                a("A-8")
                    .name("claire", "durand")
                    .born("1950-01-01")
                    .lives("75005", "paris")
                    .phone("+33144444444"))
            .add(
                a("A-9")
                    .name("michel", "durand")
                    .born("1952-02-02")
                    .lives("75005", "paris")
                    .phone("+33144444444"))
            .add(
                a("A-10")
                    .name("sophie", "durand")
                    .born("1980-03-03")
                    .lives("75005", "paris")
                    .phone("+33144444444"))
            .add(
                a("A-11")
                    .name("louis", "durand")
                    .born("1985-04-04")
                    .lives("75005", "paris")
                    .phone("+33144444444"))
            .add(
                a("A-12")
                    .name("bruno", "petit")
                    .born("1977-07-07")
                    .lives("44000", "nantes")
                    .loyalty("AU777"))
            .add(
                a("A-13")
                    .name("helene", "fournier")
                    .born("1960-10-10")
                    .lives("21000", "dijon")
                    .email("helene.f@free.fr")
                    .phone("+33622222222"))
            .add(
                lm("LM-1")
                    .name("chloe", "roux")
                    .born("1991-01-01")
                    .lives("35000", "rennes")
                    .loyalty("AU777"))
            .add(
                lm("LM-2")
                    .name("jean", "martin")
                    .born("1980-01-01")
                    .lives("75011", "paris")
                    .email("jean.martin@orange.fr"));
    CleanRows leaked =
        CleanRows.leaked()
            .add(
                Rec.of("r-martin", AUCHAN_LEAK)
                    .name("jean", "martin")
                    .born("1980-01-01")
                    .lives("75011", "paris"))
            .add(
                Rec.of("r-zysk", AUCHAN_LEAK)
                    .name("anna", "zyskowski")
                    .born("1982-07-07")
                    .lives("67000", "strasbourg"))
            .add(
                Rec.of("r-family", AUCHAN_LEAK)
                    .name("sophie", "durand")
                    .born("1980-03-03")
                    .lives("75005", "paris")
                    .phone("+33144444444"))
            .add(Rec.of("r-loyalty", AUCHAN_LEAK).name(null, "petit").loyalty("AU777"))
            .add(Rec.of("r-loyalty-other-brand", FT_LEAK).name(null, "roux").loyalty("AU777"))
            .add(
                Rec.of("r-no-contact", FT_LEAK)
                    .name("helene", "fournier")
                    .born("1960-10-10")
                    .lives("21000", "dijon"))
            .add(
                Rec.of("r-email", AUCHAN_LEAK)
                    .name("jean", "martin")
                    .email("jean.martin@gmail.com"));
    result =
        CustomerLinkage.link(
            leaked.frame(),
            customers.frame(),
            LinkSides.incidentBrands(
                TestSpark.session(), Map.of(AUCHAN_LEAK, List.of("Auchan"), FT_LEAK, List.of())),
            LinkConfig.defaults(),
            ModelDefinition.forLink(ModelSettings.linkDefaults(), "default", "link.model"),
            null);
    matches = result.matches().orderBy("record_id", "brand").collectAsList();
    scored = result.scoredPairs().collectAsList();
    if (System.getenv("LINK_DEBUG") != null) {
      StringBuilder out = new StringBuilder();
      result.model().describe().forEach(line -> out.append(line).append('\n'));
      for (Row r : scored) {
        out.append(
            r.getAs("l_record_id") + " " + r.getAs("r_customer_id") + " rule=" + r.getAs("rule"));
        for (Comparison c : result.model().comparisons()) {
          out.append(
              " "
                  + c.field()
                  + "="
                  + r.getAs(c.gammaColumn())
                  + "/"
                  + r.getAs(c.bayesFactorColumn()));
        }
        out.append(" w=" + r.getAs("match_weight") + " p=" + r.getAs("match_probability") + "\n");
      }
      try {
        java.nio.file.Files.writeString(java.nio.file.Path.of(System.getenv("LINK_DEBUG")), out);
      } catch (java.io.IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    }
  }

  @AfterAll
  static void release() {
    result.release();
  }

  private static List<Row> matchesOf(String recordId) {
    return matches.stream().filter(r -> r.<String>getAs("record_id").equals(recordId)).toList();
  }

  private static Row scoredPair(String recordId, String customerId) {
    return scored.stream()
        .filter(
            r ->
                r.<String>getAs("l_record_id").equals(recordId)
                    && r.<String>getAs("r_customer_id").equals(customerId))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no candidate pair " + recordId + "/" + customerId));
  }

  @Test
  void twoMartinsAgreeingWeighLessThanTwoZyskowskis() {
    double martin = scoredPair("r-martin", "A-1").getAs("bf_last_name");
    double zyskowski = scoredPair("r-zysk", "A-7").getAs("bf_last_name");
    assertTrue(zyskowski > martin, "bf martin=" + martin + " zyskowski=" + zyskowski);
  }

  @Test
  void aPhoneSharedByMoreCustomersThanAllowedDecidesNothingAlone() {
    List<Row> family = matchesOf("r-family");
    assertFalse(family.stream().anyMatch(r -> "phone".equals(r.getAs("method"))));
    assertFalse(
        family.stream()
            .anyMatch(
                r -> r.<scala.collection.Seq<String>>getAs("keys_agreeing").contains("phone")));
    assertEquals(1, family.size());
    assertEquals("A-10", family.get(0).getAs("customer_id"));
    assertEquals(MatchSelection.PROBABILISTIC, family.get(0).getAs("method"));
  }

  @Test
  void overusedKeyValuesAreDroppedPerBrand() {
    Dataset<Row> customers =
        CleanRows.customers()
            .add(a("x1").phone("+33155555555"))
            .add(a("x2").phone("+33155555555"))
            .add(a("x3").phone("+33155555555"))
            .add(lm("y1").phone("+33155555555"))
            .frame();
    ValueCounts counts = ValueCounts.of(customers, "brand", List.of("phone_e164"), 2, List.of());
    long kept =
        KeyGuard.dropOverused(customers, "brand", "phone_e164", counts.overused("phone_e164"))
            .where(col("phone_e164").isNotNull())
            .count();
    assertEquals(
        1, kept, "three Auchan customers share the phone: only the Leroy Merlin one keeps it");
  }

  @Test
  void aLoyaltyIdMatchesOnlyCustomersOfTheIncidentsBrand() {
    List<Row> loyalty = matchesOf("r-loyalty");
    assertEquals(1, loyalty.size());
    assertEquals("A-12", loyalty.get(0).getAs("customer_id"));
    assertEquals("loyalty_id", loyalty.get(0).getAs("method"));
    assertTrue(
        matchesOf("r-loyalty-other-brand").stream()
            .noneMatch(r -> "loyalty_id".equals(r.getAs("method"))));
  }

  @Test
  void aRecordWithoutEmailAndPhoneIsMatchedOnNamesBirthDateAndAddress() {
    List<Row> noContact = matchesOf("r-no-contact");
    assertEquals(1, noContact.size());
    assertEquals("A-13", noContact.get(0).getAs("customer_id"));
    assertEquals(MatchSelection.PROBABILISTIC, noContact.get(0).getAs("method"));
    double p = noContact.get(0).getAs("match_probability");
    assertTrue(p >= 0.95, "probability " + p);
  }

  @Test
  void aTrustedEmailIsADeterministicMatch() {
    List<Row> email =
        matchesOf("r-email").stream().filter(r -> "Auchan".equals(r.getAs("brand"))).toList();
    assertEquals(1, email.size());
    assertEquals("A-1", email.get(0).getAs("customer_id"));
    assertEquals("email", email.get(0).getAs("method"));
  }

  @Test
  void oneCustomerOfEachBrandForTheSameRecord() {
    List<Row> martin = matchesOf("r-martin");
    assertEquals(
        List.of("Auchan", "Leroy Merlin"),
        martin.stream().map(r -> r.<String>getAs("brand")).toList());
    assertEquals(
        List.of("A-1", "LM-2"), martin.stream().map(r -> r.<String>getAs("customer_id")).toList());
    long distinct =
        matches.stream().map(r -> r.getAs("record_id") + "|" + r.getAs("brand")).distinct().count();
    assertEquals(matches.size(), distinct);
  }

  @Test
  void everyMatchCarriesItsLevelsBayesFactorsAndWeight() {
    assertFalse(matches.isEmpty());
    for (Row m : matches) {
      for (Comparison c : result.model().comparisons()) {
        assertNotNull(m.getAs(c.gammaColumn()), m.getAs("record_id") + " " + c.gammaColumn());
        assertNotNull(
            m.getAs(c.bayesFactorColumn()), m.getAs("record_id") + " " + c.bayesFactorColumn());
      }
      assertNotNull(m.getAs("match_weight"));
      assertNotNull(m.getAs("method"));
      assertNotNull(m.getAs("keys_agreeing"));
    }
  }
}
