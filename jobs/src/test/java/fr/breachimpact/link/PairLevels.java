package fr.breachimpact.link;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

import fr.breachimpact.config.ModelSettings;
import fr.breachimpact.link.CleanRows.Rec;
import fr.breachimpact.spark.TestSpark;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/** Computes the comparison vector of hand-made pairs: leaked and customer rows with the same id. */
final class PairLevels {
  private PairLevels() {}

  /** pair id -> row of the compared frame (gamma_* and key_* columns). */
  static Map<String, Row> compare(List<Rec> leakedRows, List<Rec> customerRows) {
    CleanRows leaked = CleanRows.leaked();
    leakedRows.forEach(leaked::add);
    CleanRows customers = CleanRows.customers();
    customerRows.forEach(customers::add);
    Dataset<Row> l =
        LinkSides.leaked(
            leaked.frame(),
            LinkSides.incidentBrands(TestSpark.session(), Map.of("inc", List.of("Auchan"))));
    ModelDefinition model =
        ModelDefinition.forLink(ModelSettings.linkDefaults(), "default", "link.model");
    Dataset<Row> r = LinkSides.customers(customers.frame(), 3, model.termFrequencyColumns());
    Dataset<Row> joined =
        l.join(r, col("l_record_id").equalTo(col("r_customer_id")))
            .withColumn("rule", lit(0))
            .withColumn("rules", lit(1L));
    Map<String, Row> out = new HashMap<>();
    for (Row row :
        PairComparison.compare(joined, model.comparisons(), List.of("l_record_id"), true)
            .collectAsList()) {
      out.put(row.getString(0), row);
    }
    return out;
  }

  static String level(Row row, String field) {
    return row.getString(row.fieldIndex("gamma_" + field));
  }
}
