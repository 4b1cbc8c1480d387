package fr.breachimpact.resolve;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.lower;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.trim;
import static org.apache.spark.sql.functions.when;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * The {@code group_overlap} report: one row per group of the customer master (Mulliez), with
 * persons exposed in any incident of the group counted once, persons exposed in more than one of
 * the group's incidents, and persons who are customers of at least two of the group's brands (and
 * how many of those are exposed). Counts only.
 *
 * <p>An incident belongs to a group when its manifest names the group, or one of its brands is a
 * brand of the group in the customer master (names compared trimmed and case-insensitively).
 */
public final class GroupOverlap {
  private static final StructType GROUP_INCIDENT =
      new StructType()
          .add("group_name", DataTypes.StringType)
          .add("incident_id", DataTypes.StringType);
  private static final StructType GROUP_SIZE =
      new StructType()
          .add("group_name", DataTypes.StringType)
          .add("brands", DataTypes.LongType)
          .add("incidents", DataTypes.LongType);

  private GroupOverlap() {}

  /**
   * @param exposures incident_id, person_id, each pair once ({@link IncidentOverlap#exposures})
   * @param customerPerson customer_id, brand, person_id
   * @param customers brand, group_name (the clean customer master)
   * @param scopes incident id -> its brands and group, from the manifests
   */
  public static Dataset<Row> compute(
      Dataset<Row> exposures,
      Dataset<Row> customerPerson,
      Dataset<Row> customers,
      Map<String, IncidentScope> scopes,
      int minCellSize) {
    SparkSession spark = exposures.sparkSession();
    Dataset<Row> groupBrands =
        customers
            .where(col("group_name").isNotNull().and(col("brand").isNotNull()))
            .select("group_name", "brand")
            .distinct();
    Map<String, Set<String>> brandsOfGroup = new TreeMap<>();
    for (Row r : groupBrands.collectAsList()) {
      brandsOfGroup.computeIfAbsent(r.getString(0), g -> new TreeSet<>()).add(key(r.getString(1)));
    }
    List<Row> groupIncidents = new ArrayList<>();
    List<Row> groupSizes = new ArrayList<>();
    for (Map.Entry<String, Set<String>> group : brandsOfGroup.entrySet()) {
      long incidents = 0;
      for (Map.Entry<String, IncidentScope> incident : new TreeMap<>(scopes).entrySet()) {
        IncidentScope scope = incident.getValue();
        boolean inGroup =
            key(group.getKey()).equals(key(scope.group()))
                || scope.brands().stream().anyMatch(b -> group.getValue().contains(key(b)));
        if (inGroup) {
          groupIncidents.add(RowFactory.create(group.getKey(), incident.getKey()));
          incidents++;
        }
      }
      groupSizes.add(RowFactory.create(group.getKey(), (long) group.getValue().size(), incidents));
    }

    Dataset<Row> exposed =
        exposures
            .join(spark.createDataFrame(groupIncidents, GROUP_INCIDENT), "incident_id")
            .groupBy("group_name", "person_id")
            .agg(count(lit(1)).as("incidents_of_group"));
    Dataset<Row> customerOf =
        customerPerson
            .select(col("person_id"), lower(trim(col("brand"))).as("brand_key"))
            .distinct()
            .join(
                groupBrands
                    .select(col("group_name"), lower(trim(col("brand"))).as("brand_key"))
                    .distinct(),
                "brand_key")
            .groupBy("group_name", "person_id")
            .agg(count(lit(1)).as("brands_of_group"))
            // Read twice below (exposed customers, multi-brand customers): computed once.
            .localCheckpoint(true);

    Dataset<Row> customerSide = customerOf.toDF("c_group", "c_person", "brands_of_group");
    Dataset<Row> exposure =
        exposed
            .join(
                customerSide,
                col("group_name")
                    .equalTo(col("c_group"))
                    .and(col("person_id").equalTo(col("c_person"))),
                "left")
            .groupBy("group_name")
            .agg(
                count(lit(1)).as("persons_exposed"),
                countIf(col("incidents_of_group").geq(2)).as("persons_multi_incident"),
                countIf(col("brands_of_group").isNotNull()).as("persons_exposed_customers"),
                countIf(col("brands_of_group").geq(2)).as("persons_multi_brand_customers_exposed"));
    Dataset<Row> multiBrand =
        customerOf
            .groupBy("group_name")
            .agg(countIf(col("brands_of_group").geq(2)).as("persons_multi_brand_customers"));

    Column[] counts = {
      col("persons_exposed"),
      col("persons_multi_incident"),
      col("persons_exposed_customers"),
      col("persons_multi_brand_customers"),
      col("persons_multi_brand_customers_exposed")
    };
    Dataset<Row> out =
        spark
            .createDataFrame(groupSizes, GROUP_SIZE)
            .join(exposure, "group_name", "left")
            .join(multiBrand, "group_name", "left");
    Column small = lit(false);
    for (Column c : counts) {
      String name = c.toString();
      out = out.withColumn(name, coalesce(col(name), lit(0L)));
      small = small.or(IncidentOverlap.small(col(name), minCellSize));
    }
    return out.withColumn("below_min_cell_size", small)
        .select(
            "group_name",
            "brands",
            "incidents",
            "persons_exposed",
            "persons_multi_incident",
            "persons_exposed_customers",
            "persons_multi_brand_customers",
            "persons_multi_brand_customers_exposed",
            "below_min_cell_size")
        .orderBy("group_name");
  }

  private static Column countIf(Column condition) {
    return sum(when(condition, 1L).otherwise(0L));
  }

  private static String key(String name) {
    return name == null ? "" : name.trim().toLowerCase(Locale.ROOT);
  }
}
