package fr.breachimpact.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The four reports on the two small incidents of {@link ReportFixtures}, k = 2. */
class ImpactReportsTest {
  private static Pseudonymizer pseudonyms;
  private static List<Row> severity;
  private static List<Row> persons;
  private static List<Row> customers;
  private static List<Row> exposure;
  private static final Map<String, StructType> SCHEMAS = new HashMap<>();
  private static final Map<String, List<Row>> ROWS = new HashMap<>();

  /** Each report is computed once; the tests look at the collected rows. */
  @BeforeAll
  static void build() {
    ImpactReports reports = ReportFixtures.reports(2);
    pseudonyms = new Pseudonymizer(ReportFixtures.KEY);
    try {
      severity = reports.incidentSeverity().collectAsList();
      persons = reports.personExposure().collectAsList();
      customers = reports.customerRisk().collectAsList();
      exposure = reports.exposureByIncidentCategory().collectAsList();
      SCHEMAS.put(IncidentSeverityReport.NAME, reports.incidentSeverity().schema());
      SCHEMAS.put(PersonExposureReport.NAME, reports.personExposure().schema());
      SCHEMAS.put(CustomerRiskReport.NAME, reports.customerRisk().schema());
      SCHEMAS.put(ExposureByIncidentCategory.NAME, reports.exposureByIncidentCategory().schema());
      ROWS.put(IncidentSeverityReport.NAME, severity);
      ROWS.put(PersonExposureReport.NAME, persons);
      ROWS.put(CustomerRiskReport.NAME, customers);
      ROWS.put(ExposureByIncidentCategory.NAME, exposure);
    } finally {
      reports.release();
    }
  }

  private static Row exposureRow(String incident, String category, String scope, String brand) {
    List<Row> found =
        exposure.stream()
            .filter(
                r ->
                    r.getAs("incident_id").equals(incident)
                        && r.getAs("category").equals(category)
                        && r.getAs("customer_scope").equals(scope)
                        && java.util.Objects.equals(r.getAs("customer_brand"), brand))
            .toList();
    assertEquals(
        1, found.size(), "rows for " + incident + "/" + category + "/" + scope + "/" + brand);
    return found.get(0);
  }

  private static Map<String, Row> byPerson(List<Row> personExposure) {
    Map<String, Row> m = new HashMap<>();
    for (Row r : personExposure) {
      m.put(r.getAs("person_pseudonym"), r);
    }
    return m;
  }

  @Test
  void incidentSeverityScoresEachIncidentWithItsFactorsAndDeadlines() {
    Map<String, Row> rows = new HashMap<>();
    for (Row r : severity) {
      rows.put(r.getAs("incident_id"), r);
    }
    Row shop = rows.get("shop-2025");
    assertEquals(2, (int) shop.getAs("dpc"));
    assertEquals(1.0, (double) shop.getAs("ei"));
    assertEquals(1.0, (double) shop.getAs("cb"));
    assertEquals(3.0, (double) shop.getAs("se"));
    assertEquals("high", shop.getAs("level"));
    assertEquals(3L, (long) shop.getAs("persons"));
    assertEquals(4L, (long) shop.getAs("records"));
    assertTrue((boolean) shop.getAs("art34_required"));
    assertTrue((boolean) shop.getAs("art33_deadline_passed"));
    assertTrue(
        shop.<String>getAs("dpc_factors").contains("PURCHASE_HISTORY"),
        shop.<String>getAs("dpc_factors"));
    assertEquals("PURCHASE_HISTORY", shop.getAs("dpc_category"));
    assertNull(shop.getAs("dpc_detected_records"), "purchase history is verified, not detected");
    assertTrue(
        shop.<String>getAs("ei_factors").contains("full name + postal address"),
        shop.<String>getAs("ei_factors"));
    assertTrue(shop.<String>getAs("cb_factors").contains("published"));
    assertEquals(
        java.sql.Timestamp.from(java.time.Instant.parse("2025-08-04T10:00:00Z")),
        shop.getAs("art33_deadline"));

    Row clinic = rows.get("clinic-2025");
    assertEquals(5.0, (double) clinic.getAs("se"));
    assertEquals("very high", clinic.getAs("level"));
    assertEquals(3L, (long) clinic.getAs("persons"), "p1, p4 and the unresolved record");
    assertFalse((boolean) clinic.getAs("art33_deadline_passed"), "deadline 1 Dec, run date 30 Nov");
  }

