package fr.breachimpact.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.breachimpact.classify.Classifier;
import fr.breachimpact.config.IngestConfig;
import fr.breachimpact.config.LoadedConfig;
import fr.breachimpact.ingest.Incident;
import fr.breachimpact.ingest.IncidentCatalog;
import fr.breachimpact.ingest.IngestPlanner;
import fr.breachimpact.ingest.IngestStage;
import fr.breachimpact.normalize.RecordNormalizer;
import fr.breachimpact.spark.TestSpark;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The worked cases of the ENISA 2013 methodology, each written as a manifest and a generated CSV
 * file and taken through ingest, normalisation, classification and the severity report as the
 * nightly run takes them; plus the committed example auchan-2025-08 with generated files.
 */
class EnisaWorkedCasesTest {
  private static final LocalDate RUN_DATE = LocalDate.of(2025, 12, 1);
  private static final String[] FIRST = {"Anne", "Paul", "Lea", "Marc", "Nina", "Hugo"};
  private static final String[] LAST = {"Durand", "Petit", "Moreau", "Roux", "Blanc"};
  private static final int ROWS = 30;

  @TempDir static Path dir;
  private static Map<String, Row> severity;

  private static String first(int i) {
    return FIRST[i % FIRST.length];
  }

  private static String last(int i) {
    return LAST[i % LAST.length] + (char) ('a' + i % 26);
  }

  private static String phone(int i) {
    return String.format("06 12 34 %02d %02d", i / 10, i % 100);
  }

  private static String email(int i) {
    return first(i).toLowerCase() + "." + last(i).toLowerCase() + i + "@exemple.fr";
  }

  /** A 16-digit Visa number passing Luhn, generated from i. */
  private static String card(int i) {
    String body = String.format("497010000%06d", i);
    int sum = 0;
    for (int d = 0; d < body.length(); d++) {
      int v = body.charAt(body.length() - 1 - d) - '0';
      if (d % 2 == 0) {
        v *= 2;
        if (v > 9) {
          v -= 9;
        }
      }
      sum += v;
    }
    return body + (10 - sum % 10) % 10;
  }

  private static void incident(
      String id, String manifestBody, String file, String header, IntFunction<String> row)
      throws IOException {
    Path folder = Files.createDirectories(dir.resolve("incidents").resolve(id));
    StringBuilder csv = new StringBuilder(header).append('\n');
    for (int i = 0; i < ROWS; i++) {
      csv.append(row.apply(i)).append('\n');
    }
    Path target = folder.resolve(file);
    Files.createDirectories(target.getParent());
    Files.writeString(target, csv);
    if (manifestBody != null) {
      Files.writeString(folder.resolve("manifest.json"), manifestBody);
    }
  }

  private static String manifest(
      String id, String circumstances, String adjustments, String mapping) {
    return "{\"incident_id\":\""
        + id
        + "\",\"organisation\":\"Org\",\"dates\":{\"became_aware\":\"2025-11-20T09:00:00Z\"},"
        + "\"circumstances\":"
        + circumstances
        + ",\"context_adjustments\":"
        + adjustments
        + ","
        + "\"files\":[{\"path\":\"data.csv\",\"mapping\":"
        + mapping
        + "}]}";
  }

