package fr.breachimpact.resolve;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.trim;
import static org.apache.spark.sql.functions.when;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * The vertices of the identity graph: leaked records and customers in one shape. A key that is
 * not valid (email_valid, phone_valid, nir_valid not true) is nulled here, so that nothing
 * downstream links on it.
 *
 * <p>Columns: node_id, kind ({@code record} or {@code customer}), record_id, incident_id,
 * customer_id, brand, first_name_key, last_name_key, birth_date_norm, email_key, phone_e164,
 * nir_norm, postcode_norm, department.
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

  /** The columns a pair is compared on, the same for records and customers. */
  public static final List<String> IDENTITY_COLUMNS =
      List.of("first_name_key", "last_name_key", "birth_date_norm", "email_key", "phone_e164", "nir_norm",
          "postcode_norm", "department");

  public static Dataset<Row> fromRecords(Dataset<Row> recordsClean) {
    return recordsClean.select(withIdentity(
        recordNode(col("record_id")).as("node_id"),
        lit(RECORD).as("kind"),
        col("record_id"),
        col("incident_id"),
        lit(null).cast("string").as("customer_id"),
        lit(null).cast("string").as("brand")));
  }

  public static Dataset<Row> fromCustomers(Dataset<Row> customersClean) {
    return customersClean.select(withIdentity(
        customerNode(col("brand"), col("customer_id")).as("node_id"),
        lit(CUSTOMER).as("kind"),
        lit(null).cast("string").as("record_id"),
        lit(null).cast("string").as("incident_id"),
        col("customer_id"),
        col("brand")));
  }

  /** The ids, then {@link #IDENTITY_COLUMNS}: blank text absent, keys kept only when valid. */
  private static Column[] withIdentity(Column... ids) {
    List<Column> cols = new ArrayList<>(List.of(ids));
    cols.add(text("first_name_key"));
    cols.add(text("last_name_key"));
    cols.add(col("birth_date_norm").cast("date").as("birth_date_norm"));
    cols.add(validOnly("email_key", "email_valid"));
    cols.add(validOnly("phone_e164", "phone_valid"));
    cols.add(validOnly("nir_norm", "nir_valid"));
    cols.add(text("postcode_norm"));
    cols.add(text("department"));
    return cols.toArray(new Column[0]);
  }

  public static Dataset<Row> all(Dataset<Row> recordsClean, Dataset<Row> customersClean) {
    return fromRecords(recordsClean).unionByName(fromCustomers(customersClean));
  }

  /** Blank strings are absent values. */
  private static Column text(String name) {
    return when(trim(col(name)).notEqual(""), col(name)).as(name);
  }

  private static Column validOnly(String name, String validFlag) {
    return when(col(validFlag).equalTo(true).and(trim(col(name)).notEqual("")), col(name))
        .as(name);
  }
}