  @Test
  void personExposurePoolsIdentifiersAndAddsUpCategoriesAcrossIncidents() {
    Map<String, Row> rows = byPerson(persons);
    assertEquals(5, rows.size(), "p1, p2, p3, p4 and the unresolved record r7");
    Row p1 = rows.get(pseudonyms.pseudonym("person", "p1"));
    assertEquals(List.of("clinic-2025", "shop-2025"), p1.getList(p1.fieldIndex("incidents")));
    assertEquals(2, (int) p1.getAs("incident_count"));
    assertEquals(List.of("CONTACT", "HEALTH", "IDENTITY"), p1.getList(p1.fieldIndex("categories")));
    assertEquals(4, (int) p1.getAs("dpc"));
    assertEquals(
        1.0, (double) p1.getAs("ei"), "email from one leak, name and birth date from the other");
    assertEquals(5.0, (double) p1.getAs("se"));
    assertEquals(java.sql.Date.valueOf("2025-07-20"), p1.getAs("first_exposure"));
    assertEquals(java.sql.Date.valueOf("2025-11-25"), p1.getAs("last_exposure"));
    assertTrue(p1.<String>getAs("factors").contains("HEALTH"), p1.<String>getAs("factors"));

    Row p2 = rows.get(pseudonyms.pseudonym("person", "p2"));
    assertEquals(
        1.0, (double) p2.getAs("ei"), "a full name with the person's phone identifies directly");
    assertEquals(2.0, (double) p2.getAs("se"));
    assertEquals("medium", p2.getAs("level"));
    assertTrue(
        p2.<String>getAs("factors").contains("CONTACT (claimed only)"),
        p2.<String>getAs("factors"));

    Row p3 = rows.get(pseudonyms.pseudonym("person", "p3"));
    assertEquals(3.0, (double) p3.getAs("se"));
    assertEquals("high", p3.getAs("level"));
  }

  @Test
  void personExposureCarriesNoInternalIds() {
    for (Row r : persons) {
      String ps = r.getAs("person_pseudonym");
      assertEquals(24, ps.length());
      assertFalse(ps.startsWith("p") && ps.length() < 4);
      assertFalse(r.<String>getAs("factors").contains("unresolved:"));
    }
  }

  @Test
  void customerRiskListsLinkedCustomersWithTheirPersonsScore() {
    Map<String, Row> rows = new HashMap<>();
    for (Row r : customers) {
      rows.put(r.getAs("customer_pseudonym"), r);
    }
    assertEquals(
        4, rows.size(), "A1, L1 (p1), A2 (p3), A3 (p2 via customer_matches); A9 is not exposed");
    Row a1 = rows.get(pseudonyms.pseudonym("customer", "Auchan\u0000A1"));
    assertEquals(pseudonyms.pseudonym("person", "p1"), a1.getAs("person_pseudonym"));
    assertEquals("very high", a1.getAs("level"));
    assertTrue((boolean) a1.getAs("notify"));
    Row l1 = rows.get(pseudonyms.pseudonym("customer", "Leroy Merlin\u0000L1"));
    assertEquals("Leroy Merlin", l1.getAs("brand"));
    assertTrue((boolean) l1.getAs("notify"));
    Row a3 = rows.get(pseudonyms.pseudonym("customer", "Auchan\u0000A3"));
    assertFalse((boolean) a3.getAs("notify"));
    assertEquals(3L, customers.stream().filter(r -> r.<Boolean>getAs("notify")).count());
  }

