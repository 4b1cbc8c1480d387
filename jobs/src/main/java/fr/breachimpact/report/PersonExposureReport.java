package fr.breachimpact.report;

import static org.apache.spark.sql.functions.col;

import fr.breachimpact.spark.Tables;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/** {@code person_exposure}: {@link PersonScores} with the person id replaced by its pseudonym. */
public final class PersonExposureReport {
  public static final String NAME = Tables.PERSON_EXPOSURE;

  private PersonExposureReport() {}

  public static Dataset<Row> build(Dataset<Row> personScores, Pseudonymizer pseudonyms) {
    return personScores
        .withColumn("person_pseudonym", pseudonyms.person(col("person_id")))
        .select(
            "person_pseudonym",
            "incidents",
            "incident_count",
            "categories",
            "first_exposure",
            "last_exposure",
            "dpc",
            "ei",
            "cb",
            "se",
            "level",
            "factors")
        .orderBy("person_pseudonym");
  }
}
