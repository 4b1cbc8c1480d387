package fr.breachimpact.report;

import static org.apache.spark.sql.functions.array_join;
import static org.apache.spark.sql.functions.array_sort;
import static org.apache.spark.sql.functions.bit_or;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.collect_set;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.concat_ws;
import static org.apache.spark.sql.functions.expr;
import static org.apache.spark.sql.functions.format_number;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.size;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.when;

import fr.breachimpact.classify.CategoryMask;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * ENISA SE per person across every incident that touched them, keyed by the internal person_id
 * (restricted; the reports pseudonymise it).
 *
 * <ul>
 *   <li>DPC: the highest over the person's incidents of (highest base among the person's categories
 *       in that incident + that incident's context adjustment), within 1..4: the categories add up
 *       across incidents.
 *   <li>EI: from the identifier kinds pooled over all the person's records: an email from one leak
 *       and a name with an address from another identify fully.
 *   <li>CB: the highest over the person's incidents.
 * </ul>
 */
public final class PersonScores {
  private PersonScores() {}

  /**
   * person_id, incidents, incident_count, categories, first_exposure, last_exposure, dpc, ei, cb,
   * se, level, factors.
   *
   * @param categories {@link CategoryCounts#codes}: every code of {@code exposures}
   */
  public static Dataset<Row> build(
      Dataset<Row> prepared,
      Dataset<Row> exposures,
      CategoryMask categories,
      Dataset<Row> incidents) {
    // Per person and incident: the highest category base, with its code for the factors.
    Dataset<Row> catBase =
        exposures
            .select(
                col("person_id"),
                col("incident_id"),
                col("code"),
                Frames.categoryBase(col("code")).as("base"))
            .groupBy("person_id", "incident_id")
            .agg(max(struct(col("base"), col("code"))).as("top"));
    Dataset<Row> perIncident =
        prepared
            .select("person_id", "incident_id")
            .distinct()
            .join(catBase, Frames.seq("person_id", "incident_id"), "left")
            .join(
                incidents.select("incident_id", "occurred", "dpc_adjustment", "cb", "cb_factors"),
                Frames.seq("incident_id"),
                "left")
            .withColumn("base", coalesce(col("top.base"), lit(1)))
            .withColumn("adj", coalesce(col("dpc_adjustment"), lit(0)))
            .withColumn("dpc_i", Frames.clampDpc(col("base").plus(col("adj"))))
            .withColumn("cb_i", coalesce(col("cb"), lit(0.0)))
            .withColumn(
                "dpc_why",
                concat(
                    coalesce(col("top.code"), lit("no category")),
                    lit(" base "),
                    col("base"),
                    lit(" context "),
                    when(col("adj").geq(0), lit("+")).otherwise(lit("")),
                    col("adj"),
                    lit(" in "),
                    col("incident_id")))
            .groupBy("person_id")
            .agg(
                array_sort(collect_set("incident_id")).as("incidents"),
                min("occurred").as("first_exposure"),
                max("occurred").as("last_exposure"),
                max(struct(col("dpc_i"), col("incident_id"), col("dpc_why"))).as("dpc_top"),
                max(struct(
                        col("cb_i"),
                        col("incident_id"),
                        coalesce(col("cb_factors"), lit("unknown")).as("f")))
                    .as("cb_top"));

    // Categories, with those only ever claimed (failed their check) marked for the factors: as
    // bits merged per person, where sets of statuses per (person, code) and then of codes per
    // person were two object aggregations over every exposure.
    Column bit = categories.ofCode(col("code"));
    Column checked = col("status").equalTo("verified").or(col("status").equalTo("detected"));
    Dataset<Row> personCategories =
        exposures
            .groupBy("person_id")
            .agg(bit_or(bit).as("_codes"), bit_or(when(checked, bit).otherwise(0L)).as("_checked"))
            .select(
                col("person_id"),
                array_sort(categories.codesOf(col("_codes"), c -> lit(c))).as("categories"),
                array_sort(
                        categories.codesOf(
                            col("_codes"),
                            c ->
                                when(categories.contains(col("_checked"), c), lit(c))
                                    .otherwise(lit(c + " (claimed only)"))))
                    .as("category_labels"));

    List<Column> flags = new ArrayList<>();
    for (Identifier id : Identifier.values()) {
      flags.add(expr("bool_or(" + id.flagColumn() + ")").as(id.flagColumn()));
    }
    Dataset<Row> identifiers =
        prepared
            .groupBy("person_id")
            .agg(flags.get(0), flags.subList(1, flags.size()).toArray(Column[]::new));

    Column se = col("dpc").multiply(col("ei")).plus(col("cb"));
    return perIncident
        .join(personCategories, Frames.seq("person_id"), "left")
        .join(identifiers, Frames.seq("person_id"))
        .withColumn(
            "categories", coalesce(col("categories"), expr("cast(array() as array<string>)")))
        .withColumn("incident_count", size(col("incidents")))
        .withColumn("dpc", col("dpc_top.dpc_i"))
        .withColumn("ei", IdentificationEase.eiColumn())
        .withColumn("ei_why", IdentificationEase.ruleLabelColumn())
        .withColumn("cb", col("cb_top.cb_i"))
        .withColumn("se", se)
        .withColumn("level", Frames.level(col("se")))
        .withColumn(
            "factors",
            concat_ws(
                "; ",
                concat(
                    lit("DPC "),
                    col("dpc"),
                    lit(" from "),
                    col("dpc_top.dpc_why"),
                    lit(" (categories: "),
                    array_join(coalesce(col("category_labels"), expr("array()")), ", "),
                    lit(")")),
                concat(
                    col("ei_why"),
                    lit(", identifiers pooled over "),
                    col("incident_count"),
                    lit(" incident(s)")),
                concat(
                    lit("CB "),
                    format_number(col("cb"), 2),
                    lit(" from "),
                    col("cb_top.incident_id"),
                    lit(": "),
                    col("cb_top.f"))))
        .select(
            "person_id",
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
            "factors");
  }
}
