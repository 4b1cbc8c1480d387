package fr.breachimpact.report;

import fr.breachimpact.config.Circumstances;
import fr.breachimpact.config.ContextAdjustment;
import fr.breachimpact.config.IncidentDates;
import fr.breachimpact.config.IncidentManifest;
import fr.breachimpact.spark.TestSpark;
import java.sql.Date;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * Two small incidents with known answers (ids and keys only; no realistic personal data).
 *
 * <pre>
 * shop-2025 (claimed 1000, sequential ids, published + malicious: CB 1)
 *   r1 p1  email                          CONTACT verified
 *   r2 p2  full name, phone               IDENTITY verified, CONTACT claimed
 *   r3 p3  full name, street, postcode    IDENTITY, POSTAL_ADDRESS, PURCHASE_HISTORY verified
 *   r4 p3  email                          CONTACT verified
 * clinic-2025 (notified 500, severe + malicious: CB 1)
 *   r5 p1  full name, birth date          IDENTITY verified, HEALTH detected
 *   r6 p4  full name, birth date          IDENTITY verified, HEALTH verified
 *   r7 --  email (no person from resolve) CONTACT verified
 * customers: Auchan A1..A10, Leroy Merlin L1..L5, group Mulliez
 *   customer_person: A1-p1, L1-p1, A2-p3, A9-p99; customer_matches: r2-A3
 * </pre>
 */
final class ReportFixtures {
  static final LocalDate RUN_DATE = LocalDate.of(2025, 11, 30);
  static final byte[] KEY =
      "fixture-key-0123456789abcdef".getBytes(java.nio.charset.StandardCharsets.UTF_8);

  private ReportFixtures() {}

  static final StructType CATEGORY =
      new StructType().add("code", DataTypes.StringType).add("status", DataTypes.StringType);

  static final StructType LEAKED_CLEAN =
      new StructType()
          .add("record_id", DataTypes.StringType, false)
          .add("incident_id", DataTypes.StringType, false)
          .add("account_id", DataTypes.StringType)
          .add("record_date", DataTypes.StringType)
          .add("first_name_key", DataTypes.StringType)
          .add("last_name_key", DataTypes.StringType)
          .add("birth_date_norm", DataTypes.DateType)
          .add("email_valid", DataTypes.BooleanType)
          .add("phone_valid", DataTypes.BooleanType)
          .add("postcode_valid", DataTypes.BooleanType)
          .add("street_key", DataTypes.StringType)
          .add("nir_valid", DataTypes.BooleanType)
          .add("categories", DataTypes.createArrayType(CATEGORY));

  private static Row cat(String code, String status) {
    return RowFactory.create(code, status);
  }

  private static Row record(
      String id,
      String incident,
      String account,
      String first,
      String last,
      String birth,
      Boolean email,
      Boolean phone,
      Boolean postcode,
      String street,
      Row... cats) {
    return RowFactory.create(
        id,
        incident,
        account,
        null,
        first,
        last,
        birth == null ? null : Date.valueOf(birth),
        email,
        phone,
        postcode,
        street,
        null,
        List.of(cats));
  }

  static Dataset<Row> leakedClean() {
    List<Row> rows =
        List.of(
            record(
                "r1",
                "shop-2025",
                "10",
                null,
                null,
                null,
                true,
                null,
                null,
                null,
                cat("CONTACT", "verified")),
            record(
                "r2",
                "shop-2025",
                "20",
                "k1",
                "k2",
                null,
                null,
                true,
                null,
                null,
                cat("IDENTITY", "verified"),
                cat("CONTACT", "claimed")),
            record(
                "r3",
                "shop-2025",
                "35",
                "k3",
                "k4",
                null,
                null,
                null,
                true,
                "s1",
                cat("IDENTITY", "verified"),
                cat("POSTAL_ADDRESS", "verified"),
                cat("PURCHASE_HISTORY", "verified")),
            record(
                "r4",
                "shop-2025",
                "40",
                null,
                null,
                null,
                true,
                null,
                null,
                null,
                cat("CONTACT", "verified")),
            record(
                "r5",
                "clinic-2025",
                null,
                "k5",
                "k6",
                "1980-01-01",
                null,
                null,
                null,
                null,
                cat("IDENTITY", "verified"),
                cat("HEALTH", "detected")),
            record(
                "r6",
                "clinic-2025",
                null,
                "k7",
                "k8",
                "1990-02-02",
                null,
                null,
                null,
                null,
                cat("IDENTITY", "verified"),
                cat("HEALTH", "verified")),
            record(
                "r7",
                "clinic-2025",
                null,
                null,
                null,
                null,
                true,
                null,
                null,
                null,
                cat("CONTACT", "verified")));
    return spark().createDataFrame(rows, LEAKED_CLEAN);
  }

