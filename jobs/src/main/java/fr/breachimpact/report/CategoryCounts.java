package fr.breachimpact.report;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.countDistinct;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import fr.breachimpact.classify.CategoryMask;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;

/**
 * Per incident and category: {@code records}, {@code persons}, and the persons with at least one
 * verified, claimed or detected exposure ({@code persons_verified}, {@code persons_claimed}, {@code
 * persons_detected}), and the records whose category rests on content detection alone ({@code
 * records_detected}: the evidence of a detected category). Both exposure_by_incident_category and
 * incident_severity read these counts: computed once, a few rows per incident.
 */
public final class CategoryCounts {
  private CategoryCounts() {}

  /**
   * @param exposures {@link ExposedRecords#categories}
   */
  public static Dataset<Row> of(Dataset<Row> exposures) {
    // Per person first, then per incident and category: five distinct counts in one aggregation
    // would have Spark copy every row five times. The exposures are shuffled once, on the
    // person's key, which both the record count and the person aggregation then reuse (a record
    // has one person, so the distinct records of a cell are the sum over its persons).
    Dataset<Row> perPerson =
        exposures
            .repartition(col("incident_id"), col("code"), col("person_id"))
            .groupBy("incident_id", "code", "person_id")
            .agg(
                countDistinct("record_id").as("records"),
                sum(statusFlag("detected")).as("detected_records"),
                max(statusFlag("verified")).as("verified"),
                max(statusFlag("claimed")).as("claimed"),
                max(statusFlag("detected")).as("detected"));
    return perPerson
        .groupBy(col("incident_id"), col("code").as("category"))
        .agg(
            sum("records").as("records"),
            count(lit(1)).as("persons"),
            sum("verified").as("persons_verified"),
            sum("claimed").as("persons_claimed"),
            sum("detected").as("persons_detected"),
            sum("detected_records").as("records_detected"));
  }

  /**
   * The category codes of the counts, as bits ({@link CategoryMask}, in sorted order): any code the
   * classifier writes, whether or not it is in the taxonomy. Collects a few rows per incident.
   *
   * @param counts {@link #of}
   * @throws IllegalStateException with one line, past {@link CategoryMask#MAX_CODES} codes
   */
  public static CategoryMask codes(Dataset<Row> counts) {
    List<String> codes =
        counts
            .select("category")
            .distinct()
            .orderBy("category")
            .as(Encoders.STRING())
            .collectAsList();
    try {
      return CategoryMask.of(codes);
    } catch (IllegalArgumentException e) {
      throw new IllegalStateException(
          "report: leaked_records_clean.categories.code: " + e.getMessage(), e);
    }
  }

  /** 1 when the row's status is the given one, else 0: summed per person, then per cell. */
  private static Column statusFlag(String status) {
    return when(col("status").equalTo(status), 1L).otherwise(0L);
  }
}
