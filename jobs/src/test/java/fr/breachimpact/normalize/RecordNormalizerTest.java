package fr.breachimpact.normalize;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;

class RecordNormalizerTest {
  private static final RecordNormalizer NORMALIZER =
      new RecordNormalizer(LocalDate.of(2026, 11, 29));

  static final Map<String, DataType> CONTRACT =
      Map.ofEntries(
          Map.entry("first_name_display", DataTypes.StringType),
          Map.entry("first_name_key", DataTypes.StringType),
          Map.entry("last_name_display", DataTypes.StringType),
          Map.entry("last_name_key", DataTypes.StringType),
          Map.entry("birth_date_norm", DataTypes.DateType),
          Map.entry("birth_date_valid", DataTypes.BooleanType),
          Map.entry("gender_norm", DataTypes.StringType),
          Map.entry("email_norm", DataTypes.StringType),
          Map.entry("email_key", DataTypes.StringType),
          Map.entry("email_valid", DataTypes.BooleanType),
          Map.entry("phone_e164", DataTypes.StringType),
          Map.entry("phone_type", DataTypes.StringType),
          Map.entry("phone_valid", DataTypes.BooleanType),
          Map.entry("postcode_norm", DataTypes.StringType),
          Map.entry("department", DataTypes.StringType),
          Map.entry("postcode_valid", DataTypes.BooleanType),
          Map.entry("city_key", DataTypes.StringType),
          Map.entry("street_key", DataTypes.StringType),
          Map.entry("nir_norm", DataTypes.StringType),
          Map.entry("nir_valid", DataTypes.BooleanType),
          Map.entry("nir_consistent", DataTypes.BooleanType),
          Map.entry("iban_valid", DataTypes.BooleanType),
          Map.entry("card_valid", DataTypes.BooleanType),
          Map.entry("card_issuer", DataTypes.StringType),
          Map.entry("password_kind", DataTypes.StringType),
          Map.entry("loyalty_id_norm", DataTypes.StringType));

  private static Map<String, Object> row(Object... kv) {
    Map<String, Object> m = new HashMap<>();
    for (int i = 0; i < kv.length; i += 2) {
      m.put((String) kv[i], kv[i + 1]);
    }
    return m;
  }

  static void assertContractSchema(StructType schema) {
    for (Map.Entry<String, DataType> e : CONTRACT.entrySet()) {
      assertEquals(e.getValue(), schema.apply(e.getKey()).dataType(), e.getKey() + " type");
    }
  }

  @Test
  void addsTheStageTwoColumnsAndKeepsTheRawOnes() {
    Dataset<Row> raw =
        RawFrames.leaked(
            List.of(
                row(
                    "record_id",
                    "r1",
                    "first_name",
                    " Hélène ",
                    "last_name",
                    "DE LA FONTAINE",
                    "birth_date",
                    "15/03/85",
                    "gender",
                    "Mme",
                    "email",
                    " Jean.Dupont+x@Gmail.com",
                    "phone",
                    "+33 (0)6 12 34 56 78",
                    "postcode",
                    "1000",
                    "city",
                    "ST ETIENNE",
                    "street",
                    "12 bd St-Michel",
                    "nir",
                    "2 85 03 75 123 456 ??",
                    "iban",
                    "FR76 3000 6000 0112 3456 7890 189",
                    "card_number",
                    "4111 1111 1111 1111",
                    "password",
                    "5f4dcc3b5aa765d61d8327deb882cf99",
                    "loyalty_id",
                    "ach-0012 3456"),
                row(
                    "record_id",
                    "r2",
                    "full_name",
                    "DUPONT Jean",
                    "birth_date",
                    "31/02/1980",
                    "gender",
                    "h",
                    "nir",
                    "1 85 03 75 123 456 41",
                    "postcode",
                    "20090",
                    "card_number",
                    "4111 1111 1111 1112"),
                row("record_id", "r3")));
    Dataset<Row> out = NORMALIZER.normalize(raw);

    assertContractSchema(out.schema());
    for (String c : raw.columns()) {
      assertTrue(List.of(out.columns()).contains(c), "raw column kept: " + c);
    }
    Map<String, Row> byId =
        out.collectAsList().stream().collect(Collectors.toMap(r -> r.getAs("record_id"), r -> r));

    Row r1 = byId.get("r1");
    Expect.equal("r1", "first_name_display", "Hélène", r1.getAs("first_name_display"));
    Expect.equal("r1", "first_name_key", "helene", r1.getAs("first_name_key"));
    Expect.equal("r1", "last_name_key", "de la fontaine", r1.getAs("last_name_key"));
    Expect.equal(
        "r1", "birth_date_norm", java.sql.Date.valueOf("1985-03-15"), r1.getAs("birth_date_norm"));
    Expect.equal("r1", "birth_date_valid", true, r1.getAs("birth_date_valid"));
    Expect.equal("r1", "gender_norm", "F", r1.getAs("gender_norm"));
    Expect.equal("r1", "email_norm", "jean.dupont+x@gmail.com", r1.getAs("email_norm"));
    Expect.equal("r1", "email_key", "jeandupont@gmail.com", r1.getAs("email_key"));
    Expect.equal("r1", "email_valid", true, r1.getAs("email_valid"));
    Expect.equal("r1", "phone_e164", "+33612345678", r1.getAs("phone_e164"));
    Expect.equal("r1", "phone_type", "MOBILE", r1.getAs("phone_type"));
    Expect.equal("r1", "postcode_norm", "01000", r1.getAs("postcode_norm"));
    Expect.equal("r1", "department", "01", r1.getAs("department"));
    Expect.equal("r1", "city_key", "saint etienne", r1.getAs("city_key"));
    Expect.equal("r1", "street_key", "12 boulevard saint michel", r1.getAs("street_key"));
    Expect.equal("r1", "nir_valid", false, r1.getAs("nir_valid"));
    Expect.equal("r1", "nir_consistent", null, r1.getAs("nir_consistent"));
    Expect.equal("r1", "iban_valid", true, r1.getAs("iban_valid"));
    Expect.equal("r1", "card_valid", true, r1.getAs("card_valid"));
    Expect.equal("r1", "card_issuer", "VISA", r1.getAs("card_issuer"));
    Expect.equal("r1", "password_kind", "MD5", r1.getAs("password_kind"));
    Expect.equal("r1", "loyalty_id_norm", "ACH00123456", r1.getAs("loyalty_id_norm"));

    Row r2 = byId.get("r2");
    Expect.equal("r2", "first_name_display", "Jean", r2.getAs("first_name_display"));
    Expect.equal("r2", "last_name_key", "dupont", r2.getAs("last_name_key"));
    Expect.equal("r2", "birth_date_norm", null, r2.getAs("birth_date_norm"));
    Expect.equal("r2", "birth_date_valid", false, r2.getAs("birth_date_valid"));
    Expect.equal("r2", "nir_norm", "185037512345641", r2.getAs("nir_norm"));
    Expect.equal("r2", "nir_valid", true, r2.getAs("nir_valid"));
    Expect.equal("r2", "nir_consistent", true, r2.getAs("nir_consistent"));
    Expect.equal("r2", "department", "2A", r2.getAs("department"));
    Expect.equal("r2", "card_valid", false, r2.getAs("card_valid"));

    Row r3 = byId.get("r3");
    for (String c : RecordNormalizer.OUTPUT_COLUMNS) {
      Expect.equal("r3", c, null, r3.getAs(c));
    }
  }