  @BeforeAll
  static void runThePipeline() throws IOException {
    incident(
        "supermarket-list",
        manifest(
            "supermarket-list",
            "{\"confidentiality\":\"published\",\"malicious\":true}",
            "[]",
            "{\"prenom\":\"first_name\",\"nom\":\"last_name\",\"adresse\":\"street\",\"cp\":\"postcode\","
                + "\"ville\":\"city\",\"tel\":\"phone\",\"carte\":\"loyalty_id\"}"),
        "data.csv",
        "prenom,nom,adresse,cp,ville,tel,carte",
        i ->
            first(i)
                + ","
                + last(i)
                + ","
                + (i + 1)
                + " rue des Lilas,75011,Paris,"
                + phone(i)
                + ",ACH"
                + (100000 + i));
    incident(
        "pharmacy-loyalty",
        manifest(
            "pharmacy-loyalty",
            "{\"confidentiality\":\"limited\",\"malicious\":false}",
            "[{\"delta\":2,\"reason\":\"purchases at a pharmacy reveal health conditions\"}]",
            "{\"prenom\":\"first_name\",\"nom\":\"last_name\",\"email\":\"email\",\"carte\":\"loyalty_id\","
                + "\"achats\":\"purchase_history\"}"),
        "data.csv",
        "prenom,nom,email,carte,achats",
        i ->
            first(i)
                + ","
                + last(i)
                + ","
                + email(i)
                + ",PH"
                + (200000 + i)
                + ",creme solaire; dentifrice x"
                + (i % 3 + 1));
    incident(
        "payment-cards",
        manifest(
            "payment-cards",
            "{\"confidentiality\":\"sold\",\"malicious\":true}",
            "[{\"delta\":1,\"reason\":\"full card details with expiry and security code allow fraudulent payments\"}]",
            "{\"prenom\":\"first_name\",\"nom\":\"last_name\",\"email\":\"email\",\"carte\":\"card_number\"}"),
        "data.csv",
        "prenom,nom,email,carte,expiration,cvv",
        i -> first(i) + "," + last(i) + "," + email(i) + "," + card(i) + ",12/27," + (100 + i));
    // The committed example, its files generated with the columns its mapping names.
    String auchan = "auchan-2025-08";
    Path example = Path.of("..", "examples", "incidents", auchan, "manifest.json");
    String header = "address,city,email,first_name,last_name,loyalty_card,phone,zip";
    IntFunction<String> auchanRow =
        i ->
            (i + 1)
                + " avenue des Tilleuls,Lille,"
                + email(i)
                + ","
                + first(i)
                + ","
                + last(i)
                + ",9250"
                + (10000 + i)
                + ","
                + phone(i)
                + ",59000";
    incident(auchan, Files.readString(example), "part1.csv", header, auchanRow);
    incident(auchan, null, "part2.csv", header, i -> auchanRow.apply(i + ROWS));
    incident(auchan, null, "repost/part1.csv", header, auchanRow);
    Files.writeString(
        dir.resolve("config.json"),
        "{\"incidents_dir\":\"incidents\",\"lake_dir\":\"lake\",\"reports_dir\":\"reports\"}");

    SparkSession spark = TestSpark.session();
    LoadedConfig config = LoadedConfig.load(dir.resolve("config.json"));
    List<Incident> incidents = IncidentCatalog.load(config);
    Dataset<Row> clean =
        IngestStage.leakedRecords(
                IngestStage.outcomes(
                    spark,
                    IngestPlanner.plan(incidents, IngestConfig.defaults()),
                    IngestConfig.defaults()))
            .transform(new RecordNormalizer(RUN_DATE)::normalize)
            .transform(new Classifier()::classify);
    List<IncidentInfo> infos = new ArrayList<>();
    for (Incident i : incidents) {
      infos.add(IncidentInfo.of(i.id(), i.manifest(), i.manifestFile().toString()));
    }
    StructType ids =
        new StructType()
            .add("record_id", DataTypes.StringType)
            .add("person_id", DataTypes.StringType);
    StructType customerPerson =
        new StructType()
            .add("customer_id", DataTypes.StringType)
            .add("brand", DataTypes.StringType)
            .add("person_id", DataTypes.StringType);
    StructType matches =
        new StructType()
            .add("record_id", DataTypes.StringType)
            .add("customer_id", DataTypes.StringType)
            .add("brand", DataTypes.StringType);
    StructType customers =
        new StructType()
            .add("customer_id", DataTypes.StringType)
            .add("brand", DataTypes.StringType)
            .add("group_name", DataTypes.StringType);
    ImpactReports.Inputs in =
        new ImpactReports.Inputs(
            clean,
            spark.createDataFrame(List.of(), ids),
            spark.createDataFrame(List.of(), customerPerson),
            spark.createDataFrame(List.of(), matches),
            spark.createDataFrame(List.of(), customers));
    ImpactReports reports =
        new ImpactReports(
            spark,
            in,
            infos,
            new Pseudonymizer(ReportFixtures.KEY),
            RUN_DATE,
            Instant.parse("2025-12-01T12:00:00Z"),
            10,
            new DetectionMinimum(10, 0.01));
    try {
      severity = new HashMap<>();
      for (Row r : reports.incidentSeverity().collectAsList()) {
        severity.put(r.getAs("incident_id"), r);
      }
    } finally {
      reports.release();
    }
  }

  private static void assertScores(
      String incident, int dpc, double ei, double cb, double se, String level, boolean art34) {
    Row r = severity.get(incident);
    String why = r.getAs("explanation");
    assertEquals(dpc, (int) r.getAs("dpc"), why);
    assertEquals(ei, (double) r.getAs("ei"), why);
    assertEquals(cb, (double) r.getAs("cb"), why);
    assertEquals(se, (double) r.getAs("se"), 1e-9, why);
    assertEquals(level, r.getAs("level"), why);
    assertEquals(art34, (boolean) r.getAs("art34_required"), why);
  }

  @Test
  void aSupermarketCustomerListHackedAndPublishedIsMediumWithoutArt34() {
    assertScores("supermarket-list", 1, 1.0, 1.0, 2.0, "medium", false);
    assertTrue(
        severity.get("supermarket-list").<String>getAs("dpc_factors").contains("LOYALTY_ID=1"));
  }

  @Test
  void pharmacyPurchasesSentByMistakeToKnownRecipientsAreVeryHigh() {
    assertScores("pharmacy-loyalty", 4, 1.0, 0.25, 4.25, "very high", true);
    String factors = severity.get("pharmacy-loyalty").getAs("dpc_factors");
    assertTrue(
        factors.startsWith("base 2 from PURCHASE_HISTORY") && factors.contains("reveal health"),
        factors);
  }

  @Test
  void fullPaymentCardDetailsWithNameAndEmailOfferedForSaleAreVeryHigh() {
    assertScores("payment-cards", 4, 1.0, 1.0, 5.0, "very high", true);
    assertEquals("FINANCIAL", severity.get("payment-cards").getAs("dpc_category"));
  }

  @Test
  void theAuchanExampleOfCardNumbersAndContactDataIsMediumWithoutArt34() {
    assertScores("auchan-2025-08", 1, 1.0, 1.0, 2.0, "medium", false);
    assertFalse(severity.get("auchan-2025-08").<String>getAs("dpc_factors").contains("PURCHASE"));
  }
}
