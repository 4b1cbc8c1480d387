package fr.breachimpact.link;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.lower;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Grades matches against a ground truth: a true pair is a leaked record and a customer of the same
 * person. Precision and recall overall, per incident, and per method (for a method, recall is its
 * share of all true pairs: the methods' recalls add up to the overall recall).
 */
public final class LinkageEvaluation {

  /** Counts and the figures derived from them. */
  public record Scores(long truePositives, long predicted, long actual) {
    public double precision() {
      return predicted == 0 ? 1.0 : (double) truePositives / predicted;
    }

    public double recall() {
      return actual == 0 ? 1.0 : (double) truePositives / actual;
    }

    public double f1() {
      double p = precision();
      double r = recall();
      return p + r == 0 ? 0 : 2 * p * r / (p + r);
    }

    /** "precision=0.998 recall=0.981 f1=0.989 tp=.. predicted=.. actual=..". */
    public String line() {
      return String.format(
          Locale.ROOT,
          "precision=%.3f recall=%.3f f1=%.3f tp=%d predicted=%d actual=%d",
          precision(),
          recall(),
          f1(),
          truePositives,
          predicted,
          actual);
    }
  }

  public record Report(
      Scores overall, Map<String, Scores> byIncident, Map<String, Scores> byMethod) {
    /** The lines the evaluate command prints, the first one in the format. */
    public List<String> lines() {
      List<String> out = new ArrayList<>();
      out.add(
          String.format(
              Locale.ROOT,
              "linkage precision=%.3f recall=%.3f f1=%.3f",
              overall.precision(),
              overall.recall(),
              overall.f1()));
      out.add("linkage overall " + overall.line());
      byIncident.forEach((k, v) -> out.add("linkage incident=" + k + " " + v.line()));
      byMethod.forEach((k, v) -> out.add("linkage method=" + k + " " + v.line()));
      return out;
    }
  }

  /**
   * How much blocking kept: pairs completeness is the share of true pairs among the candidate pairs
   * (a true pair blocking lost can never be matched), reduction ratio the share of all possible
   * pairs left out (records x customers for link, n(n-1)/2 for deduplication).
   */
  public record Blocking(
      long truePairsKept, long truePairs, long candidatePairs, long records, double space) {
    public double pairsCompleteness() {
      return truePairs == 0 ? 1.0 : (double) truePairsKept / truePairs;
    }

    public double reductionRatio() {
      return space == 0 ? 1.0 : 1 - candidatePairs / space;
    }

    public double pairsPerRecord() {
      return records == 0 ? 0 : (double) candidatePairs / records;
    }

    /** {@code what}: "blocking" for link, "dedup blocking" for resolve. */
    public String line(String what) {
      return String.format(
          Locale.ROOT,
          what
              + " pairs_completeness=%.4f reduction_ratio=%.6f pairs_per_record=%.2f true_pairs_kept=%d true_pairs=%d candidate_pairs=%d",
          pairsCompleteness(),
          reductionRatio(),
          pairsPerRecord(),
          truePairsKept,
          truePairs,
          candidatePairs);
    }
  }

  private LinkageEvaluation() {}

  /**
   * @param linkPairs {@code link_pairs} (record_id, brand, customer_id)
   * @param recordTruth record_id, incident_id, person_id
   * @param customerTruth brand, customer_id, person_id
   */
  public static Blocking blocking(
      Dataset<Row> linkPairs,
      Dataset<Row> recordTruth,
      Dataset<Row> customerTruth,
      long records,
      long customers) {
    Dataset<Row> truePairs = truePairs(recordTruth, customerTruth);
    long all = truePairs.count();
    Dataset<Row> candidates =
        linkPairs
            .select(col("record_id"), lower(col("brand")).as("brand"), col("customer_id"))
            .distinct();
    long kept =
        candidates
            .join(
                truePairs,
                col("record_id")
                    .equalTo(col("t_record_id"))
                    .and(col("brand").equalTo(col("t_brand")))
                    .and(col("customer_id").equalTo(col("t_customer_id"))))
            .count();
    return new Blocking(kept, all, candidates.count(), records, (double) records * customers);
  }

  /**
   * t_record_id, t_incident_id, t_brand, t_customer_id of every record and customer of one person.
   */
  static Dataset<Row> truePairs(Dataset<Row> recordTruth, Dataset<Row> customerTruth) {
    return recordTruth
        .where(col("person_id").isNotNull())
        .select(
            col("record_id").as("t_record_id"),
            col("incident_id").as("t_incident_id"),
            col("person_id"))
        .join(
            customerTruth
                .where(col("person_id").isNotNull())
                .select(
                    lower(col("brand")).as("t_brand"),
                    col("customer_id").cast("string").as("t_customer_id"),
                    col("person_id").cast("string").as("person_id")),
            "person_id")
        .select("t_record_id", "t_incident_id", "t_brand", "t_customer_id")
        .distinct();
  }

  /**
   * record_id -> person_id from {@code leaked_records} (record_id, incident_id, source_file,
   * line_number) and the generator's ground-truth/leaked_records.csv (incident_id, source_file,
   * line_number, person_id).
   */
  public static Dataset<Row> recordTruth(Dataset<Row> leakedRecords, Dataset<Row> truthRecords) {
    Dataset<Row> truth =
        truthRecords.select(
            col("incident_id").as("_t_incident_id"),
            col("source_file").as("_t_source_file"),
            col("line_number").cast("long").as("_t_line_number"),
            col("person_id").cast("string").as("person_id"));
    return leakedRecords
        .join(
            truth,
            col("incident_id")
                .equalTo(col("_t_incident_id"))
                .and(col("source_file").equalTo(col("_t_source_file")))
                .and(col("line_number").cast("long").equalTo(col("_t_line_number"))))
        .select(col("record_id"), col("incident_id"), col("person_id"));
  }

  /**
   * @param matches customer_matches (record_id, incident_id, customer_id, brand, method)
   * @param recordTruth record_id, incident_id, person_id
   * @param customerTruth brand, customer_id, person_id
   */
  public static Report evaluate(
      Dataset<Row> matches, Dataset<Row> recordTruth, Dataset<Row> customerTruth) {
    Dataset<Row> truePairs = truePairs(recordTruth, customerTruth);
    Dataset<Row> predicted =
        matches
            .select(
                col("record_id"),
                col("incident_id"),
                lower(col("brand")).as("brand"),
                col("customer_id"),
                col("method"))
            .distinct()
            .join(
                truePairs.withColumn("_tp", lit(1)),
                col("record_id")
                    .equalTo(col("t_record_id"))
                    .and(col("brand").equalTo(col("t_brand")))
                    .and(col("customer_id").equalTo(col("t_customer_id"))),
                "left")
            .select(col("incident_id"), col("method"), col("_tp").isNotNull().as("tp"))
            .cache();
    Map<String, long[]> byIncident = new TreeMap<>();
    Map<String, long[]> byMethod = new TreeMap<>();
    long[] overall = new long[3];
    for (Row row :
        predicted.groupBy("incident_id", "method", "tp").agg(count(lit(1))).collectAsList()) {
      long n = row.getLong(3);
      int slot = row.getBoolean(2) ? 0 : 1;
      byIncident.computeIfAbsent(row.getString(0), k -> new long[3])[slot] += n;
      byMethod.computeIfAbsent(row.getString(1), k -> new long[3])[slot] += n;
      overall[slot] += n;
    }
    predicted.unpersist();
    long actualAll = 0;
    for (Row row : truePairs.groupBy("t_incident_id").agg(count(lit(1))).collectAsList()) {
      byIncident.computeIfAbsent(row.getString(0), k -> new long[3])[2] = row.getLong(1);
      actualAll += row.getLong(1);
    }
    Map<String, Scores> incidents = new TreeMap<>();
    byIncident.forEach((k, v) -> incidents.put(k, new Scores(v[0], v[0] + v[1], v[2])));
    Map<String, Scores> methods = new TreeMap<>();
    long actual = actualAll;
    byMethod.forEach((k, v) -> methods.put(k, new Scores(v[0], v[0] + v[1], actual)));
    return new Report(
        new Scores(overall[0], overall[0] + overall[1], actualAll), incidents, methods);
  }
}
