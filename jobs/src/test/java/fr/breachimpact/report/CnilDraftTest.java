package fr.breachimpact.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import fr.breachimpact.config.DpoContact;
import fr.breachimpact.config.Json;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The CNIL notification draft: what art. 33(3) asks for, from the reports and the manifest. */
class CnilDraftTest {
  private static Row severity;
  private static Row estimates;
  private static final List<Row> CATEGORIES = new ArrayList<>();
  private static IncidentInfo shop;

  @BeforeAll
  static void build() {
    ImpactReports reports = ReportFixtures.reports(2);
    try {
      severity = reports.incidentSeverity().where("incident_id = 'shop-2025'").first();
      reports.categoryCounts().stream()
          .filter(r -> "shop-2025".equals(r.getAs("incident_id")))
          .forEach(CATEGORIES::add);
      estimates =
          reports.estimates().stream()
              .filter(r -> "shop-2025".equals(r.getAs("incident_id")))
              .findFirst()
              .orElseThrow();
    } finally {
      reports.release();
    }
    shop =
        ReportFixtures.incidents().stream()
            .filter(i -> i.id().equals("shop-2025"))
            .findFirst()
            .orElseThrow();
  }

  private static ObjectNode draft(DpoContact dpo, LocalDate previous) {
    return CnilDraft.json(
        shop, severity, CATEGORIES, estimates, dpo, ReportFixtures.RUN_DATE, previous);
  }

  @Test
  void aFirstDraftIsTheInitialNotificationWithWhatArticle33Asks() {
    ObjectNode d = draft(new DpoContact("DPO Shop SA", "dpo@shop.example", null, null), null);
    assertEquals("initial", d.path("notification").asText());
    assertEquals("DPO Shop SA", d.path("dpo_contact").path("name").asText());
    assertEquals("published", d.path("nature").path("confidentiality").asText());
    assertEquals(3, d.path("numbers").path("persons_in_sample").asLong());
    assertEquals(1000, d.path("numbers").path("total_affected").asLong());
    assertEquals("claimed", d.path("numbers").path("total_affected_basis").asText());
    assertEquals(49, d.path("numbers").path("german_tank").path("estimate").asLong());
    assertEquals(CATEGORIES.size(), d.path("categories").size());
    d.path("categories")
        .forEach(c -> assertFalse(c.path("likely_consequences").asText().isBlank(), c.toString()));
    assertEquals(severity.<Double>getAs("se"), d.path("severity").path("se").asDouble());
    assertTrue(d.path("severity").path("dpc_factors").asText().contains("PURCHASE_HISTORY"));
  }

  @Test
  void aDeadlinePassedWithoutAReasonAndAMissingDpoAreMarkedMissing() {
    ObjectNode d = draft(null, null);
    assertEquals(CnilDraft.MISSING, d.path("dpo_contact").path("status").asText());
    assertTrue(d.path("art33").path("passed").asBoolean(), "shop's deadline was in August");
    assertEquals(CnilDraft.MISSING, d.path("art33").path("delay_reason").asText());
    String md = CnilDraft.markdown(d);
    assertTrue(md.contains("**missing**"), md);
    assertTrue(md.contains("reason for the delay: missing"), md);
  }

  @Test
  void aDraftAfterAnEarlierOneIsComplementary() {
    ObjectNode d = draft(null, ReportFixtures.RUN_DATE.minusDays(1));
    assertEquals("complementary", d.path("notification").asText());
    assertEquals(
        ReportFixtures.RUN_DATE.minusDays(1).toString(), d.path("complements_draft_of").asText());
  }

  @Test
  void aDraftRedatedFromTheEarlierDateIsTheDraftOfTheLaterDate() throws Exception {
    LocalDate earlier = ReportFixtures.RUN_DATE.minusDays(1);
    ObjectNode written =
        CnilDraft.json(shop, severity, CATEGORIES, estimates, null, earlier, earlier.minusDays(3));
    // As the next night finds it: read back from its file.
    ObjectNode read =
        (ObjectNode) Json.mapper().readTree(Json.mapper().writeValueAsString(written));

    ObjectNode redated = CnilDraft.redated(read, shop, severity, ReportFixtures.RUN_DATE, earlier);

    ObjectNode full = draft(null, earlier);
    assertEquals(Json.mapper().writeValueAsString(full), Json.mapper().writeValueAsString(redated));
    assertEquals(CnilDraft.markdown(full), CnilDraft.markdown(redated));
  }

  @Test
  void theDraftHoldsCountsAndCategoriesOnly() {
    String all = draft(null, null).toString() + CnilDraft.markdown(draft(null, null));
    for (String key : List.of("k1", "k2", "k3", "k4", "s1", "p1", "p2", "p3", "r1", "r2")) {
      assertFalse(all.matches("(?s).*\\b" + key + "\\b.*"), "no record key or id " + key);
    }
  }
}
