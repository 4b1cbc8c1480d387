package fr.breachimpact.report;

import static org.apache.spark.sql.functions.bit_or;
import static org.apache.spark.sql.functions.bround;
import static org.apache.spark.sql.functions.ceil;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.collect_list;
import static org.apache.spark.sql.functions.concat_ws;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.floor;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.udf;
import static org.apache.spark.sql.functions.when;

import fr.breachimpact.classify.CategoryMask;
import fr.breachimpact.spark.Tables;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.api.java.UDF2;
import org.apache.spark.sql.api.java.UDF3;
import org.apache.spark.sql.api.java.UDF4;
import org.apache.spark.sql.expressions.UserDefinedFunction;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.expressions.WindowSpec;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import scala.collection.Iterator;
import scala.collection.Seq;

/**
 * {@code exposure_by_incident_category}: per incident, category and customer scope (each brand, and
 * each group as a whole), distinct persons exposed, verified, claimed and detected apart, the
 * customers among them, their share of the customer base, and the extrapolation to the whole leak.
 * Persons and records repeat across the scope rows of one incident and category.
 */
public final class ExposureByIncidentCategory {
  public static final String NAME = Tables.EXPOSURE_BY_INCIDENT_CATEGORY;
  public static final String ESTIMATE_METHOD = "leak_total x sample share, wilson_score_95";

  private static final UserDefinedFunction WILSON_LOW =
      udf(
          (UDF2<Long, Long, Double>)
              (x, n) -> x == null || n == null || n <= 0 ? null : LeakEstimates.wilson(x, n).low(),
          DataTypes.DoubleType);
  private static final UserDefinedFunction WILSON_HIGH =
      udf(
          (UDF2<Long, Long, Double>)
              (x, n) -> x == null || n == null || n <= 0 ? null : LeakEstimates.wilson(x, n).high(),
          DataTypes.DoubleType);

  private ExposureByIncidentCategory() {}

  /**
   * @param incidentTotals {@link IncidentTotals#of}
   * @param exposures {@link ExposedRecords#categories}
   * @param categoryCounts {@link CategoryCounts#of}
   * @param categories {@link CategoryCounts#codes} of them
   * @param links {@link CustomerLinks#of}
   * @param incidents {@link IncidentInfo#frame}
   * @param estimates {@link IncidentEstimates#build}
   */
  public static Dataset<Row> build(
      Dataset<Row> incidentTotals,
      Dataset<Row> exposures,
      Dataset<Row> categoryCounts,
      CategoryMask categories,
      Dataset<Row> links,
      Dataset<Row> customersClean,
      Dataset<Row> incidents,
      Dataset<Row> estimates,
      int minCellSize) {
    Dataset<Row> sample =
        incidentTotals.select(col("incident_id"), col("persons").as("sample_persons"));

    Dataset<Row> customers = customersClean.select("customer_id", "brand", "group_name").distinct();
    Dataset<Row> scopes =
        customers
            .groupBy("brand", "group_name")
            .agg(count(lit(1)).as("customer_base"))
            .select(
                lit("brand").as("customer_scope"),
                col("brand").as("customer_brand"),
                col("group_name").as("customer_group"),
                col("customer_base"))
            .unionByName(
                customers
                    .where(col("group_name").isNotNull())
                    .groupBy("group_name")
                    .agg(count(lit(1)).as("customer_base"))
                    .select(
                        lit("group").as("customer_scope"),
                        lit(null).cast("string").as("customer_brand"),
                        col("group_name").as("customer_group"),
                        col("customer_base")))
            .withColumn("scope_key", scopeKey());

    Dataset<Row> scopedLinks =
        links
            .select(
                lit("brand").as("customer_scope"),
                col("brand").as("customer_brand"),
                col("group_name").as("customer_group"),
                col("person_id"),
                col("customer_id"),
                col("brand"))
            .unionByName(
                links
                    .where(col("group_name").isNotNull())
                    .select(
                        lit("group").as("customer_scope"),
                        lit(null).cast("string").as("customer_brand"),
                        col("group_name").as("customer_group"),
                        col("person_id"),
                        col("customer_id"),
                        col("brand")))
            .withColumn("scope_key", scopeKey())
            .select("scope_key", "person_id", "customer_id", "brand");

    Dataset<Row> matched = matched(exposures, scopedLinks, categories);

    Column leakTotal = col("leak_total");
    Column share = col("matched_persons").divide(col("sample_persons"));
    Column lowShare = WILSON_LOW.apply(col("matched_persons"), col("sample_persons"));
    Column highShare = WILSON_HIGH.apply(col("matched_persons"), col("sample_persons"));

    Dataset<Row> rows =
        categoryCounts
            .crossJoin(scopes)
            .join(matched, Frames.seq("incident_id", "category", "scope_key"), "left")
            .join(incidents, Frames.seq("incident_id"), "left")
            .join(sample, Frames.seq("incident_id"), "left")
            .join(estimates, Frames.seq("incident_id"), "left")
            .withColumn("matched_customers", coalesce(col("matched_customers"), lit(0L)))
            .withColumn("matched_persons", coalesce(col("matched_persons"), lit(0L)))
            .withColumn(
                "share_of_customer_base", col("matched_customers").divide(col("customer_base")))
            .withColumn("sample_share", share)
            .withColumn("sample_share_low", lowShare)
            .withColumn("sample_share_high", highShare)
            .withColumn(
                "estimated_exposed_customers", bround(leakTotal.multiply(share), 0).cast("long"))
            .withColumn(
                "estimated_exposed_customers_low", floor(leakTotal.multiply(lowShare)).cast("long"))
            .withColumn(
                "estimated_exposed_customers_high",
                ceil(leakTotal.multiply(highShare)).cast("long"))
            .withColumn("estimate_method", when(leakTotal.isNotNull(), lit(ESTIMATE_METHOD)));

    Map<String, List<String>> counts = new LinkedHashMap<>();
    List<String> sampleDerived =
        List.of(
            "sample_share",
            "sample_share_low",
            "sample_share_high",
            "estimated_exposed_customers",
            "estimated_exposed_customers_low",
            "estimated_exposed_customers_high");
    counts.put("records", List.of());
    counts.put("persons", List.of());
    counts.put("persons_verified", List.of());
    counts.put("persons_claimed", List.of());
    counts.put("persons_detected", List.of());
    counts.put("records_detected", List.of());
    counts.put("matched_customers", List.of("share_of_customer_base"));
    counts.put("matched_persons", sampleDerived);
    counts.put("sample_persons", sampleDerived);
    return Suppression.apply(complementary(rows, minCellSize), hideFlags(minCellSize), counts)
        .select(COLUMNS)
        .orderBy("incident_id", "category", "customer_scope", "customer_group", "customer_brand");
  }

