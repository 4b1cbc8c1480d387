package fr.breachimpact.resolve;

import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.collect_set;
import static org.apache.spark.sql.functions.concat_ws;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.greatest;
import static org.apache.spark.sql.functions.least;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.size;
import static org.apache.spark.sql.functions.soundex;
import static org.apache.spark.sql.functions.substring_index;
import static org.apache.spark.sql.functions.udf;
import static org.apache.spark.sql.functions.when;

import fr.breachimpact.config.ResolveConfig;
import fr.breachimpact.spark.Columns;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.api.java.UDF1;
import org.apache.spark.sql.expressions.UserDefinedFunction;
import org.apache.spark.sql.types.DataTypes;

/**
 * Over-linking guard on the shared keys. A key value that several different people hold (a family
 * landline, {@code contact@} addresses, {@code 0600000000}) would chain them into one person; such
 * a value is a hub and is removed from the parties before any edge is drawn.
 *
 * <p>A value is a hub when it looks like a placeholder, or is held by more than {@code
 * maxPartiesPerKey} parties, or is seen with more than {@code maxNamesPerKey} distinct names
 * ({@link #nameSignature()}) or {@code maxBirthDatesPerKey} distinct birth dates.
 */
public final class HubGuard {
  /** The keys that link on equality alone. */
  public static final List<String> KEYS = List.of("email", "phone", "nir");

  private static final String PLACEHOLDER_LOCAL_PARTS =
      "^(test|contact|noreply|no-reply|none|null|nan|na|n-a|email|mail|info|admin|abc|toto|"
          + "unknown|inconnu|nobody|example|exemple|aucun|nomail|pas-de-mail)$";
  private static final String PLACEHOLDER_DOMAINS =
      "^(example\\.(com|org|net|fr)|test\\.(com|fr)|domain\\.(com|fr)|invalid|localhost)$";
  // Seven or more identical trailing digits, or a counting sequence: not a real subscriber.
  private static final String PLACEHOLDER_PHONE = "((\\d)\\2{6,}|12345678|23456789|98765432)$";

  private HubGuard() {}

  /**
   * Hub values: key_type, key_value, parties, names, birth_dates, reason. Names and birth dates are
   * gathered only for the values that can be hubs: placeholders, and values held by more parties
   * than the smallest bound (no other value can exceed a bound). Counting every value is a plain
   * hash aggregation; gathering sets for millions of single-party values is not.
   */
  public static Dataset<Row> hubs(Dataset<Row> parties, ResolveConfig config) {
    int bound = config.smallestHubBound();
    Dataset<Row> result = null;
    for (String key : KEYS) {
      Dataset<Row> candidates =
          parties
              .where(col(key).isNotNull())
              .groupBy(col(key).as("key_value"))
              .agg(count(lit(1)).as("parties"))
              .where(col("parties").gt(bound).or(placeholder(key, col("key_value"))))
              .select("key_value");
      // Every party holding a candidate value joins it: the count is taken again here rather
      // than joined back, which would run the counting aggregation a second time.
      Dataset<Row> stats =
          parties
              .join(broadcast(candidates), col(key).equalTo(col("key_value")))
              .groupBy("key_value")
              .agg(
                  count(lit(1)).as("parties"),
                  size(collect_set(nameSignature())).cast("long").as("names"),
                  size(collect_set(col(Columns.BIRTH_DATE_NORM))).cast("long").as("birth_dates"))
              .withColumn("key_type", lit(key));
      Column reason =
          when(placeholder(key, col("key_value")), lit("placeholder"))
              .when(col("parties").gt(config.maxPartiesPerKey()), lit("too_many_parties"))
              .when(col("names").gt(config.maxNamesPerKey()), lit("too_many_names"))
              .when(
                  col("birth_dates").gt(config.maxBirthDatesPerKey()), lit("too_many_birth_dates"));
      Dataset<Row> hubs =
          stats
              .withColumn("reason", reason)
              .where(col("reason").isNotNull())
              .select("key_type", "key_value", "parties", "names", "birth_dates", "reason");
      result = result == null ? hubs : result.unionByName(hubs);
    }
    return result;
  }

  /**
   * The parties with every hub value nulled: a hub links nobody. The hub values are few (a handful
   * per million parties, bounded by the key values held by more than a few parties), so they are
   * collected and broadcast as one set per key, and the nulling is a projection: Spark evaluates it
   * only where a key is read (three of the blocking rules, the scorer), and the parties need no
   * second cached copy. A set in a broadcast rather than literals in the plan: hub values are
   * personal data, and plans reach logs and the Spark UI.
   */
  public static Dataset<Row> withoutHubs(Dataset<Row> parties, Dataset<Row> hubs) {
    Map<String, HashSet<String>> byKey = new HashMap<>();
    for (Row r : hubs.select("key_type", "key_value").collectAsList()) {
      byKey.computeIfAbsent(r.getString(0), k -> new HashSet<>()).add(r.getString(1));
    }
    JavaSparkContext context =
        JavaSparkContext.fromSparkContext(parties.sparkSession().sparkContext());
    Dataset<Row> out = parties;
    for (String key : KEYS) {
      HashSet<String> values = byKey.get(key);
      if (values != null) {
        // The trusted copy of the key (what a blocking rule may name) loses the hub too.
        out =
            out.withColumn(key, unlessIn(context.broadcast(values)).apply(col(key)))
                .withColumn(key + "_det", col(key));
      }
    }
    return out;
  }

  // Static: the function captures the broadcast only.
  private static UserDefinedFunction unlessIn(Broadcast<HashSet<String>> values) {
    return udf(
        (UDF1<String, String>) v -> v == null || values.value().contains(v) ? null : v,
        DataTypes.StringType);
  }

  /**
   * A person's name as the guard counts it: Soundex of the first and last name keys in alphabetical
   * order. A typo ("camille", "camile") or swapped names leave it unchanged; two members of one
   * family sharing a phone differ.
   */
  static Column nameSignature() {
    Column first = col(Columns.FIRST_NAME_KEY);
    Column last = col(Columns.LAST_NAME_KEY);
    return concat_ws(" ", soundex(least(first, last)), soundex(greatest(first, last)));
  }

  static Column placeholder(String key, Column value) {
    return switch (key) {
      case "email" ->
          substring_index(value, "@", 1)
              .rlike(PLACEHOLDER_LOCAL_PARTS)
              .or(substring_index(value, "@", 1).rlike("^(.)\\1*$"))
              .or(substring_index(value, "@", -1).rlike(PLACEHOLDER_DOMAINS));
      case "phone" -> value.rlike(PLACEHOLDER_PHONE);
      default -> value.rlike("^(\\d)\\1+$");
    };
  }
}
