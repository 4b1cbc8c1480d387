package fr.breachimpact.classify;

import static org.junit.jupiter.api.Assertions.assertEquals;

import fr.breachimpact.normalize.Expect;
import fr.breachimpact.normalize.RawFrames;
import fr.breachimpact.normalize.RecordNormalizer;
import fr.breachimpact.testing.Frames;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.ArrayType;
import org.apache.spark.sql.types.DataTypes;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import scala.collection.JavaConverters;

/** One tiny frame, one row per rule; each row's expected categories as "CODE:status" pairs. */
class ClassifierTest {
  private static final RecordNormalizer NORMALIZER =
      new RecordNormalizer(LocalDate.of(2026, 11, 29));
  private static final String BCRYPT =
      "$2a$10$N9qo8uLOickgx2ZMRZoMyeIjZAgcfl7p92ldGxad68LJZdL17lhWy";
  private static final String IBAN = "FR76 3000 6000 0112 3456 7890 189";

  private static final Map<String, Map<String, Object>> ROWS = new LinkedHashMap<>();
  private static final Map<String, String> EXPECTED = new LinkedHashMap<>();
  private static Map<String, Row> classified;

  private static void fixture(String id, String expected, Object... kv) {
    Map<String, Object> m = new HashMap<>();
    m.put("record_id", id);
    for (int i = 0; i < kv.length; i += 2) {
      m.put((String) kv[i], kv[i + 1]);
    }
    ROWS.put(id, m);
    EXPECTED.put(id, expected);
  }

  private static scala.collection.Map<String, String> map(String... kv) {
    Map<String, String> m = new TreeMap<>();
    for (int i = 0; i < kv.length; i += 2) {
      m.put(kv[i], kv[i + 1]);
    }
    return JavaConverters.mapAsScalaMap(m);
  }

  static {
    fixture(
        "identity",
        "IDENTITY:verified",
        "first_name",
        "Jean",
        "last_name",
        "DUPONT",
        "birth_date",
        "15/03/1985",
        "gender",
        "M");
    fixture("identity-bad-date", "IDENTITY:claimed", "birth_date", "31/02/1980");
    fixture("identity-full-name", "IDENTITY:verified", "full_name", "DE LA FONTAINE Marie-Hélène");
    fixture("email", "CONTACT:verified", "email", "jean.dupont@gmail.com");
    fixture("email-bad", "CONTACT:claimed", "email", "jean.dupont at gmail");
    fixture("phone-beats-bad-email", "CONTACT:verified", "phone", "06 12 34 56 78", "email", "bad");
    fixture("phone-bad", "CONTACT:claimed", "phone", "06 12 34");
    fixture("phone-placeholder-is-no-data", "", "phone", "0000000000");
    fixture(
        "address",
        "POSTAL_ADDRESS:verified",
        "street",
        "12 rue de la Paix",
        "postcode",
        "75002",
        "city",
        "Paris");
    fixture("postcode-bad", "POSTAL_ADDRESS:claimed", "postcode", "00100");
    fixture("country-alone", "");
    fixture(
        "loyalty-card-is-simple-data",
        "LOYALTY_ID:verified",
        "loyalty_id",
        "ACH-001",
        "loyalty_balance",
        "0");
    fixture(
        "purchase-history-is-behavioural",
        "PURCHASE_HISTORY:verified",
        "purchase_history",
        "couches bébé x3");
    fixture(
        "insurer-alone-is-insurance-not-health",
        "INSURANCE:verified",
        "health_insurance",
        "Harmonie Mutuelle");
    fixture(
        "insurer-with-health-field",
        "HEALTH:verified INSURANCE:verified",
        "health_insurance",
        "MGEN",
        "health_info",
        "angine");
    fixture("location", "LOCATION:verified", "geolocation", "48.8566, 2.3522");
    fixture("location-text", "LOCATION:claimed", "geolocation", "près de la gare");
    fixture("password-hash", "CREDENTIALS:verified", "password", BCRYPT);
    fixture("password-plain", "CREDENTIALS:verified", "password", "azerty");
    fixture(
        "nir",
        "IDENTITY:verified GOVERNMENT_ID:verified",
        "nir",
        "1 85 03 75 123 456 41",
        "gender",
        "M");
    fixture("nir-bad", "GOVERNMENT_ID:claimed", "nir", "1 85 03 75 123 456 42");
    fixture("passport", "GOVERNMENT_ID:verified", "passport_number", "12AB34567");
    fixture("iban", "FINANCIAL:verified", "iban", IBAN);
    fixture("card-bad", "FINANCIAL:claimed", "card_number", "4111 1111 1111 1112");
    fixture("income", "FINANCIAL:verified", "income", "35000");
    fixture("health", "HEALTH:verified", "health_info", "angine");
    fixture("sensitive", "OTHER_SENSITIVE:verified", "sensitive_info", "syndiqué");
    fixture(
        "detected-in-extra",
        "FINANCIAL:detected HEALTH:detected",
        "extra",
        map("commentaire", "RIB " + IBAN + ", diabète"));
    fixture(
        "detected-nir-phone-email",
        "CONTACT:detected GOVERNMENT_ID:detected",
        "extra",
        map("notes", "secu 185037512345641", "autre", "écrire à x.y@orange.fr"));
    fixture(
        "declared-hibp",
        "HEALTH:verified",
        "extra",
        map("motif", "angine"),
        "extra_categories",
        map("motif", "Medical records"));
    fixture(
        "declared-code",
        "FINANCIAL:verified",
        "extra",
        map("revenu", "élevé"),
        "extra_categories",
        map("revenu", "financial"));
    fixture(
        "declared-but-empty", "", "extra", map("x", " "), "extra_categories", map("x", "CONTACT"));
    fixture(
        "verified-not-downgraded",
        "CONTACT:verified",
        "email",
        "jean.dupont@gmail.com",
        "extra",
        map("note", "tel 06 12 34 56 78"));
    fixture(
        "claimed-not-downgraded",
        "CONTACT:claimed",
        "email",
        "pas un email",
        "extra",
        map("note", "tel 06 12 34 56 78"));
    fixture(
        "detected-in-free-text",
        "FINANCIAL:detected HEALTH:verified",
        "health_info",
        "rembourser sur " + IBAN);
    fixture(
        "placeholders",
        "",
        "gender",
        "N/A",
        "health_info",
        "-",
        "sensitive_info",
        "null",
        "city",
        "...");
    fixture("nothing", "");
    ROWS.get("country-alone").put("country", "France");
  }

