package fr.breachimpact.report;

import static org.apache.spark.sql.functions.array_contains;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.when;

import fr.breachimpact.spark.Tables;
import java.sql.Date;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * What changed since the previous report date, what a nightly recomputation is for: newly exposed
 * persons (per incident), persons exposed in a new incident, risk levels that rose, newly exposed
 * customers and customers newly to notify (per brand). The pseudonyms ({@link #DETAIL_NAME}) go to
 * the notification zone; the counts per change, brand and incident ({@link #NAME}) to the aggregate
 * reports, small counts suppressed. Without a previous date, everything is new.
 */
public final class ExposureChanges {
  public static final String NAME = Tables.EXPOSURE_CHANGES;
  public static final String DETAIL_NAME = Tables.EXPOSURE_CHANGE_PSEUDONYMS;
  public static final List<String> CHANGES =
      List.of("new_person", "new_incident", "level_rose", "new_customer", "newly_to_notify");

  private ExposureChanges() {}

  /**
   * change, person_pseudonym, customer_pseudonym, brand, incident_id, since.
   *
   * @param previousPersons person_exposure of the previous date, or null
   * @param previousCustomers customer_risk of the previous date, or null
   * @param since the previous date, or null
   */
  public static Dataset<Row> detail(
      Dataset<Row> persons,
      Dataset<Row> previousPersons,
      Dataset<Row> customers,
      Dataset<Row> previousCustomers,
      LocalDate since) {
    Dataset<Row> before = previousPersons == null ? persons.limit(0) : previousPersons;
    Dataset<Row> beforeCustomers =
        previousCustomers == null ? customers.limit(0) : previousCustomers;
    Dataset<Row> p = persons.select(col("person_pseudonym"), col("incidents"), col("level"));
    Dataset<Row> b =
        before.select(
            col("person_pseudonym"),
            col("incidents").as("before_incidents"),
            col("level").as("before_level"));
    Dataset<Row> joined = p.join(b, Frames.seq("person_pseudonym"), "left");
    Dataset<Row> perIncident =
        joined.select(
            col("person_pseudonym"),
            col("before_incidents"),
            explode(col("incidents")).as("incident_id"));
    Dataset<Row> newPersons =
        perIncident
            .where(col("before_incidents").isNull())
            .select(lit("new_person").as("change"), col("person_pseudonym"), col("incident_id"));
    Dataset<Row> newIncidents =
        perIncident
            .where(
                col("before_incidents")
                    .isNotNull()
                    .and(array_contains(col("before_incidents"), col("incident_id")).unary_$bang()))
            .select(lit("new_incident").as("change"), col("person_pseudonym"), col("incident_id"));
    Dataset<Row> rose =
        joined
            .where(
                col("before_level")
                    .isNotNull()
                    .and(rank(col("level")).gt(rank(col("before_level")))))
            .select(
                lit("level_rose").as("change"),
                col("person_pseudonym"),
                lit(null).cast("string").as("incident_id"));
    Dataset<Row> personChanges =
        newPersons
            .unionByName(newIncidents)
            .unionByName(rose)
            .withColumn("customer_pseudonym", lit(null).cast("string"))
            .withColumn("brand", lit(null).cast("string"));

    Dataset<Row> c = customers.select(col("customer_pseudonym"), col("brand"), col("notify"));
    Dataset<Row> cb =
        beforeCustomers.select(
            col("customer_pseudonym"), col("brand"), col("notify").as("before_notify"));
    Dataset<Row> cj = c.join(cb, Frames.seq("customer_pseudonym", "brand"), "left");
    Dataset<Row> newCustomers =
        cj.where(col("before_notify").isNull())
            .select(lit("new_customer").as("change"), col("customer_pseudonym"), col("brand"));
    Dataset<Row> newlyToNotify =
        cj.where(col("notify").and(coalesce(col("before_notify"), lit(false)).unary_$bang()))
            .select(lit("newly_to_notify").as("change"), col("customer_pseudonym"), col("brand"));
    Dataset<Row> customerChanges =
        newCustomers
            .unionByName(newlyToNotify)
            .withColumn("person_pseudonym", lit(null).cast("string"))
            .withColumn("incident_id", lit(null).cast("string"));
    return personChanges
        .unionByName(customerChanges)
        .withColumn("since", lit(since == null ? null : Date.valueOf(since)).cast("date"))
        .select("change", "person_pseudonym", "customer_pseudonym", "brand", "incident_id", "since")
        .orderBy("change", "brand", "incident_id", "person_pseudonym", "customer_pseudonym");
  }

  /** change, brand, incident_id, count (null below k), suppressed, since. */
  public static Dataset<Row> counts(Dataset<Row> detail, int k) {
    Dataset<Row> counts =
        detail.groupBy("change", "brand", "incident_id", "since").agg(count(lit(1)).as("count"));
    return Suppression.apply(counts, k, Map.of("count", List.of()))
        .select("change", "brand", "incident_id", "count", "suppressed", "since")
        .orderBy("change", "brand", "incident_id");
  }

  private static Column rank(Column level) {
    return when(level.equalTo(EnisaLevel.LOW.label()), 1)
        .when(level.equalTo(EnisaLevel.MEDIUM.label()), 2)
        .when(level.equalTo(EnisaLevel.HIGH.label()), 3)
        .when(level.equalTo(EnisaLevel.VERY_HIGH.label()), 4)
        .otherwise(0);
  }
}
