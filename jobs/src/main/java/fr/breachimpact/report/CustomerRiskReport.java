package fr.breachimpact.report;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.struct;

import fr.breachimpact.spark.Tables;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * {@code customer_risk}: every customer linked to an exposed person, with that person's score and
 * whether the customer is to be notified (art. 34: high or very high). A customer linked to two
 * persons (the graph could not merge them) takes the higher score.
 */
public final class CustomerRiskReport {
  public static final String NAME = Tables.CUSTOMER_RISK;

  private CustomerRiskReport() {}

  public static Dataset<Row> build(
      Dataset<Row> links, Dataset<Row> personScores, Pseudonymizer pseudonyms) {
    return links
        .select("person_id", "customer_id", "brand")
        .join(personScores.select("person_id", "se", "level"), Frames.seq("person_id"))
        .groupBy("brand", "customer_id")
        .agg(max(struct(col("se"), col("person_id"), col("level"))).as("top"))
        .select(
            pseudonyms.customer(col("brand"), col("customer_id")).as("customer_pseudonym"),
            col("brand"),
            pseudonyms.person(col("top.person_id")).as("person_pseudonym"),
            col("top.se").as("se"),
            col("top.level").as("level"),
            col("top.level")
                .isin(EnisaLevel.HIGH.label(), EnisaLevel.VERY_HIGH.label())
                .as("notify"))
        .orderBy("brand", "customer_pseudonym");
  }
}
