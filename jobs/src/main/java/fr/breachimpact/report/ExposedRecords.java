package fr.breachimpact.report;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.expr;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.upper;

import fr.breachimpact.spark.Columns;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * The leaked records as the reports see them: one row per record with its person, the identifier
 * kinds it carries (flags, no values) and its EI, and one row per record and category. Raw
 * identifiers do not go further than this class.
 */
public final class ExposedRecords {
  /** Marks a record that resolve gave no person: it counts as a person of its own. */
  public static final String UNRESOLVED_PREFIX = "unresolved:";

  private ExposedRecords() {}

  /**
   * record_id, incident_id, person_id, account_id, source_file, categories, one boolean {@code
   * id_*} flag per {@link Identifier}, ei and ei_rule (index into the EI table).
   */
  public static Dataset<Row> prepare(Dataset<Row> leakedClean, Dataset<Row> recordPerson) {
    List<Column> cols = new ArrayList<>();
    cols.add(col("record_id"));
    cols.add(col("incident_id"));
    cols.add(Frames.colOrNull(leakedClean, "account_id", "string").as("account_id"));
    cols.add(Frames.colOrNull(leakedClean, "source_file", "string").as("source_file"));
    cols.add(col("categories"));
    for (String c :
        new String[] {
          Columns.FIRST_NAME_KEY, Columns.LAST_NAME_KEY, Columns.STREET_KEY, "professional_id"
        }) {
      cols.add(Frames.colOrNull(leakedClean, c, "string").as(c));
    }
    cols.add(
        Frames.colOrNull(leakedClean, Columns.BIRTH_DATE_NORM, "date").as(Columns.BIRTH_DATE_NORM));
    for (String c :
        new String[] {
          Columns.EMAIL_VALID, Columns.PHONE_VALID, Columns.POSTCODE_VALID, Columns.NIR_VALID
        }) {
      cols.add(Frames.colOrNull(leakedClean, c, "boolean").as(c));
    }
    Dataset<Row> records = leakedClean.select(cols.toArray(Column[]::new));
    for (Identifier id : Identifier.values()) {
      records = records.withColumn(id.flagColumn(), coalesce(expr(id.sqlCondition()), lit(false)));
    }
    Dataset<Row> persons =
        recordPerson.select(col("record_id"), col("person_id")).dropDuplicates("record_id");
    return records
        .join(persons, Frames.seq("record_id"), "left")
        .withColumn(
            "person_id",
            coalesce(col("person_id"), concat(lit(UNRESOLVED_PREFIX), col("record_id"))))
        .drop(
            Columns.FIRST_NAME_KEY,
            Columns.LAST_NAME_KEY,
            Columns.STREET_KEY,
            "professional_id",
            Columns.BIRTH_DATE_NORM,
            Columns.EMAIL_VALID,
            Columns.PHONE_VALID,
            Columns.POSTCODE_VALID,
            Columns.NIR_VALID)
        .withColumn("ei", IdentificationEase.eiColumn())
        .withColumn("ei_rule", IdentificationEase.ruleIndexColumn());
  }

  /**
   * One row per record and category: record_id, incident_id, source_file, person_id, code, status.
   */
  public static Dataset<Row> categories(Dataset<Row> prepared) {
    return prepared
        .select(
            col("record_id"),
            col("incident_id"),
            col("source_file"),
            col("person_id"),
            explode(col("categories")).as("c"))
        .select(
            col("record_id"),
            col("incident_id"),
            col("source_file"),
            col("person_id"),
            upper(col("c.code")).as("code"),
            expr("lower(c.status)").as("status"))
        .where(col("code").isNotNull())
        .dropDuplicates("record_id", "code", "status");
  }
}
