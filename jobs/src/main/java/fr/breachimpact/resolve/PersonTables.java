package fr.breachimpact.resolve;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import java.sql.Date;
import java.time.LocalDate;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/** The restricted output tables, from the parties and their person assignment. */
public final class PersonTables {
  private PersonTables() {}

  /** parties joined with node_id -> person_id. */
  public static Dataset<Row> members(Dataset<Row> parties, Dataset<Row> assignment) {
    return parties
        .select("node_id", "kind", "record_id", "incident_id", "customer_id", "brand")
        .join(assignment, "node_id");
  }

  /** record_id, incident_id, person_id. */
  public static Dataset<Row> recordPerson(Dataset<Row> members) {
    return members
        .where(col("kind").equalTo(Parties.RECORD))
        .select("record_id", "incident_id", "person_id");
  }

  /** customer_id, brand, person_id. */
  public static Dataset<Row> customerPerson(Dataset<Row> members) {
    return members
        .where(col("kind").equalTo(Parties.CUSTOMER))
        .select("customer_id", "brand", "person_id");
  }

  /**
   * person_id, record_count, incident_count, customer_count, brand_count, cluster_size,
   * needs_review, first_seen_run_date, run_date.
   *
   * @param previousPersons person_id, first_seen_run_date of the previous run (may be empty)
   */
  public static Dataset<Row> persons(
      Dataset<Row> members, Dataset<Row> previousPersons, int maxClusterSize, LocalDate runDate) {
    Column isRecord = col("kind").equalTo(Parties.RECORD);
    Dataset<Row> firstSeen =
        previousPersons.select(
            col("person_id"), col("first_seen_run_date").as("previous_first_seen"));
    // A person's distinct incidents (of its records) and brands (of its customers) as plain hash
    // aggregations: members shuffled once on person_id, then grouped on (person, kind, incident
    // or brand) and on person in the same stage. Sets (collect_set) fell back to sorting past a
    // few hundred persons per task, and distinct counts make Spark expand every row per count.
    Column isCustomer = col("kind").equalTo(Parties.CUSTOMER);
    Column scope = when(isRecord, col("incident_id")).otherwise(col("brand"));
    Dataset<Row> perScope =
        members
            .repartition(col("person_id"))
            .groupBy(col("person_id"), col("kind"), scope.as("scope"))
            .agg(count(lit(1)).as("n"));
    Column scoped = col("scope").isNotNull();
    return perScope
        .groupBy("person_id")
        .agg(
            sum(when(isRecord, col("n")).otherwise(0L)).as("record_count"),
            count(when(isRecord.and(scoped), lit(1))).as("incident_count"),
            sum(when(isCustomer, col("n")).otherwise(0L)).as("customer_count"),
            count(when(isCustomer.and(scoped), lit(1))).as("brand_count"),
            sum(col("n")).as("cluster_size"))
        .withColumn("needs_review", col("cluster_size").gt(maxClusterSize))
        .join(firstSeen, "person_id", "left")
        .withColumn(
            "first_seen_run_date", coalesce(col("previous_first_seen"), lit(Date.valueOf(runDate))))
        .withColumn("run_date", lit(Date.valueOf(runDate)))
        .select(
            "person_id",
            "record_count",
            "incident_count",
            "customer_count",
            "brand_count",
            "cluster_size",
            "needs_review",
            "first_seen_run_date",
            "run_date");
  }

  /** Clusters above the size bound, kept (they have ids) but listed for a human to review. */
  public static Dataset<Row> clusterReview(Dataset<Row> persons, int maxClusterSize) {
    return persons
        .where(col("needs_review"))
        .select(
            col("person_id"),
            col("cluster_size"),
            col("record_count"),
            col("customer_count"),
            col("incident_count"),
            col("brand_count"),
            lit("cluster_size_above_" + maxClusterSize).as("reason"),
            col("run_date"));
  }
}