  @BeforeAll
  static void classify() {
    Dataset<Row> raw = RawFrames.leaked(new ArrayList<>(ROWS.values()));
    Dataset<Row> out = raw.transform(NORMALIZER::normalize).transform(new Classifier()::classify);
    assertEquals(
        DataTypes.createArrayType(Classifier.ENTRY, true).simpleString(),
        ((ArrayType) out.schema().apply(Classifier.COLUMN).dataType()).simpleString(),
        "categories type");
    classified = new HashMap<>();
    for (Row r : out.collectAsList()) {
      classified.put(r.getAs("record_id"), r);
    }
  }

  static String categories(Row r) {
    List<Row> entries = r.getList(r.fieldIndex(Classifier.COLUMN));
    List<String> parts = new ArrayList<>();
    for (Row e : entries) {
      parts.add(e.getString(0) + ":" + e.getString(1));
    }
    return String.join(" ", parts);
  }

  @Test
  void everyRuleGivesItsCategoryWithTheStrongestStatus() {
    assertEquals(ROWS.size(), classified.size(), "rows");
    for (Map.Entry<String, String> e : EXPECTED.entrySet()) {
      // ids and category codes only: no fixture value in the message
      Expect.equal(e.getKey(), "categories", e.getValue(), categories(classified.get(e.getKey())));
    }
  }

  @Test
  void refusesAFrameThatWasNotNormalised() {
    Dataset<Row> raw = RawFrames.leaked(List.of(ROWS.get("email")));
    org.junit.jupiter.api.Assertions.assertThrows(
        IllegalArgumentException.class, () -> new Classifier().classify(raw));
  }

  @Test
  void passwordKindIsRecorded() {
    Expect.equal(
        "password-hash",
        "password_kind",
        "BCRYPT",
        classified.get("password-hash").getAs("password_kind"));
    Expect.equal(
        "password-plain",
        "password_kind",
        "PLAIN",
        classified.get("password-plain").getAs("password_kind"));
  }

  @Test
  void outputDoesNotDependOnPartitioningOrRowOrder() {
    List<Map<String, Object>> reversed = new ArrayList<>(ROWS.values());
    java.util.Collections.reverse(reversed);
    Dataset<Row> one = RawFrames.leaked(new ArrayList<>(ROWS.values())).repartition(1);
    Dataset<Row> many = RawFrames.leaked(reversed).repartition(5);
    Frames.assertEqual(
        one.transform(NORMALIZER::normalize)
            .transform(new Classifier()::classify)
            .orderBy("record_id"),
        many.transform(NORMALIZER::normalize)
            .transform(new Classifier()::classify)
            .orderBy("record_id"));
  }

  @Test
  void eachCategoryAppearsOnce() {
    for (Row r : classified.values()) {
      List<Row> entries = r.getList(r.fieldIndex(Classifier.COLUMN));
      assertEquals(
          entries.stream().map(e -> e.getString(0)).distinct().count(),
          entries.size(),
          "duplicates");
    }
  }
}
