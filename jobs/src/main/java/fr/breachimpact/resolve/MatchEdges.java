package fr.breachimpact.resolve;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.collect_set;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.countDistinct;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.size;

import fr.breachimpact.config.ResolveConfig;
import fr.breachimpact.spark.Columns;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Record-to-customer edges from {@code customer_matches}, with the over-linking guard applied to
 * customers: a customer matched by records of more than {@code maxNamesPerKey} distinct names (as
 * {@link HubGuard#nameSignature()} counts them) or {@code maxBirthDatesPerKey} distinct birth dates
 * (or more than {@code maxPartiesPerKey} records) is a hub itself, and none of its matches makes an
 * edge.
 */
public final class MatchEdges {
  private MatchEdges() {}

  /** customer node_id, matched_records, names, birth_dates of over-matched customers. */
  public static Dataset<Row> overmatchedCustomers(
      Dataset<Row> matches, Dataset<Row> parties, ResolveConfig config) {
    Dataset<Row> records =
        parties
            .where(col("kind").equalTo(Parties.RECORD))
            .select(
                col("node_id").as("record_node"),
                HubGuard.nameSignature().as("name_signature"),
                col(Columns.BIRTH_DATE_NORM));
    // A customer matched by no more records than the smallest bound exceeds none of them: only
    // the others are joined with their records' names and birth dates (a few per million).
    int bound = config.smallestHubBound();
    Dataset<Row> links = nodes(matches);
    Dataset<Row> busy =
        links.groupBy("customer_node").agg(count(lit(1)).as("n")).where(col("n").gt(bound));
    return links
        .join(busy.select("customer_node"), "customer_node", "left_semi")
        .join(records, "record_node")
        .groupBy(col("customer_node").as("node_id"))
        .agg(
            countDistinct("record_node").as("matched_records"),
            size(collect_set("name_signature")).cast("long").as("names"),
            size(collect_set(Columns.BIRTH_DATE_NORM)).cast("long").as("birth_dates"))
        .where(
            col("matched_records")
                .gt(config.maxPartiesPerKey())
                .or(col("names").gt(config.maxNamesPerKey()))
                .or(col("birth_dates").gt(config.maxBirthDatesPerKey())));
  }

  /** Edges src (record node), dst (customer node), leaving out over-matched customers. */
  public static Dataset<Row> edges(Dataset<Row> matches, Dataset<Row> overmatched) {
    Dataset<Row> links = nodes(matches);
    Dataset<Row> hubs = overmatched.select(col("node_id").as("hub_node"));
    return links
        .join(hubs, links.col("customer_node").equalTo(hubs.col("hub_node")), "left_anti")
        .select(col("record_node").as("src"), col("customer_node").as("dst"));
  }

  private static Dataset<Row> nodes(Dataset<Row> matches) {
    return matches
        .where(col("record_id").isNotNull().and(col("customer_id").isNotNull()))
        .select(
            Parties.recordNode(col("record_id")).as("record_node"),
            Parties.customerNode(col("brand"), col("customer_id")).as("customer_node"))
        .distinct();
  }
}
