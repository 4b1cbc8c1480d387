package fr.breachimpact.link;

import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.when;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;

/**
 * Which key values may be trusted alone. A placeholder (contact@, 0600000000, 0000) or a value
 * shared by more than N customers of a brand (a family phone, a shop's address) says little about
 * who the person is: it stays a comparison, never a deterministic match or a blocking key.
 */
public final class KeyGuard {
  /** Generic mailboxes and throwaway domains, on the normalised key. */
  public static final String EMAIL_PLACEHOLDER =
      "^(contact|info|infos|admin|test|noreply|no-reply|null|none|nomail|aucun|pasdemail|sansemail"
          + "|x+|a|abc|email|mail)@|@(example|test|localhost)\\.";

  /** A French number whose subscriber digits are all zero, or eight identical digits in a row. */
  public static final String PHONE_PLACEHOLDER = "^\\+33[1-9]0{8}$|(\\d)\\1{7,}";

  /** Only zeros. */
  public static final String LOYALTY_PLACEHOLDER = "^0+$";

  private KeyGuard() {}

  /** The value unless it is null or matches the placeholder pattern. */
  public static Column unlessPlaceholder(Column value, String pattern) {
    return when(value.isNotNull().and(value.rlike(pattern).unary_$bang()), value);
  }

  /**
   * Nulls {@code column} where its value is held by more than the bound's rows of the same brand:
   * {@code overused} holds those {@code (brand, value)} pairs ({@link ValueCounts#overused}), few
   * enough to broadcast, so the wide rows are not shuffled.
   */
  public static Dataset<Row> dropOverused(
      Dataset<Row> customers, String brandColumn, String column, Dataset<Row> overused) {
    Dataset<Row> values =
        overused.select(
            col("brand").as("_g_brand"), col("value").as("_g_value"), lit(true).as("_g_overused"));
    return customers
        .join(
            broadcast(values),
            col(brandColumn).equalTo(col("_g_brand")).and(col(column).equalTo(col("_g_value"))),
            "left")
        .withColumn(
            column,
            when(col("_g_overused").isNull(), col(column))
                .otherwise(lit(null).cast(DataTypes.StringType)))
        .drop("_g_brand", "_g_value", "_g_overused");
  }
}
