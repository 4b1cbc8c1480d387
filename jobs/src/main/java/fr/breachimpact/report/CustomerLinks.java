package fr.breachimpact.report;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.max;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Which customers each exposed person is: customer_person from resolve, plus the direct
 * record-to-customer matches of link (through the record's person), so that a customer the identity
 * graph left out is still counted. Result: person_id, customer_id, brand, group_name.
 */
public final class CustomerLinks {
  private CustomerLinks() {}

  public static Dataset<Row> of(
      Dataset<Row> prepared,
      Dataset<Row> customerPerson,
      Dataset<Row> customerMatches,
      Dataset<Row> customersClean) {
    Dataset<Row> viaPerson = customerPerson.select("person_id", "customer_id", "brand");
    Dataset<Row> viaMatch =
        customerMatches
            .select("record_id", "customer_id", "brand")
            .join(prepared.select("record_id", "person_id"), Frames.seq("record_id"))
            .select("person_id", "customer_id", "brand");
    Dataset<Row> groups =
        customersClean.groupBy("brand").agg(max(col("group_name")).as("group_name"));
    return viaPerson
        .unionByName(viaMatch)
        .where(col("person_id").isNotNull().and(col("customer_id").isNotNull()))
        .distinct()
        .join(groups, Frames.seq("brand"), "left")
        .select("person_id", "customer_id", "brand", "group_name");
  }
}
