package fr.breachimpact.link;

import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.lower;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * The two sides of the linkage, narrowed to what is compared: leaked records as {@code l_*}
 * columns, customers as {@code r_*} columns. Keys that may decide a match alone ({@code *_det}) are
 * the valid, non-placeholder values; on the customer side also not shared by too many customers.
 * The customer side carries the frequency of each first and last name for the term-frequency
 * adjustment.
 */
public final class LinkSides {
  /** Trusted keys of the customer side, nulled where too many customers of a brand share them. */
  private static final List<String> GUARDED_KEYS =
      List.of("r_email_det", "r_phone_det", "r_nir_det", "r_loyalty_det");

  private LinkSides() {}

  /** incident_id -> brands (lower case) of the breached organisation, for brand-scoped keys. */
  public static Dataset<Row> incidentBrands(SparkSession spark, Map<String, List<String>> brands) {
    List<Row> rows = new ArrayList<>();
    brands.forEach(
        (incident, list) ->
            rows.add(
                RowFactory.create(
                    incident,
                    list.stream()
                        .map(b -> b.toLowerCase(Locale.ROOT))
                        .sorted()
                        .toArray(String[]::new))));
    StructType schema =
        new StructType(
            new StructField[] {
              DataTypes.createStructField("_ib_incident_id", DataTypes.StringType, false),
              DataTypes.createStructField(
                  "_ib_brands", DataTypes.createArrayType(DataTypes.StringType), false)
            });
    return spark.createDataFrame(rows, schema);
  }

  private static List<Column> common(Dataset<Row> clean, String prefix) {
    return ComparableColumns.of(prefix, Set.of(clean.columns()));
  }

  /** Leaked records ({@code leaked_records_clean}) as the left side. */
  public static Dataset<Row> leaked(Dataset<Row> clean, Dataset<Row> incidentBrands) {
    List<Column> cols = new ArrayList<>();
    cols.add(col("record_id").as("l_record_id"));
    cols.add(col("incident_id").as("l_incident_id"));
    cols.addAll(common(clean, "l_"));
    Dataset<Row> side = clean.select(cols.toArray(new Column[0]));
    return side.join(
            broadcast(incidentBrands),
            side.col("l_incident_id").equalTo(incidentBrands.col("_ib_incident_id")),
            "left")
        .withColumn(
            "l_brands",
            coalesce(
                col("_ib_brands"), array().cast(DataTypes.createArrayType(DataTypes.StringType))))
        .drop("_ib_incident_id", "_ib_brands");
  }

  /**
   * Customers ({@code customers_clean}) as the right side, with the share of customers holding each
   * value of the {@code termFrequency} columns (as {@code r_<column>_tf}).
   */
  public static Dataset<Row> customers(
      Dataset<Row> clean, int maxCustomersPerKey, List<String> termFrequency) {
    List<Column> cols = new ArrayList<>();
    cols.add(col("customer_id").as("r_customer_id"));
    cols.add(col("brand").as("r_brand"));
    cols.add(lower(col("brand")).as("r_brand_lc"));
    cols.addAll(common(clean, "r_"));
    Dataset<Row> side = clean.select(cols.toArray(new Column[0]));
    List<String> pooled = termFrequency.stream().map(c -> "r_" + c).toList();
    ValueCounts counts = ValueCounts.of(side, "r_brand", GUARDED_KEYS, maxCustomersPerKey, pooled);
    for (String key : GUARDED_KEYS) {
      side = KeyGuard.dropOverused(side, "r_brand", key, counts.overused(key));
    }
    long total = Math.max(1, counts.rows());
    for (String c : pooled) {
      side = withFrequency(side, c, c + "_tf", counts.pooled(c), total);
    }
    return side;
  }

  /**
   * Share of customers holding the same value of {@code column} (null for a null value), from the
   * {@code (value, n)} counts. The distinct names are broadcast: a few tens of thousands at two
   * million customers (the wide rows stay where they are).
   */
  static Dataset<Row> withFrequency(
      Dataset<Row> side, String column, String out, Dataset<Row> counts, long total) {
    Dataset<Row> freq =
        counts.select(col("value").as("_tf_value"), col("n").divide(lit((double) total)).as(out));
    return side.join(broadcast(freq), side.col(column).equalTo(freq.col("_tf_value")), "left")
        .drop("_tf_value");
  }
}
