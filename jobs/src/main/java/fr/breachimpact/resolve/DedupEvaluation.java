package fr.breachimpact.resolve;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.sum;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Scores a deduplication against the ground truth without materialising pairs: records are
 * counted per (predicted, true) cell, and pairs are C(n, 2) of those counts.
 */
public final class DedupEvaluation {
  private DedupEvaluation() {}

  /**
   * @param recordPerson record_id, person_id (the prediction)
   * @param truth record_id, true_person_id
   */
  public static DedupMetrics evaluate(Dataset<Row> recordPerson, Dataset<Row> truth) {
    Dataset<Row> joined =
        recordPerson
            .select("record_id", "person_id")
            .join(truth.select("record_id", "true_person_id"), "record_id");
    Dataset<Row> predicted = joined.groupBy("person_id").agg(count(lit(1)).as("np"));
    Dataset<Row> actual = joined.groupBy("true_person_id").agg(count(lit(1)).as("nt"));
    Dataset<Row> cells =
        joined
            .groupBy("person_id", "true_person_id")
            .agg(count(lit(1)).as("n"))
            .join(predicted, "person_id")
            .join(actual, "true_person_id");
    Row c =
        cells
            .agg(
                coalesce(sum(col("n")), lit(0L)),
                coalesce(sum(pairs(col("n"))), lit(0L)),
                coalesce(sum(col("n").multiply(col("n")).divide(col("np"))), lit(0.0)),
                coalesce(sum(col("n").multiply(col("n")).divide(col("nt"))), lit(0.0)))
            .first();
    Row p = predicted.agg(coalesce(sum(pairs(col("np"))), lit(0L)), coalesce(max("np"), lit(0L))).first();
    Row t = actual.agg(coalesce(sum(pairs(col("nt"))), lit(0L)), coalesce(max("nt"), lit(0L))).first();
    long records = c.getLong(0);
    return new DedupMetrics(
        records,
        p.getLong(0),
        t.getLong(0),
        c.getLong(1),
        records == 0 ? 1.0 : c.getDouble(2) / records,
        records == 0 ? 1.0 : c.getDouble(3) / records,
        p.getLong(1),
        t.getLong(1));
  }

  /** n choose 2. */
  private static Column pairs(Column n) {
    return n.multiply(n.minus(1)).divide(2).cast("long");
  }
}
