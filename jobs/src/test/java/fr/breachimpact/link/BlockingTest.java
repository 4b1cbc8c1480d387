package fr.breachimpact.link;

import static org.junit.jupiter.api.Assertions.assertEquals;

import fr.breachimpact.config.ModelSettings;
import fr.breachimpact.link.CleanRows.Rec;
import fr.breachimpact.spark.TestSpark;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every rule but the identifiers' joins three quasi-identifiers: a name and a birth date alone
 * would put more customers in one block the larger the population. Each scenario leaves one rule as
 * the only possible route (names, dates and places differ between scenarios), so the pairs it gives
 * are that rule's.
 */
class BlockingTest {
  private static final String LEAK = "auchan-2025-08";
  private static final String BRAND = "Auchan";
  private static Set<String> pairs;

  @BeforeAll
  static void block() {
    CleanRows leaked =
        CleanRows.leaked()
            // Another surname (a maiden name, a typo): only the first name and the date agree.
            .add(
                Rec.of("r-marie", LEAK)
                    .name("marie", "dupont")
                    .born("1980-01-01")
                    .lives("75011", "paris"))
            .add(Rec.of("r-jean", LEAK).name("jean", "martin").born("1970-05-05"))
            // No birth date: the postcode and how the names sound are all there is.
            .add(Rec.of("r-louis", LEAK).name("louis", "bernard").lives("35000", "rennes"))
            // An email alone, at another provider.
            .add(Rec.of("r-email", LEAK).email("jdupont75@gmail.com").lives("75011", "paris"));
    CleanRows customers =
        CleanRows.customers()
            .add(
                Rec.of("c-paris", BRAND)
                    .name("marie", "durand")
                    .born("1980-01-01")
                    .lives("75005", "paris"))
            .add(
                Rec.of("c-marseille", BRAND)
                    .name("marie", "lefevre")
                    .born("1980-01-01")
                    .lives("13001", "marseille"))
            .add(Rec.of("c-jeanne", BRAND).name("jeanne", "martin").born("1970-05-05"))
            .add(Rec.of("c-paul", BRAND).name("paul", "martin").born("1970-05-05"))
            .add(Rec.of("c-lewis", BRAND).name("lewis", "bernart").lives("35000", "rennes"))
            .add(Rec.of("c-pierre", BRAND).name("pierre", "bernard").lives("35000", "rennes"))
            .add(Rec.of("c-orange", BRAND).email("jdupont75@orange.fr").lives("75002", "paris"))
            .add(Rec.of("c-lyon", BRAND).email("jdupont75@free.fr").lives("69003", "lyon"));
    ModelDefinition model =
        ModelDefinition.forLink(ModelSettings.linkDefaults(), "default", "link.model");
    List<BlockingRule> rules = model.rules();
    Dataset<Row> leakedSide =
        LinkSides.leaked(
            leaked.frame(),
            LinkSides.incidentBrands(TestSpark.session(), Map.of(LEAK, List.of(BRAND))));
    pairs = new TreeSet<>();
    Dataset<Row> customerSide =
        LinkSides.customers(customers.frame(), 3, model.termFrequencyColumns());
    for (Row r : Blocking.pairs(leakedSide, customerSide, rules, 200, 1_000_000).collectAsList()) {
      String rule = rules.get(r.<Integer>getAs("rule")).name();
      pairs.add(r.getAs("l_record_id") + " " + r.getAs("r_customer_id") + " " + rule);
    }
  }

  private static Set<String> pairsOf(String recordId) {
    return pairs.stream()
        .filter(p -> p.startsWith(recordId + " "))
        .collect(Collectors.toCollection(TreeSet::new));
  }

  @Test
  void aFirstNameAndBirthDatePairOnlyWithinOneDepartment() {
    assertEquals(
        Set.of("r-marie c-paris " + "first_name+birth_date+department"), pairsOf("r-marie"));
  }

  @Test
  void aSurnameAndBirthDatePairOnlyWithTheSameFirstInitial() {
    assertEquals(
        Set.of("r-jean c-jeanne " + "last_name+first_initial+birth_date"), pairsOf("r-jean"));
  }

  @Test
  void aPostcodePairsSurnamesSoundingAlikeOnlyWithFirstNamesSoundingAlike() {
    assertEquals(
        Set.of("r-louis c-lewis " + "postcode+soundex(last_name)+soundex(first_name)"),
        pairsOf("r-louis"));
  }

  @Test
  void anEmailLocalPartPairsOnlyWithinOneDepartment() {
    assertEquals(Set.of("r-email c-orange " + "email_local_part+department"), pairsOf("r-email"));
  }
}
