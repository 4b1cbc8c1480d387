package fr.breachimpact.report;

import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.countDistinct;
import static org.apache.spark.sql.functions.lit;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Per incident: {@code records} and distinct {@code persons} of its leaked sample. The severity
 * report scores them and exposure_by_incident_category divides by the persons: computed once, a row
 * per incident.
 */
public final class IncidentTotals {
  private IncidentTotals() {}

  /**
   * @param prepared {@link ExposedRecords#prepare}
   */
  public static Dataset<Row> of(Dataset<Row> prepared) {
    return prepared
        .groupBy("incident_id")
        .agg(count(lit(1)).as("records"), countDistinct("person_id").as("persons"));
  }
}
