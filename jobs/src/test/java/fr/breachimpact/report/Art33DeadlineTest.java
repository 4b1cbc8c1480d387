package fr.breachimpact.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;

/** art33_deadline_passed compares instants: the run's, and became_aware + 72 hours. */
class Art33DeadlineTest {
  private static final LocalDate DEADLINE_DAY =
      LocalDate.of(2025, 12, 1); // clinic: 2025-12-01T08:00Z

  private static boolean clinicPassed(Instant runInstant) {
    ImpactReports reports =
        new ImpactReports(
            ReportFixtures.spark(),
            ReportFixtures.inputs(),
            ReportFixtures.incidents(),
            new Pseudonymizer(ReportFixtures.KEY),
            DEADLINE_DAY,
            runInstant,
            2);
    try {
      Row clinic = reports.incidentSeverity().where("incident_id = 'clinic-2025'").first();
      return clinic.getAs("art33_deadline_passed");
    } finally {
      reports.release();
    }
  }

  @Test
  void aDeadlineLaterOnTheRunDayHasNotPassedYet() {
    assertFalse(clinicPassed(Instant.parse("2025-12-01T07:59:00Z")));
  }

  @Test
  void aDeadlineEarlierOnTheRunDayHasPassed() {
    assertTrue(clinicPassed(Instant.parse("2025-12-01T08:01:00Z")));
  }

  @Test
  void theRunInstantStaysWithinItsRunDate() {
    Instant start = Instant.parse("2025-12-01T00:00:00Z");
    assertEquals(
        start,
        IncidentSeverityReport.assessedAt(DEADLINE_DAY, Instant.parse("2025-11-30T22:00:00Z")),
        "a date still to come is judged at its start");
    Instant late =
        IncidentSeverityReport.assessedAt(DEADLINE_DAY, Instant.parse("2026-03-01T00:00:00Z"));
    assertTrue(
        late.isAfter(Instant.parse("2025-12-01T23:59:59Z"))
            && late.isBefore(Instant.parse("2025-12-02T00:00:00Z")),
        "a re-run of a past date is judged at its end: " + late);
    Instant now = Instant.parse("2025-12-01T02:00:00Z");
    assertEquals(now, IncidentSeverityReport.assessedAt(DEADLINE_DAY, now));
  }

  @Test
  void theReportOfALaterDateFromAnEarlierOneJudgesOnlyTheDeadlinesAgain() {
    Instant before = Instant.parse("2025-12-01T07:59:00Z");
    Instant after = Instant.parse("2025-12-01T08:01:00Z");
    ImpactReports earlier = reports(before);
    ImpactReports later = reports(after);
    try {
      var reassessed =
          IncidentSeverityReport.reassessed(
              ReportFixtures.spark(), earlier.incidentSeverity(), after);
      assertEquals(
          later.incidentSeverity().collectAsList(),
          reassessed.collectAsList(),
          "the rows a full computation at the later instant gives");
      assertTrue(
          reassessed
              .where("incident_id = 'clinic-2025'")
              .first()
              .<Boolean>getAs("art33_deadline_passed"));
    } finally {
      earlier.release();
      later.release();
    }
  }

  private static ImpactReports reports(Instant runInstant) {
    return new ImpactReports(
        ReportFixtures.spark(),
        ReportFixtures.inputs(),
        ReportFixtures.incidents(),
        new Pseudonymizer(ReportFixtures.KEY),
        DEADLINE_DAY,
        runInstant,
        2);
  }
}
