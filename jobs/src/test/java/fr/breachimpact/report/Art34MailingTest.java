package fr.breachimpact.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.breachimpact.config.DpoContact;
import fr.breachimpact.spark.TestSpark;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;

/** The art. 34 contact list and its notice templates, on the report fixture. */
class Art34MailingTest {

  private static List<Row> contacts() {
    StructType s =
        new StructType()
            .add("customer_id", DataTypes.StringType)
            .add("brand", DataTypes.StringType)
            .add("group_name", DataTypes.StringType)
            .add("email_valid", DataTypes.BooleanType)
            .add("street_key", DataTypes.StringType)
            .add("postcode_valid", DataTypes.BooleanType);
    Dataset<Row> customers =
        TestSpark.session()
            .createDataFrame(
                List.of(
                    RowFactory.create("A1", "Auchan", "Mulliez", true, null, null),
                    RowFactory.create("L1", "Leroy Merlin", "Mulliez", false, "s9", true),
                    RowFactory.create("A2", "Auchan", "Mulliez", null, null, null)),
                s);
    ImpactReports reports = ReportFixtures.reports(2);
    try {
      return reports.art34Contacts(customers).collectAsList();
    } finally {
      reports.release();
    }
  }

  @Test
  void customersAtHighRiskGetOneNoticePerIncidentWithTheirChannelAndCategories() {
    Set<String> rows = new TreeSet<>();
    for (Row r : contacts()) {
      rows.add(
          r.getAs("customer_id")
              + " "
              + r.getAs("incident_id")
              + " "
              + r.getAs("channel")
              + " "
              + r.getAs("template_id")
              + " "
              + r.getAs("language"));
    }
    // p1 (very high) is A1 and L1, in both incidents; p3 (high) is A2, in shop only; p2 (medium,
    // customer A3) is not notified.
    assertEquals(
        new TreeSet<>(
            List.of(
                "A1 clinic-2025 email clinic-2025__HEALTH+IDENTITY fr",
                "A1 shop-2025 email shop-2025__CONTACT fr",
                "L1 clinic-2025 post clinic-2025__HEALTH+IDENTITY fr",
                "L1 shop-2025 post shop-2025__CONTACT fr",
                "A2 shop-2025 none shop-2025__CONTACT+IDENTITY+POSTAL_ADDRESS+PURCHASE_HISTORY fr")),
        rows);
  }

  @Test
  void aTemplateHasMergeFieldsTheCategoriesAndNoPersonalData() {
    IncidentInfo clinic = ReportFixtures.incidents().get(0);
    String t =
        Art34Mailing.template(
            clinic,
            List.of("HEALTH", "IDENTITY"),
            new DpoContact("DPO Clinic", "dpo@clinic.example", null, null));
    assertTrue(t.contains("{{first_name}} {{last_name}}") && t.contains("{{brand}}"), t);
    assertTrue(t.contains("- health: ") && t.contains("- identity: "), t);
    assertTrue(t.contains("DPO Clinic, dpo@clinic.example"), t);
    assertFalse(t.matches("(?s).*\\b(k[0-9]|p[0-9]|A[0-9])\\b.*"), "no key, person or customer id");
    assertTrue(
        Art34Mailing.template(clinic, List.of("HEALTH"), null)
            .contains("[missing: report.dpo_contact]"));
  }
}
