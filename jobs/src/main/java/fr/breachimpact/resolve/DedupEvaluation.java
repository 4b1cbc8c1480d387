package fr.breachimpact.resolve;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.sum;

import fr.breachimpact.link.LinkageEvaluation;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Scores a deduplication against the ground truth without materialising pairs: records are counted
 * per (predicted, true) cell, and pairs are C(n, 2) of those counts.
 */
public final class DedupEvaluation {
  private DedupEvaluation() {}

  /**
   * How much deduplication's blocking kept: the share of true record pairs (two records of one
   * person) among {@code dedupe_pairs}.
   *
   * @param dedupePairs node_a, node_b (record nodes {@code r|<record_id>})
   * @param truth record_id, true_person_id
   * @param parties records and customers that were paired
   */
  public static LinkageEvaluation.Blocking blocking(
      Dataset<Row> dedupePairs, Dataset<Row> truth, long parties) {
    Dataset<Row> nodes =
        truth
            .where(col("true_person_id").isNotNull())
            .select(Parties.recordNode(col("record_id")).as("node"), col("true_person_id"));
    Dataset<Row> truePairs =
        nodes
            .as("a")
            .join(nodes.as("b"), "true_person_id")
            .where(col("a.node").lt(col("b.node")))
            .select(col("a.node").as("t_a"), col("b.node").as("t_b"));
    long all = truePairs.count();
    Dataset<Row> recordPairs =
        dedupePairs.where(col("node_a").startsWith("r|").and(col("node_b").startsWith("r|")));
    long kept =
        recordPairs
            .join(
                truePairs, col("node_a").equalTo(col("t_a")).and(col("node_b").equalTo(col("t_b"))))
            .count();
    return new LinkageEvaluation.Blocking(
        kept, all, dedupePairs.count(), parties, (double) parties * (parties - 1) / 2);
  }

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
    Row p =
        predicted
            .agg(coalesce(sum(pairs(col("np"))), lit(0L)), coalesce(max("np"), lit(0L)))
            .first();
    Row t =
        actual.agg(coalesce(sum(pairs(col("nt"))), lit(0L)), coalesce(max("nt"), lit(0L))).first();
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
