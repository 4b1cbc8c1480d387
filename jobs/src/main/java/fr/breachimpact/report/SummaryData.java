package fr.breachimpact.report;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * The few figures the HTML summary and the console summary show, collected from the reports: counts
 * and scores only, never an identifier.
 */
public record SummaryData(
    List<IncidentLine> incidents,
    long personsExposed,
    Map<String, Long> personsByCategory,
    Map<String, Long> personsByLevel,
    Map<String, long[]> customersByBrand,
    List<Overlap> overlaps,
    List<GroupLine> groups,
    Map<String, List<Long>> changes,
    LocalDate changesSince) {

  /** Without the changes since the previous report date. */
  public SummaryData(
      List<IncidentLine> incidents,
      long personsExposed,
      Map<String, Long> personsByCategory,
      Map<String, Long> personsByLevel,
      Map<String, long[]> customersByBrand,
      List<Overlap> overlaps,
      List<GroupLine> groups) {
    this(
        incidents,
        personsExposed,
        personsByCategory,
        personsByLevel,
        customersByBrand,
        overlaps,
        groups,
        Map.of(),
        null);
  }

  /**
   * The same figures with what changed since the previous report date.
   *
   * @param changes change to the counts of exposure_changes' rows of that change (per brand and
   *     incident), whose sum the summary shows
   */
  public SummaryData withChanges(Map<String, List<Long>> changes, LocalDate since) {
    return new SummaryData(
        incidents,
        personsExposed,
        personsByCategory,
        personsByLevel,
        customersByBrand,
        overlaps,
        groups,
        changes,
        since);
  }

  /** Convenience for callers without a group roll-up. */
  public SummaryData(
      List<IncidentLine> incidents,
      long personsExposed,
      Map<String, Long> personsByCategory,
      Map<String, Long> personsByLevel,
      Map<String, long[]> customersByBrand,
      List<Overlap> overlaps) {
    this(
        incidents,
        personsExposed,
        personsByCategory,
        personsByLevel,
        customersByBrand,
        overlaps,
        List.of());
  }

  /** One row of resolve's group_overlap report (Mulliez: its brands' incidents together). */
  public record GroupLine(
      String group,
      Long personsExposed,
      Long personsMultiIncident,
      Long personsExposedCustomers,
      Long multiBrandCustomersExposed) {}

  /**
   * One row of the severity table.
   *
   * @param dpcCategory the category that sets DPC's base, null when none
   * @param dpcDetectedRecords when that category rests on content detection alone, the records it
   *     was detected in (null otherwise or below k)
   */
  public record IncidentLine(
      String incidentId,
      String organisation,
      int dpc,
      double ei,
      double cb,
      double se,
      String level,
      Long persons,
      Timestamp art33Deadline,
      Boolean art33Passed,
      boolean art34Required,
      String dpcCategory,
      Long dpcDetectedRecords) {

    /** A line without the DPC driver. */
    public IncidentLine(
        String incidentId,
        String organisation,
        int dpc,
        double ei,
        double cb,
        double se,
        String level,
        Long persons,
        Timestamp art33Deadline,
        Boolean art33Passed,
        boolean art34Required) {
      this(
          incidentId,
          organisation,
          dpc,
          ei,
          cb,
          se,
          level,
          persons,
          art33Deadline,
          art33Passed,
          art34Required,
          null,
          null);
    }
  }

  /** One pair of the incident overlap report. */
  public record Overlap(String a, String b, long personsBoth, double jaccard) {}

  /**
   * @param overlap the incident_overlap report of the date, or null when resolve wrote none
   */
  public static SummaryData collect(
      Dataset<Row> severity,
      Dataset<Row> personExposure,
      Dataset<Row> customerRisk,
      Dataset<Row> overlap) {
    return collect(severity, personExposure, customerRisk, overlap, null);
  }

  /**
   * @param groupOverlap resolve's group_overlap report of the date, or null
   */
  public static SummaryData collect(
      Dataset<Row> severity,
      Dataset<Row> personExposure,
      Dataset<Row> customerRisk,
      Dataset<Row> overlap,
      Dataset<Row> groupOverlap) {
    List<IncidentLine> lines = new ArrayList<>();
    for (Row r : severity.orderBy("incident_id").collectAsList()) {
      lines.add(
          new IncidentLine(
              r.getAs("incident_id"),
              r.getAs("organisation"),
              r.<Integer>getAs("dpc"),
              r.<Double>getAs("ei"),
              r.<Double>getAs("cb"),
              r.<Double>getAs("se"),
              r.getAs("level"),
              r.getAs("persons"),
              r.getAs("art33_deadline"),
              r.getAs("art33_deadline_passed"),
              r.<Boolean>getAs("art34_required"),
              r.getAs("dpc_category"),
              r.getAs("dpc_detected_records")));
    }
    long persons = personExposure.count();
    Map<String, Long> byCategory = new TreeMap<>();
    for (Row r :
        personExposure
            .select(explode(col("categories")).as("c"))
            .groupBy("c")
            .count()
            .collectAsList()) {
      byCategory.put(r.getString(0), r.getLong(1));
    }
    Map<String, Long> byLevel = new TreeMap<>();
    for (Row r : personExposure.groupBy("level").count().collectAsList()) {
      byLevel.put(r.getString(0), r.getLong(1));
    }
    Map<String, long[]> byBrand = new TreeMap<>();
    for (Row r :
        customerRisk
            .groupBy("brand")
            .agg(count(lit(1)), sum(when(col("notify"), 1L).otherwise(0L)))
            .collectAsList()) {
      byBrand.put(r.getString(0), new long[] {r.getLong(1), r.getLong(2)});
    }
    List<Overlap> overlaps = new ArrayList<>();
    if (overlap != null) {
      for (Row r :
          overlap
              .select(
                  col("incident_a"),
                  col("incident_b"),
                  col("persons_both").cast("long"),
                  col("jaccard").cast("double"))
              .collectAsList()) {
        if (!r.isNullAt(0) && !r.isNullAt(1)) {
          overlaps.add(
              new Overlap(
                  r.getString(0),
                  r.getString(1),
                  r.isNullAt(2) ? 0 : r.getLong(2),
                  r.isNullAt(3) ? 0 : r.getDouble(3)));
        }
      }
    }
    List<GroupLine> groups = new ArrayList<>();
    if (groupOverlap != null) {
      for (Row r :
          groupOverlap
              .select(
                  Frames.colOrNull(groupOverlap, "group_name", "string"),
                  Frames.colOrNull(groupOverlap, "persons_exposed", "long").cast("long"),
                  Frames.colOrNull(groupOverlap, "persons_multi_incident", "long").cast("long"),
                  Frames.colOrNull(groupOverlap, "persons_exposed_customers", "long").cast("long"),
                  Frames.colOrNull(groupOverlap, "persons_multi_brand_customers_exposed", "long")
                      .cast("long"))
              .orderBy(col("group_name"))
              .collectAsList()) {
        if (!r.isNullAt(0)) {
          groups.add(
              new GroupLine(
                  r.getString(0),
                  longOrNull(r, 1),
                  longOrNull(r, 2),
                  longOrNull(r, 3),
                  longOrNull(r, 4)));
        }
      }
    }
    return new SummaryData(lines, persons, byCategory, byLevel, byBrand, overlaps, groups);
  }

  private static Long longOrNull(Row r, int i) {
    return r.isNullAt(i) ? null : r.getLong(i);
  }
}