  @Test
  void exposureCountsDistinctPersonsPerCategoryAndScope() {
    Row group = exposureRow("shop-2025", "CONTACT", "group", null);
    assertEquals(3L, (long) group.getAs("records"));
    assertEquals(3L, (long) group.getAs("persons"));
    assertNull(
        group.getAs("persons_verified"),
        "hidden too: persons minus verified would give the claimed one back");
    assertNull(group.getAs("persons_claimed"), "one claimed person is below k = 2");
    assertEquals(0L, (long) group.getAs("persons_detected"));
    assertTrue((boolean) group.getAs("suppressed"));
    assertEquals("Mulliez", group.getAs("customer_group"));
    assertEquals(4L, (long) group.getAs("matched_customers"));
    assertEquals(3L, (long) group.getAs("matched_persons"));
    assertEquals(15L, (long) group.getAs("customer_base"));
    assertEquals(4.0 / 15, (double) group.getAs("share_of_customer_base"), 1e-12);
    assertEquals(3L, (long) group.getAs("sample_persons"));
    assertEquals(1.0, (double) group.getAs("sample_share"), 1e-12);
    assertEquals(1000L, (long) group.getAs("leak_total"));
    assertEquals("claimed", group.getAs("leak_total_basis"));
    assertEquals(1000L, (long) group.getAs("estimated_exposed_customers"));
    long low = group.getAs("estimated_exposed_customers_low");
    assertEquals((long) Math.floor(1000 * LeakEstimates.wilson(3, 3).low()), low);
    assertEquals(49L, (long) group.getAs("german_tank_leak_size"), "m = 40, k = 4: 40 + 10 - 1");
    assertEquals(List.of("Auchan"), group.getList(group.fieldIndex("incident_brands")));

    Row auchan = exposureRow("shop-2025", "CONTACT", "brand", "Auchan");
    assertNull(
        auchan.getAs("matched_customers"),
        "hidden too: the group's 4 minus Auchan's 3 would give Leroy Merlin's 1 back");
    assertEquals(10L, (long) auchan.getAs("customer_base"));

    Row lm = exposureRow("shop-2025", "CONTACT", "brand", "Leroy Merlin");
    assertNull(lm.getAs("matched_customers"), "one Leroy Merlin customer is below k");
    assertNull(lm.getAs("share_of_customer_base"));
    assertNull(lm.getAs("sample_share"));
    assertNull(lm.getAs("estimated_exposed_customers"));
    assertEquals(5L, (long) lm.getAs("customer_base"));

    Row health = exposureRow("clinic-2025", "HEALTH", "group", null);
    assertEquals(2L, (long) health.getAs("persons"));
    assertEquals("notified", health.getAs("leak_total_basis"));
    assertNull(health.getAs("german_tank_leak_size"), "clinic ids are not sequential");
    assertNull(
        health.getAs("records_detected"),
        "HEALTH rests on detection alone in one record, below k = 2");
    assertEquals(
        0L, (long) exposureRow("clinic-2025", "IDENTITY", "group", null).getAs("records_detected"));
    // shop's 4 categories and clinic's 3, each for Auchan, Leroy Merlin and the group
    assertEquals((4 + 3) * 3, exposure.size());
  }

