package fr.breachimpact.resolve;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.row_number;
import static org.apache.spark.sql.functions.sha2;
import static org.apache.spark.sql.functions.substring;
import static org.apache.spark.sql.functions.when;

import java.sql.Date;
import java.time.LocalDate;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.expressions.WindowSpec;

/**
 * Stable person ids: a pure function (previous assignment, new clusters) -> (assignment, merges).
 *
 * <ul>
 *   <li>Each previous person id goes to the new cluster holding most of its previous members (tie:
 *       the smaller cluster label); a cluster that grows therefore keeps its id.
 *   <li>A cluster that receives several previous ids keeps the one with most members (tie: the
 *       smaller id); each other one is recorded as merged into it.
 *   <li>A cluster that receives none gets {@code "p" + 16 hex of SHA-256(cluster label)}, its label
 *       being its smallest node id: the same content gives the same id on a first run.
 * </ul>
 */
public final class PersonIds {
  /** node_id, person_id; and run_date, surviving_person_id, merged_person_id. */
  public record Assignment(Dataset<Row> assignment, Dataset<Row> merges) {}

  private PersonIds() {}

  /** The id of a cluster seen for the first time. */
  public static Column freshId(Column clusterLabel) {
    return concat(lit("p"), substring(sha2(clusterLabel, 256), 1, 16));
  }

  /**
   * @param previous node_id, person_id of the previous run (empty on a first run)
   * @param clusters node_id, component of this run
   */
  public static Assignment assign(Dataset<Row> previous, Dataset<Row> clusters, LocalDate runDate) {
    Dataset<Row> overlap =
        clusters
            .join(previous.select("node_id", "person_id"), "node_id")
            .groupBy("component", "person_id")
            .agg(count(lit(1)).as("n"));
    WindowSpec byPerson =
        Window.partitionBy("person_id").orderBy(col("n").desc(), col("component").asc());
    Dataset<Row> inherited =
        overlap
            .withColumn("rk", row_number().over(byPerson))
            .where(col("rk").equalTo(1))
            .drop("rk");
    WindowSpec byCluster =
        Window.partitionBy("component").orderBy(col("n").desc(), col("person_id").asc());
    // Read by the merges and by the assignment: computed once, or the overlap's join and windows
    // run again for the merges.
    Dataset<Row> ranked =
        inherited.withColumn("rk", row_number().over(byCluster)).localCheckpoint(true);
    Dataset<Row> survivors =
        ranked.where(col("rk").equalTo(1)).select(col("component"), col("person_id").as("kept"));
    Dataset<Row> merges =
        ranked
            .where(col("rk").gt(1))
            .join(survivors, "component")
            .select(
                lit(Date.valueOf(runDate)).as("run_date"),
                col("kept").as("surviving_person_id"),
                col("person_id").as("merged_person_id"));

    Dataset<Row> labels = clusters.select("component").distinct();
    Dataset<Row> taken = survivors.select(col("kept").as("taken"));
    Dataset<Row> idPerCluster =
        labels
            .join(survivors, "component", "left")
            .withColumn("fresh", freshId(col("component")))
            .join(taken, col("fresh").equalTo(col("taken")), "left")
            // A fresh id equal to an id still in use (a split-off part of an old person whose
            // smallest node once labelled another cluster) is salted with the run date.
            .withColumn(
                "fresh",
                when(col("taken").isNull(), col("fresh"))
                    .otherwise(freshId(concat(col("component"), lit("|" + runDate)))))
            .select(col("component"), coalesce(col("kept"), col("fresh")).as("person_id"));
    Dataset<Row> assignment =
        clusters.join(idPerCluster, "component").select("node_id", "person_id");
    return new Assignment(assignment, merges);
  }
}