  @Test
  void worksOnCustomersThatLackSomeRawColumns() {
    StructType customers =
        new StructType()
            .add("customer_id", DataTypes.StringType)
            .add("brand", DataTypes.StringType)
            .add("first_name", DataTypes.StringType)
            .add("last_name", DataTypes.StringType)
            .add("email", DataTypes.StringType)
            .add("phone", DataTypes.StringType);
    Dataset<Row> raw =
        RawFrames.frame(
            customers,
            List.of(
                row(
                    "customer_id",
                    "c1",
                    "brand",
                    "auchan",
                    "first_name",
                    "Jean",
                    "last_name",
                    "Dupont",
                    "email",
                    "jean.dupont@gmail.com",
                    "phone",
                    "0612345678")));
    Dataset<Row> out = NORMALIZER.normalize(raw);
    assertContractSchema(out.schema());
    assertEquals(
        customers.size() + RecordNormalizer.OUTPUT_COLUMNS.size(),
        out.columns().length,
        "column count");
    Row c1 = out.first();
    Expect.equal("c1", "phone_e164", "+33612345678", c1.getAs("phone_e164"));
    Expect.equal("c1", "iban_valid", null, c1.getAs("iban_valid"));
  }

  @Test
  void sparkColumnRulesAgreeWithTheJavaFunctions() {
    List<String> values =
        List.of(
            "m",
            "Mme",
            "M.",
            "femme",
            "2",
            "x",
            " ",
            "ach-0012 3456",
            "---",
            "azerty",
            "5f4dcc3b5aa765d61d8327deb882cf99",
            "$2a$10$N9qo8uLOickgx2ZMRZoMyeIjZAgcfl7p92ldGxad68LJZdL17lhWy",
            "$argon2id$v=19$m=65536,t=3,p=4$c2FsdA$aGFzaA",
            "pbkdf2_sha256$1$s$h",
            "$6$s$h");
    List<Map<String, Object>> rows =
        values.stream()
            .map(v -> row("record_id", v, "gender", v, "loyalty_id", v, "password", v))
            .toList();
    List<Row> out = NORMALIZER.normalize(RawFrames.leaked(rows)).collectAsList();
    assertEquals(values.size(), out.size(), "rows");
    for (int i = 0; i < out.size(); i++) {
      Row r = out.get(i);
      String v = r.getAs("record_id");
      PasswordKind kind = PasswordClassifier.classify(v);
      Expect.equal("value " + i, "gender", GenderNormalizer.normalize(v), r.getAs("gender_norm"));
      Expect.equal(
          "value " + i, "loyalty", LoyaltyIdNormalizer.normalize(v), r.getAs("loyalty_id_norm"));
      Expect.equal(
          "value " + i, "password", kind == null ? null : kind.name(), r.getAs("password_kind"));
    }
  }
}