  /**
   * The complementary suppression of {@link Suppression#complement}, as boolean columns {@code
   * _c_<count>}, over the two relations of the report where shown figures add up: persons verified,
   * claimed and detected against persons (a person usually has one status, so the three nearly add
   * up), and each brand's matched customers and persons against their group's row of the same
   * incident and category. A few hundred rows: a window per relation and the Java rule of {@link
   * Suppression}, as the HTML summary applies it.
   */
  static Dataset<Row> complementary(Dataset<Row> rows, int k) {
    UserDefinedFunction statuses =
        udf(
            (UDF4<Long, Long, Long, Long, Row>)
                (v, c, d, persons) -> {
                  Suppression.Hidden h =
                      Suppression.complement(Arrays.asList(nz(v), nz(c), nz(d)), nz(persons), k);
                  return RowFactory.create(h.part(0), h.part(1), h.part(2), h.total());
                },
            new StructType()
                .add("v", DataTypes.BooleanType)
                .add("c", DataTypes.BooleanType)
                .add("d", DataTypes.BooleanType)
                .add("p", DataTypes.BooleanType));
    Dataset<Row> out =
        rows.withColumn(
            "_c_status",
            statuses.apply(
                col("persons_verified"),
                col("persons_claimed"),
                col("persons_detected"),
                col("persons")));
    WindowSpec relation = Window.partitionBy("incident_id", "category", "customer_group");
    for (String count : List.of("matched_customers", "matched_persons")) {
      UserDefinedFunction hidden =
          udf(
              (UDF3<Seq<Row>, String, String, Boolean>)
                  (members, scope, brand) -> hiddenInGroup(members, scope, brand, k),
              DataTypes.BooleanType);
      out =
          out.withColumn(
              "_c_" + count,
              hidden.apply(
                  collect_list(struct(col("customer_scope"), col("customer_brand"), col(count)))
                      .over(relation),
                  col("customer_scope"),
                  col("customer_brand")));
    }
    return out;
  }

  /** Whether a brand row's, or the group row's, count is hidden in its group's relation. */
  static boolean hiddenInGroup(Seq<Row> members, String scope, String brand, int k) {
    List<Long> parts = new ArrayList<>();
    List<String> brands = new ArrayList<>();
    Long total = null;
    Iterator<Row> it = members.iterator();
    while (it.hasNext()) {
      Row m = it.next();
      long value = m.isNullAt(2) ? 0 : m.getLong(2);
      if ("group".equals(m.getString(0))) {
        total = value;
      } else {
        parts.add(value);
        brands.add(m.getString(1));
      }
    }
    if (total == null) { // brands without a group: no relation, only their own size counts
      long own = parts.get(brands.indexOf(brand));
      return Suppression.isSmall(own, k);
    }
    Suppression.Hidden h = Suppression.complement(parts, total, k);
    return "group".equals(scope) ? h.total() : h.part(brands.indexOf(brand));
  }