  static Dataset<Row> recordPerson() {
    StructType s =
        new StructType()
            .add("record_id", DataTypes.StringType)
            .add("incident_id", DataTypes.StringType)
            .add("person_id", DataTypes.StringType);
    return spark()
        .createDataFrame(
            List.of(
                RowFactory.create("r1", "shop-2025", "p1"),
                    RowFactory.create("r2", "shop-2025", "p2"),
                RowFactory.create("r3", "shop-2025", "p3"),
                    RowFactory.create("r4", "shop-2025", "p3"),
                RowFactory.create("r5", "clinic-2025", "p1"),
                    RowFactory.create("r6", "clinic-2025", "p4")),
            s);
  }

  static Dataset<Row> customerPerson() {
    StructType s =
        new StructType()
            .add("customer_id", DataTypes.StringType)
            .add("brand", DataTypes.StringType)
            .add("person_id", DataTypes.StringType);
    return spark()
        .createDataFrame(
            List.of(
                RowFactory.create("A1", "Auchan", "p1"),
                    RowFactory.create("L1", "Leroy Merlin", "p1"),
                RowFactory.create("A2", "Auchan", "p3"), RowFactory.create("A9", "Auchan", "p99")),
            s);
  }

  static Dataset<Row> customerMatches() {
    StructType s =
        new StructType()
            .add("record_id", DataTypes.StringType)
            .add("incident_id", DataTypes.StringType)
            .add("customer_id", DataTypes.StringType)
            .add("brand", DataTypes.StringType)
            .add("method", DataTypes.StringType)
            .add("match_probability", DataTypes.DoubleType);
    return spark()
        .createDataFrame(
            List.of(RowFactory.create("r2", "shop-2025", "A3", "Auchan", "email", 0.99)), s);
  }

  static Dataset<Row> customersClean() {
    StructType s =
        new StructType()
            .add("customer_id", DataTypes.StringType)
            .add("brand", DataTypes.StringType)
            .add("group_name", DataTypes.StringType);
    List<Row> rows = new ArrayList<>();
    for (int i = 1; i <= 10; i++) {
      rows.add(RowFactory.create("A" + i, "Auchan", "Mulliez"));
    }
    for (int i = 1; i <= 5; i++) {
      rows.add(RowFactory.create("L" + i, "Leroy Merlin", "Mulliez"));
    }
    return spark().createDataFrame(rows, s);
  }

  static ImpactReports.Inputs inputs() {
    return new ImpactReports.Inputs(
        leakedClean(), recordPerson(), customerPerson(), customerMatches(), customersClean());
  }

  static List<IncidentInfo> incidents() {
    IncidentManifest shop =
        new IncidentManifest(
            "shop-2025",
            "Shop SA",
            List.of("Auchan"),
            "Mulliez",
            "retail",
            null,
            new IncidentDates(
                LocalDate.of(2025, 7, 20), OffsetDateTime.parse("2025-08-01T10:00:00Z"), null),
            1000L,
            null,
            true,
            new Circumstances("published", null, null, true),
            List.of(),
            List.of());
    IncidentManifest clinic =
        new IncidentManifest(
            "clinic-2025",
            "Clinic SAS",
            List.of(),
            null,
            "health",
            null,
            new IncidentDates(
                LocalDate.of(2025, 11, 25), OffsetDateTime.parse("2025-11-28T08:00:00Z"), null),
            null,
            500L,
            false,
            new Circumstances("severe", null, null, true),
            List.of(new ContextAdjustment(0, "patients")),
            List.of());
    return List.of(
        IncidentInfo.of("clinic-2025", clinic, "clinic/manifest.json"),
        IncidentInfo.of("shop-2025", shop, "shop/manifest.json"));
  }

  static ImpactReports reports(int k) {
    return new ImpactReports(spark(), inputs(), incidents(), new Pseudonymizer(KEY), RUN_DATE, k);
  }

  static SparkSession spark() {
    return TestSpark.session();
  }
}
