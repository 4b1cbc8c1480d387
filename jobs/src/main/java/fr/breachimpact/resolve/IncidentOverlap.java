package fr.breachimpact.resolve;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.when;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * The {@code incident_overlap} report: for every pair of incidents (incident_a < incident_b),
 * distinct persons in each, in both, in either, and the Jaccard index. Counts only.
 */
public final class IncidentOverlap {
  private IncidentOverlap() {}

  /**
   * Each person once per incident: incident_id, person_id. Both overlap reports read it (three
   * times here, once in {@link GroupOverlap}): the caller computes it once and keeps it.
   *
   * @param recordPerson record_id, incident_id, person_id
   */
  public static Dataset<Row> exposures(Dataset<Row> recordPerson) {
    return recordPerson.select("incident_id", "person_id").distinct();
  }

  /**
   * @param exposures {@link #exposures}
   * @param minCellSize counts below it (and above 0) set below_min_cell_size
   */
  public static Dataset<Row> compute(Dataset<Row> exposures, int minCellSize) {
    Dataset<Row> sizes = exposures.groupBy("incident_id").agg(count(lit(1)).as("persons"));
    Dataset<Row> a = exposures.toDF("incident_a", "person_id");
    Dataset<Row> b = exposures.toDF("incident_b", "person_id");
    Dataset<Row> both =
        a.join(b, "person_id")
            .where(col("incident_a").lt(col("incident_b")))
            .groupBy("incident_a", "incident_b")
            .agg(count(lit(1)).as("persons_both"));
    Dataset<Row> sizesA = sizes.toDF("incident_a", "persons_a");
    Dataset<Row> sizesB = sizes.toDF("incident_b", "persons_b");
    Column either = col("persons_a").plus(col("persons_b")).minus(col("persons_both"));
    return sizesA
        .crossJoin(sizesB)
        .where(col("incident_a").lt(col("incident_b")))
        .join(
            both.toDF("both_a", "both_b", "persons_both"),
            col("incident_a").equalTo(col("both_a")).and(col("incident_b").equalTo(col("both_b"))),
            "left")
        .withColumn("persons_both", coalesce(col("persons_both"), lit(0L)))
        .withColumn("persons_either", either)
        .withColumn(
            "jaccard",
            when(col("persons_either").gt(0), col("persons_both").divide(col("persons_either")))
                .otherwise(lit(0.0)))
        .withColumn(
            "below_min_cell_size",
            small(col("persons_a"), minCellSize)
                .or(small(col("persons_b"), minCellSize))
                .or(small(col("persons_both"), minCellSize)))
        .select(
            "incident_a",
            "incident_b",
            "persons_a",
            "persons_b",
            "persons_both",
            "persons_either",
            "jaccard",
            "below_min_cell_size")
        .orderBy("incident_a", "incident_b");
  }

  static Column small(Column count, int minCellSize) {
    return count.gt(0).and(count.lt(minCellSize));
  }
}