  private static long nz(Long v) {
    return v == null ? 0 : v;
  }

  /** Each count's hiding condition: small, or hidden by {@link #complementary}. */
  private static Map<String, Column> hideFlags(int k) {
    Map<String, Column> hide = new LinkedHashMap<>();
    hide.put("records", Suppression.small(col("records"), k));
    hide.put("persons", Suppression.small(col("persons"), k).or(col("_c_status.p")));
    hide.put("persons_verified", col("_c_status.v"));
    hide.put("persons_claimed", col("_c_status.c"));
    hide.put("persons_detected", col("_c_status.d"));
    hide.put("records_detected", Suppression.small(col("records_detected"), k));
    hide.put("matched_customers", col("_c_matched_customers"));
    hide.put("matched_persons", col("_c_matched_persons"));
    hide.put("sample_persons", Suppression.small(col("sample_persons"), k));
    return hide;
  }

  /**
   * (incident_id, category, scope_key, matched_customers, matched_persons), where at least one.
   * Each (incident, person) carries its categories as one long ({@link CategoryMask}) through the
   * join with the scopes' customers; the masks are then merged per person and per customer of a
   * scope and counted per bit. Two distinct counts per (incident, category, scope) over the
   * exposures joined with the customers instead had Spark copy every joined row twice, once per
   * category of the person (12.2M rows at a million records).
   *
   * @param exposures (incident_id, person_id, code), one row per record and category
   * @param scopedLinks (scope_key, person_id, customer_id, brand): the customers of each scope
   *     linked to each person
   * @param categories the codes to count ({@link CategoryCounts#codes})
   */
  static Dataset<Row> matched(
      Dataset<Row> exposures, Dataset<Row> scopedLinks, CategoryMask categories) {
    Dataset<Row> exposed =
        exposures
            .groupBy("incident_id", "person_id")
            .agg(bit_or(categories.ofCode(col("code"))).as("mask"))
            .join(scopedLinks, Frames.seq("person_id"));
    Dataset<Row> persons =
        perCategory(
            exposed
                .groupBy("incident_id", "scope_key", "person_id")
                .agg(bit_or(col("mask")).as("mask")),
            categories,
            "matched_persons");
    Dataset<Row> customers =
        perCategory(
            exposed
                .groupBy("incident_id", "scope_key", "brand", "customer_id")
                .agg(bit_or(col("mask")).as("mask")),
            categories,
            "matched_customers");
    // A person of the scope has a customer of it, so the two counts are zero together.
    return customers
        .join(persons, Frames.seq("incident_id", "category", "scope_key"))
        .where(col("matched_persons").gt(0L));
  }

  /** Rows of masks counted per bit for each (incident_id, scope_key), one row per category. */
  private static Dataset<Row> perCategory(
      Dataset<Row> masks, CategoryMask categories, String name) {
    return categories
        .countsPer(masks.groupBy("incident_id", "scope_key"), col("mask"))
        .select(col("incident_id"), col("scope_key"), categories.perCategory(name).as("c"))
        .select(
            col("incident_id"),
            col("scope_key"),
            col("c.category").as("category"),
            col("c." + name).as(name));
  }

  private static Column scopeKey() {
    return concat_ws(
        "|",
        col("customer_scope"),
        coalesce(col("customer_group"), lit("")),
        coalesce(col("customer_brand"), lit("")));
  }

  static final Column[] COLUMNS =
      Stream.of(
              "incident_id",
              "organisation",
              "incident_brands",
              "incident_group",
              "category",
              "records",
              "persons",
              "persons_verified",
              "persons_claimed",
              "persons_detected",
              "records_detected",
              "customer_scope",
              "customer_brand",
              "customer_group",
              "matched_customers",
              "matched_persons",
              "customer_base",
              "share_of_customer_base",
              "sample_persons",
              "sample_share",
              "sample_share_low",
              "sample_share_high",
              "leak_total",
              "leak_total_basis",
              "estimated_exposed_customers",
              "estimated_exposed_customers_low",
              "estimated_exposed_customers_high",
              "estimate_method",
              "german_tank_leak_size",
              "german_tank_low",
              "german_tank_high",
              "german_tank_note",
              "capture_recapture_leak_size",
              "capture_recapture_low",
              "capture_recapture_high",
              "capture_recapture_note",
              "suppressed")
          .map(org.apache.spark.sql.functions::col)
          .toArray(Column[]::new);
}
