package fr.breachimpact.link;

import static org.junit.jupiter.api.Assertions.assertEquals;

import fr.breachimpact.link.CleanRows.Rec;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class ComparisonLevelsTest {
  private static final List<Rec> LEFT = new ArrayList<>();
  private static final List<Rec> RIGHT = new ArrayList<>();
  private static Map<String, Row> pairs;

  private static void pair(String id, Rec left, Rec right) {
    LEFT.add(left);
    RIGHT.add(right);
  }

  private static Rec l(String id) {
    return Rec.of(id, "inc");
  }

  private static Rec r(String id) {
    return Rec.of(id, "Auchan");
  }

  @BeforeAll
  static void comparePairs() {
    pair("n-exact", l("n-exact").name("jean", "dupont"), r("n-exact").name("jean", "dupont"));
    pair("n-jw92", l("n-jw92").name("jonathan", "dupont"), r("n-jw92").name("jonathon", "dupond"));
    pair("n-jw80", l("n-jw80").name("jean", "dupont"), r("n-jw80").name("jenna", "dumont"));
    pair("n-initial", l("n-initial").name("j", "dupont"), r("n-initial").name("jean", "dupont"));
    pair("n-swapped", l("n-swapped").name("dupont", "jean"), r("n-swapped").name("jean", "dupont"));
    pair("n-else", l("n-else").name("jean", "dupont"), r("n-else").name("marie", "lefebvre"));
    pair("n-null", l("n-null").name(null, "dupont"), r("n-null").name("jean", "dupont"));
    pair("b-exact", l("b-exact").born("1980-03-12"), r("b-exact").born("1980-03-12"));
    pair(
        "b-transposed", l("b-transposed").born("1980-03-12"), r("b-transposed").born("1980-12-03"));
    pair("b-year", l("b-year").born("1980-03-12"), r("b-year").born("1980-07-01"));
    pair("b-else", l("b-else").born("1980-03-12"), r("b-else").born("1975-03-12"));
    pair("b-digit", l("b-digit").born("1980-03-12"), r("b-digit").born("1980-03-17"));
    pair("b-month", l("b-month").born("1980-03-12"), r("b-month").born("1980-03-28"));
    pair("p-exact", l("p-exact").lives("75011", "paris"), r("p-exact").lives("75011", "paris"));
    pair("p-dep", l("p-dep").lives("75011", "paris"), r("p-dep").lives("75020", "pariss"));
    pair("p-digit", l("p-digit").lives("75011", "paris"), r("p-digit").lives("75015", "paris"));
    pair("c-exact", l("c-exact").lives(null, "paris"), r("c-exact").lives("75012", "paris"));
    pair("c-jw", l("c-jw").lives(null, "paris"), r("c-jw").lives(null, "pariss"));
    pair(
        "a-same",
        l("a-same").lives("75011", "paris").street("12 rue de la paix"),
        r("a-same").lives("75011", "paris").street("12 rue de la paix"));
    pair(
        "a-typo",
        l("a-typo").lives("75011", "paris").street("12 rue de la paix"),
        r("a-typo").lives("75011", "paris").street("12 rue de la pai"));
    pair("p-else", l("p-else").lives("75011", "paris"), r("p-else").lives("69003", "lyon"));
    pair(
        "e-exact",
        l("e-exact").email("jean.dupont@gmail.com"),
        r("e-exact").email("jean.dupont@gmail.com"));
    pair(
        "e-local",
        l("e-local").email("jean.dupont@gmail.com"),
        r("e-local").email("jean.dupond@orange.fr"));
    pair(
        "e-else", l("e-else").email("jean.dupont@gmail.com"), r("e-else").email("zorro77@free.fr"));
    pair(
        "e-placeholder",
        l("e-placeholder").email("contact@gmail.com"),
        r("e-placeholder").email("contact@gmail.com"));
    pair("t-exact", l("t-exact").phone("+33612345678"), r("t-exact").phone("+33612345678"));
    pair("t-else", l("t-else").phone("+33612345678"), r("t-else").phone("+33798765432"));
    pair("t-digit", l("t-digit").phone("+33612345678"), r("t-digit").phone("+33612345679"));
    pair(
        "t-placeholder",
        l("t-placeholder").phone("+33600000000"),
        r("t-placeholder").phone("+33600000000"));
    pairs = PairLevels.compare(LEFT, RIGHT);
  }

  private static void assertLevel(String pair, String field, String expected) {
    assertEquals(expected, PairLevels.level(pairs.get(pair), field), pair + " " + field);
  }

  @Test
  void namesHaveExactJaroWinklerInitialSwappedAndElseLevels() {
    assertLevel("n-exact", "first_name", "exact");
    assertLevel("n-exact", "last_name", "exact");
    assertLevel("n-jw92", "first_name", "jaro_winkler_0.92");
    assertLevel("n-jw92", "last_name", "jaro_winkler_0.92");
    assertLevel("n-jw80", "first_name", "jaro_winkler_0.80");
    assertLevel("n-jw80", "last_name", "jaro_winkler_0.80");
    assertLevel("n-initial", "first_name", "initial");
    assertLevel("n-swapped", "first_name", "swapped");
    assertLevel("n-swapped", "last_name", "swapped");
    assertLevel("n-else", "first_name", "else");
    assertLevel("n-else", "last_name", "else");
    assertLevel("n-null", "first_name", "null");
  }

  @Test
  void birthDatesHaveExactTransposedOneDigitSameMonthWithinAYearAndElseLevels() {
    assertLevel("b-exact", "birth_date", "exact");
    assertLevel("b-transposed", "birth_date", "date_transposed");
    assertLevel("b-year", "birth_date", "within_years_1");
    assertLevel("b-else", "birth_date", "else");
    assertLevel("b-digit", "birth_date", "date_one_digit");
    assertLevel("b-month", "birth_date", "same_month_year");
    assertLevel("n-exact", "birth_date", "null");
  }

  @Test
  void
      addressesHaveWholeAddressPostcodeOneDigitDepartmentAndElseLevelsAndCityCountsOnlyWithoutPostcode() {
    assertLevel("a-same", "address", "same_address_key");
    assertLevel("a-typo", "address", "jaro_winkler_0.92_address_key");
    assertLevel("p-exact", "address", "exact");
    assertLevel("p-digit", "address", "levenshtein_1");
    assertLevel("p-dep", "address", "same_department");
    assertLevel("p-else", "address", "else");
    assertLevel("p-exact", "city", "null");
    assertLevel("p-dep", "city", "null");
    assertLevel("c-exact", "city", "exact");
    assertLevel("c-jw", "city", "jaro_winkler_0.90");
    assertLevel("c-exact", "address", "null");
  }

  @Test
  void emailsAndPhonesHaveExactSimilarAndElseLevelsAndIgnorePlaceholders() {
    assertLevel("e-exact", "email", "exact");
    assertLevel("e-local", "email", "levenshtein_2_email_local_part");
    assertLevel("e-else", "email", "else");
    assertLevel("e-placeholder", "email", "null");
    assertLevel("t-exact", "phone", "exact");
    assertLevel("t-else", "phone", "else");
    assertLevel("t-digit", "phone", "levenshtein_1");
    assertLevel("t-placeholder", "phone", "null");
  }

  @Test
  void trustedKeysAgreeOnlyOnRealValues() {
    Row email = pairs.get("e-exact");
    assertEquals(true, email.getBoolean(email.fieldIndex("key_email")));
    Row placeholder = pairs.get("e-placeholder");
    assertEquals(false, placeholder.getBoolean(placeholder.fieldIndex("key_email")));
    Row phone = pairs.get("t-placeholder");
    assertEquals(false, phone.getBoolean(phone.fieldIndex("key_phone")));
  }
}
