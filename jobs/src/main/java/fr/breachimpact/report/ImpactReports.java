package fr.breachimpact.report;

import fr.breachimpact.classify.CategoryMask;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * Builds the four impact reports from the restricted tables, without any IO: the report command
 * reads the inputs and writes what this returns. The frames shared by several reports are cached
 * until {@link #release()}.
 */
public final class ImpactReports {
  private final Dataset<Row> prepared;
  private final Dataset<Row> exposures;
  private final Dataset<Row> links;
  private final Dataset<Row> personScores;
  private final Dataset<Row> incidentTotals;
  private final Dataset<Row> categoryCounts;
  private final Dataset<Row> exposureByIncidentCategory;
  private final Dataset<Row> incidentSeverity;
  private final Dataset<Row> personExposure;
  private final Dataset<Row> customerRisk;
  private final Dataset<Row> estimates;

  /** The restricted inputs, as docs/tables.md names them. */
  public record Inputs(
      Dataset<Row> leakedRecordsClean,
      Dataset<Row> recordPerson,
      Dataset<Row> customerPerson,
      Dataset<Row> customerMatches,
      Dataset<Row> customersClean) {}

  /** Every content detection counts ({@link DetectionMinimum#NONE}), deadlines judged now. */
  public ImpactReports(
      SparkSession spark,
      Inputs in,
      List<IncidentInfo> incidents,
      Pseudonymizer pseudonyms,
      LocalDate runDate,
      int minCellSize) {
    this(spark, in, incidents, pseudonyms, runDate, Instant.now(), minCellSize);
  }

  /** Every content detection counts ({@link DetectionMinimum#NONE}). */
  public ImpactReports(
      SparkSession spark,
      Inputs in,
      List<IncidentInfo> incidents,
      Pseudonymizer pseudonyms,
      LocalDate runDate,
      Instant assessedAt,
      int minCellSize) {
    this(spark, in, incidents, pseudonyms, runDate, assessedAt, minCellSize, DetectionMinimum.NONE);
  }

  /**
   * @param assessedAt the run's instant, which art. 33 deadlines are compared with (kept within the
   *     run date, {@link IncidentSeverityReport#assessedAt})
   * @param detection how much content detection a category resting on it alone needs
   */
  public ImpactReports(
      SparkSession spark,
      Inputs in,
      List<IncidentInfo> incidents,
      Pseudonymizer pseudonyms,
      LocalDate runDate,
      Instant assessedAt,
      int minCellSize,
      DetectionMinimum detection) {
    prepared = ExposedRecords.prepare(in.leakedRecordsClean(), in.recordPerson()).cache();
    exposures = detection.apply(prepared, ExposedRecords.categories(prepared)).cache();
    links =
        CustomerLinks.of(prepared, in.customerPerson(), in.customerMatches(), in.customersClean())
            .cache();
    Dataset<Row> incidentFrame = IncidentInfo.frame(spark, incidents);
    categoryCounts = CategoryCounts.of(exposures).cache();
    CategoryMask categories = CategoryCounts.codes(categoryCounts);
    personScores = PersonScores.build(prepared, exposures, categories, incidentFrame).cache();
    incidentTotals = IncidentTotals.of(prepared).cache();
    estimates = IncidentEstimates.build(spark, prepared, incidents);
    exposureByIncidentCategory =
        ExposureByIncidentCategory.build(
            incidentTotals,
            exposures,
            categoryCounts,
            categories,
            links,
            in.customersClean(),
            incidentFrame,
            estimates,
            minCellSize);
    incidentSeverity =
        IncidentSeverityReport.build(
            spark,
            prepared,
            incidentTotals,
            categoryCounts,
            incidents,
            IncidentSeverityReport.assessedAt(runDate, assessedAt),
            minCellSize);
    personExposure = PersonExposureReport.build(personScores, pseudonyms);
    customerRisk = CustomerRiskReport.build(links, personScores, pseudonyms);
  }

  public Dataset<Row> exposureByIncidentCategory() {
    return exposureByIncidentCategory;
  }

  public Dataset<Row> incidentSeverity() {
    return incidentSeverity;
  }

  public Dataset<Row> personExposure() {
    return personExposure;
  }

  public Dataset<Row> customerRisk() {
    return customerRisk;
  }

  /**
   * Per incident and category: records, persons, persons by status, records_detected (a few rows).
   */
  public List<Row> categoryCounts() {
    return categoryCounts.orderBy("incident_id", "category").collectAsList();
  }

  /** The art. 34 contact list ({@link Art34Mailing#contacts}): restricted, for the lake only. */
  public Dataset<Row> art34Contacts(Dataset<Row> customersClean) {
    return Art34Mailing.contacts(links, personScores, exposures, customersClean);
  }

  /** The leak-size estimates of each incident, one row each. */
  public List<Row> estimates() {
    return estimates.collectAsList();
  }

  public void release() {
    categoryCounts.unpersist();
    incidentTotals.unpersist();
    personScores.unpersist();
    links.unpersist();
    exposures.unpersist();
    prepared.unpersist();
  }
}