  @Test
  void suppressionHidesCountsBelowKButNotZero() {
    ImpactReports strict = ReportFixtures.reports(10);
    try {
      for (Row r : strict.exposureByIncidentCategory().collectAsList()) {
        assertTrue((boolean) r.getAs("suppressed"));
        assertNull(r.getAs("persons"));
        assertNull(r.getAs("estimated_exposed_customers"));
      }
      for (Row r : strict.incidentSeverity().collectAsList()) {
        assertNull(r.getAs("persons"));
        assertTrue((boolean) r.getAs("suppressed"));
      }
    } finally {
      strict.release();
    }
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "exposure_by_incident_category",
        "incident_severity",
        "person_exposure",
        "customer_risk"
      })
  void reportMatchesItsContractInSchemas(String name) throws Exception {
    JsonNode contract =
        new ObjectMapper().readTree(Path.of("..", "schemas", name + ".json").toFile());
    assertEquals(name, contract.get("name").asText());
    List<String> expected = new ArrayList<>();
    for (JsonNode c : contract.get("columns")) {
      expected.add(c.get("name").asText() + " " + c.get("type").asText());
      assertFalse(c.get("meaning").asText().isBlank(), "meaning of " + c.get("name"));
    }
    List<String> actual = new ArrayList<>();
    for (StructField f : SCHEMAS.get(name).fields()) {
      actual.add(f.name() + " " + f.dataType().simpleString());
    }
    assertEquals(expected, actual, "columns and Spark types of " + name);
    // Columns the contract declares non-nullable hold no null in the fixture's output.
    List<Row> rows = ROWS.get(name);
    assertFalse(rows.isEmpty());
    for (JsonNode c : contract.get("columns")) {
      if (!c.get("nullable").asBoolean()) {
        String col = c.get("name").asText();
        assertEquals(
            0,
            rows.stream().filter(r -> r.isNullAt(r.fieldIndex(col))).count(),
            "nulls in " + name + "." + col);
      }
    }
  }

  @Test
  void duckDbReadsTheWrittenReportsWithTheSameCountsAsSpark(@TempDir Path dir) throws Exception {
    var spark = ReportFixtures.spark();
    String root = dir.resolve("reports").toString();
    Dataset<Row> exp =
        spark.createDataFrame(exposure, SCHEMAS.get(ExposureByIncidentCategory.NAME));
    Dataset<Row> per = spark.createDataFrame(persons, SCHEMAS.get(PersonExposureReport.NAME));
    ReportWriter.write(exp, root, ExposureByIncidentCategory.NAME, ReportFixtures.RUN_DATE);
    ReportWriter.write(
        exp, root, ExposureByIncidentCategory.NAME, ReportFixtures.RUN_DATE); // rerun replaces
    ReportWriter.write(
        exp.limit(3), root, ExposureByIncidentCategory.NAME, ReportFixtures.RUN_DATE.minusDays(1));
    ReportWriter.write(per, root, PersonExposureReport.NAME, ReportFixtures.RUN_DATE);

    Row sparkExp =
        spark
            .read()
            .parquet(root + "/" + ExposureByIncidentCategory.NAME)
            .where(
                functions
                    .col("report_date")
                    .equalTo(functions.lit(ReportFixtures.RUN_DATE.toString())))
            .agg(
                functions.count(functions.lit(1)),
                functions.sum("persons"),
                functions.sum("matched_customers"),
                functions.sum("estimated_exposed_customers"))
            .first();
    Row sparkPer =
        spark
            .read()
            .parquet(root + "/" + PersonExposureReport.NAME)
            .agg(
                functions.count(functions.lit(1)),
                functions.sum("incident_count"),
                functions.sum("se"))
            .first();
    assertEquals(
        (long) exposure.size(), sparkExp.getLong(0), "the rerun replaced the date, no duplicates");
    assertEquals(
        3L,
        spark
            .read()
            .parquet(root + "/" + ExposureByIncidentCategory.NAME)
            .where(
                functions
                    .col("report_date")
                    .equalTo(functions.lit(ReportFixtures.RUN_DATE.minusDays(1).toString())))
            .count(),
        "the other date stays");

    try (Connection c = DriverManager.getConnection("jdbc:duckdb:");
        Statement st = c.createStatement()) {
      try (ResultSet rs =
          st.executeQuery(
              "SELECT count(*), sum(persons), sum(matched_customers), sum(estimated_exposed_customers) FROM read_parquet('"
                  + root
                  + "/"
                  + ExposureByIncidentCategory.NAME
                  + "/*/*.parquet', hive_partitioning = true) "
                  + "WHERE report_date = DATE '"
                  + ReportFixtures.RUN_DATE
                  + "'")) {
        assertTrue(rs.next());
        assertEquals(sparkExp.getLong(0), rs.getLong(1));
        assertEquals(sparkExp.getLong(1), rs.getLong(2));
        assertEquals(sparkExp.getLong(2), rs.getLong(3));
        assertEquals(sparkExp.getLong(3), rs.getLong(4));
      }
      try (ResultSet rs =
          st.executeQuery(
              "SELECT count(*), sum(incident_count), sum(se), count(DISTINCT person_pseudonym) FROM read_parquet('"
                  + root
                  + "/"
                  + PersonExposureReport.NAME
                  + "/*/*.parquet', hive_partitioning = true)")) {
        assertTrue(rs.next());
        assertEquals(sparkPer.getLong(0), rs.getLong(1));
        assertEquals(sparkPer.getLong(1), rs.getLong(2));
        assertEquals(sparkPer.getDouble(2), rs.getDouble(3), 1e-9);
        assertEquals(sparkPer.getLong(0), rs.getLong(4));
      }
    }
    assertFalse(
        Files.exists(
            dir.resolve("reports")
                .resolve(ExposureByIncidentCategory.NAME)
                .resolve("_tmp_report_date=" + ReportFixtures.RUN_DATE)),
        "staging folder removed");
  }

  @Test
  void summaryShowsEveryChartWithBarsFromTheReports() {
    var spark = ReportFixtures.spark();
    StructType overlapSchema =
        new StructType()
            .add("incident_a", "string")
            .add("incident_b", "string")
            .add("persons_both", "long")
            .add("jaccard", "double");
    Dataset<Row> overlap =
        spark.createDataFrame(
            List.of(org.apache.spark.sql.RowFactory.create("clinic-2025", "shop-2025", 1L, 0.2)),
            overlapSchema);
    SummaryData data =
        SummaryData.collect(
            spark.createDataFrame(severity, SCHEMAS.get(IncidentSeverityReport.NAME)),
            spark.createDataFrame(persons, SCHEMAS.get(PersonExposureReport.NAME)),
            spark.createDataFrame(customers, SCHEMAS.get(CustomerRiskReport.NAME)),
            overlap);
    assertEquals(5, data.personsExposed());
    assertEquals(2L, data.personsByLevel().get("very high"));
    assertEquals(4L, data.personsByCategory().get("CONTACT"), "p1, p2, p3 and the unresolved r7");
    assertEquals(3L, data.customersByBrand().get("Auchan")[0]);
    assertEquals(2L, data.customersByBrand().get("Auchan")[1]);
    String html = SummaryHtml.render(data, ReportFixtures.RUN_DATE, 2);
    SummaryHtmlTest.assertChartsDrawn(html);
    String text = TextSummary.render(data, 2);
    assertTrue(text.contains("shop-2025") && text.contains("very high"), text);
    assertFalse(text.contains("p1") || html.contains(">p1<"), "no internal person id");
  }
}
