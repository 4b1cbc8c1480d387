package fr.breachimpact.report;

import static org.apache.spark.sql.functions.array_distinct;
import static org.apache.spark.sql.functions.array_join;
import static org.apache.spark.sql.functions.array_sort;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.collect_list;
import static org.apache.spark.sql.functions.collect_set;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.flatten;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.when;

import fr.breachimpact.classify.Category;
import fr.breachimpact.config.DpoContact;
import fr.breachimpact.spark.Columns;
import fr.breachimpact.spark.Tables;
import java.util.List;
import java.util.Locale;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * The art. 34 mailing: whom to tell, how, and what. The contact list, one row per customer account
 * and incident whose person is at high or very high risk, holds the customer id the CRM knows, the
 * channel (email when the customer's email is valid, else post when the address is, else none), the
 * language, the categories to mention and the template to use. It is personal data for the CRM, so
 * it lives in the restricted zone (lake, Delta), never in the reports. The templates, one per
 * incident and category mix, carry merge fields that the CRM fills ({@code {{first_name}}}, {@code
 * {{last_name}}}, {@code {{brand}}}) and no personal data.
 */
public final class Art34Mailing {
  public static final String TABLE = Tables.ART34_CONTACTS;

  /** The customer master has no language: every brand writes to its customers in French. */
  public static final String LANGUAGE = "fr";

  private Art34Mailing() {}

  /**
   * customer_id, brand, incident_id, categories, template_id, channel, language.
   *
   * @param links {@link CustomerLinks#of}: person_id, customer_id, brand
   * @param personScores {@link PersonScores#build}: person_id, level
   * @param exposures {@link ExposedRecords#categories}: person_id, incident_id, code
   */
  public static Dataset<Row> contacts(
      Dataset<Row> links,
      Dataset<Row> personScores,
      Dataset<Row> exposures,
      Dataset<Row> customersClean) {
    Dataset<Row> atRisk =
        personScores
            .where(col("level").isin(EnisaLevel.HIGH.label(), EnisaLevel.VERY_HIGH.label()))
            .select("person_id");
    Dataset<Row> categories =
        exposures.groupBy("person_id", "incident_id").agg(collect_set("code").as("codes"));
    Dataset<Row> reach =
        customersClean
            .select(
                col("customer_id"),
                col("brand"),
                when(
                        Frames.colOrNull(customersClean, Columns.EMAIL_VALID, "boolean")
                            .equalTo(true),
                        lit("email"))
                    .when(
                        Frames.colOrNull(customersClean, Columns.STREET_KEY, "string")
                            .isNotNull()
                            .and(
                                Frames.colOrNull(customersClean, Columns.POSTCODE_VALID, "boolean")
                                    .equalTo(true)),
                        lit("post"))
                    .otherwise(lit("none"))
                    .as("channel"))
            .dropDuplicates("customer_id", "brand");
    return links
        .select("person_id", "customer_id", "brand")
        .join(atRisk, Frames.seq("person_id"))
        .join(categories, Frames.seq("person_id"))
        // A customer linked to two persons (not merged) gets one notice per incident.
        .groupBy("customer_id", "brand", "incident_id")
        .agg(array_sort(array_distinct(flatten(collect_list("codes")))).as("categories"))
        .withColumn(
            "template_id",
            concat(col("incident_id"), lit("__"), array_join(col("categories"), "+")))
        .join(reach, Frames.seq("customer_id", "brand"), "left")
        .withColumn("channel", org.apache.spark.sql.functions.coalesce(col("channel"), lit("none")))
        .withColumn("language", lit(LANGUAGE))
        .select(
            "customer_id",
            "brand",
            "incident_id",
            "categories",
            "template_id",
            "channel",
            "language")
        .orderBy("brand", "customer_id", "incident_id");
  }

  /** The notice of one incident and category mix, with the CRM's merge fields. */
  public static String template(IncidentInfo info, List<String> categories, DpoContact dpo) {
    StringBuilder s = new StringBuilder();
    s.append("<!-- template ")
        .append(info.id())
        .append("__")
        .append(String.join("+", categories))
        .append(", language ")
        .append(LANGUAGE)
        .append("; merge fields: {{first_name}}, {{last_name}}, {{brand}} -->\n");
    s.append("Dear {{first_name}} {{last_name}},\n\n");
    s.append("We are informing you, as a customer of {{brand}}, of a personal data breach at ")
        .append(
            info.manifest().organisation() == null
                ? "one of our providers"
                : info.manifest().organisation())
        .append(info.occurred() == null ? "" : " that occurred on " + info.occurred())
        .append(".\n\n");
    if (info.manifest().description() != null) {
      s.append("What happened: ").append(info.manifest().description()).append("\n\n");
    }
    s.append("The data concerning you that was exposed, and what it may expose you to:\n\n");
    for (String code : categories) {
      s.append("- ").append(label(code)).append(": ").append(consequence(code)).append('\n');
    }
    s.append("\nWhat we have done:\n\n");
    list(s, info.manifest().measuresTaken());
    s.append("\nWhat we propose, and what you can do:\n\n");
    list(s, info.manifest().measuresProposed());
    s.append(
        "- be wary of messages or calls that use this data, and never give a password or a bank code\n");
    s.append("\nOur data protection officer: ");
    if (dpo == null || !dpo.complete()) {
      s.append("[missing: report.dpo_contact]\n");
    } else {
      s.append(dpo.name());
      for (String c : new String[] {dpo.email(), dpo.phone(), dpo.address()}) {
        if (c != null && !c.isBlank()) {
          s.append(", ").append(c);
        }
      }
      s.append('\n');
    }
    s.append("You may also lodge a complaint with the CNIL (www.cnil.fr).\n");
    return s.toString();
  }

  private static void list(StringBuilder s, List<String> items) {
    if (items.isEmpty()) {
      s.append("- [to be completed: the manifest declares none]\n");
    }
    items.forEach(i -> s.append("- ").append(i).append('\n'));
  }

  private static String label(String code) {
    return code.toLowerCase(Locale.ROOT).replace('_', ' ');
  }

  private static String consequence(String code) {
    try {
      return CnilDraft.CONSEQUENCES.getOrDefault(
          Category.valueOf(code.toUpperCase(Locale.ROOT)), "to be assessed");
    } catch (IllegalArgumentException e) {
      return "to be assessed";
    }
  }
}
