package fr.breachimpact.resolve;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.lit;

import fr.breachimpact.link.ComparableColumns;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * The vertices of the identity graph: leaked records and customers in one shape. Columns: node_id,
 * kind ({@code record} or {@code customer}), record_id, incident_id, customer_id, brand, then the
 * comparable columns of {@link ComparableColumns}. The keys that may link alone ({@code email},
 * {@code phone}, {@code nir}) are kept only where valid, so that nothing downstream links on an
 * invalid one ({@link HubGuard} then drops the values several people share).
 */
public final class Parties {
  public static final String RECORD = "record";
  public static final String CUSTOMER = "customer";

  private Parties() {}

  /** Node id of a leaked record: record ids are unique across incidents. */
  public static Column recordNode(Column recordId) {
    return concat(lit("r|"), recordId);
  }

  /** Node id of a customer: customer ids are unique within a brand only. */
  public static Column customerNode(Column brand, Column customerId) {
    return concat(lit("c|"), brand, lit("|"), customerId);
  }

  public static Dataset<Row> fromRecords(Dataset<Row> recordsClean) {
    return validKeysOnly(
        recordsClean.select(
            withIdentity(
                recordsClean,
                recordNode(col("record_id")).as("node_id"),
                lit(RECORD).as("kind"),
                col("record_id"),
                col("incident_id"),
                lit(null).cast("string").as("customer_id"),
                lit(null).cast("string").as("brand"))));
  }

  public static Dataset<Row> fromCustomers(Dataset<Row> customersClean) {
    return validKeysOnly(
        customersClean.select(
            withIdentity(
                customersClean,
                customerNode(col("brand"), col("customer_id")).as("node_id"),
                lit(CUSTOMER).as("kind"),
                lit(null).cast("string").as("record_id"),
                lit(null).cast("string").as("incident_id"),
                col("customer_id"),
                col("brand"))));
  }

  /** The ids, then the comparable columns, the linking keys valid only. */
  private static Column[] withIdentity(Dataset<Row> clean, Column... ids) {
    List<Column> cols = new ArrayList<>(List.of(ids));
    cols.addAll(ComparableColumns.of("", Set.of(clean.columns())));
    return cols.toArray(new Column[0]);
  }

  public static Dataset<Row> all(Dataset<Row> recordsClean, Dataset<Row> customersClean) {
    return fromRecords(recordsClean).unionByName(fromCustomers(customersClean));
  }

  /** The keys that link alone, kept only where valid (their trusted copies). */
  private static Dataset<Row> validKeysOnly(Dataset<Row> parties) {
    return parties
        .withColumn("email", col("email_det"))
        .withColumn("phone", col("phone_det"))
        .withColumn("nir", col("nir_det"));
  }
}
