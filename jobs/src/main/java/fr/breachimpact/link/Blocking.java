package fr.breachimpact.link;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.expr;
import static org.apache.spark.sql.functions.length;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.soundex;
import static org.apache.spark.sql.functions.substring;
import static org.apache.spark.sql.functions.substring_index;
import static org.apache.spark.sql.functions.when;
import static org.apache.spark.sql.functions.xxhash64;

import fr.breachimpact.spark.KeyBloomFilter;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.expressions.WindowSpec;
import scala.collection.JavaConverters;

/**
 * Candidate pairs: the union of blocking rules, each an equi-join on a narrow key (ids and key
 * only), deduplicated. No rule blocks on a surname alone: surnames come with a birth date or a
 * postcode; a key value held by more than {@code maxBlockSize} customers, or whose block would
 * pair more than {@code maxBlockPairs} leaked records and customers, is skipped, so no partition
 * holds a whole "Martin" block and the pairs do not grow with the square of the data.
 */
public final class Blocking {
  public static final String EMAIL = "email";
  public static final String PHONE = "phone";
  public static final String NIR = "nir";
  public static final String LOYALTY_ID = "loyalty_id";
  public static final String LAST_NAME_BIRTH_DATE = "last_name+first_initial+birth_date";
  public static final String FIRST_NAME_BIRTH_DATE = "first_name+birth_date+department";
  public static final String SWAPPED_NAMES_BIRTH_DATE = "swapped_names+birth_date";
  public static final String POSTCODE_LAST_NAME_SOUNDEX = "postcode+soundex(last_name)+soundex(first_name)";
  public static final String POSTCODE_BIRTH_DATE = "postcode+birth_date";
  public static final String EMAIL_LOCAL_PART = "email_local_part+department";

  private Blocking() {}

  private static Column l(String c) {
    return col("l_" + c);
  }

  private static Column r(String c) {
    return col("r_" + c);
  }

  /** concat is null when a part is null: a rule with a missing part blocks nothing. */
  private static Column key(Column... parts) {
    Column[] withSep = new Column[parts.length * 2 - 1];
    for (int i = 0; i < parts.length; i++) {
      withSep[2 * i] = parts[i].cast("string");
      if (i < parts.length - 1) {
        withSep[2 * i + 1] = lit("|");
      }
    }
    return concat(withSep);
  }

  private static Column localPart(Column email) {
    Column local = substring_index(email, "@", 1);
    return when(length(local).geq(5), local);
  }

  /** The rules, in order; a pair found by several rules is kept once, under the first. */
  public static List<BlockingRule> rules() {
    return List.of(
        new BlockingRule(EMAIL, l("email_det"), r("email_det"), false),
        new BlockingRule(PHONE, l("phone_det"), r("phone_det"), false),
        new BlockingRule(NIR, l("nir_det"), r("nir_det"), false),
        new BlockingRule(
            LOYALTY_ID,
            expr("transform(l_brands, b -> concat(l_loyalty_det, '|', b))"),
            key(r("loyalty_det"), r("brand_lc")),
            true),
        // Two quasi-identifiers and a date: a name and a birth date alone put more people in one
        // block the larger the population (a common first name and one date: 1.4 customers at 2
        // million, 14 at 20 million), so the pairs would grow with the square of the data.
        new BlockingRule(
            LAST_NAME_BIRTH_DATE,
            key(l("last_name_key"), substring(l("first_name_key"), 1, 1), l("birth_date_norm")),
            key(r("last_name_key"), substring(r("first_name_key"), 1, 1), r("birth_date_norm")),
            false),
        new BlockingRule(
            FIRST_NAME_BIRTH_DATE,
            key(l("first_name_key"), l("birth_date_norm"), l("department")),
            key(r("first_name_key"), r("birth_date_norm"), r("department")),
            false),
        new BlockingRule(
            SWAPPED_NAMES_BIRTH_DATE,
            key(l("first_name_key"), l("last_name_key"), l("birth_date_norm")),
            key(r("last_name_key"), r("first_name_key"), r("birth_date_norm")),
            false),
        // With the first name's Soundex code: a Soundex code of a common surname in a dense
        // postcode holds hundreds of customers (62 % of the pairs at a million records without
        // the first name), and with the first initial alone still grew 73x from 1M to 10M.
        new BlockingRule(
            POSTCODE_LAST_NAME_SOUNDEX,
            key(l("postcode_norm"), soundex(l("last_name_key")), soundex(l("first_name_key"))),
            key(r("postcode_norm"), soundex(r("last_name_key")), soundex(r("first_name_key"))),
            false),
        new BlockingRule(
            POSTCODE_BIRTH_DATE,
            key(l("postcode_norm"), l("birth_date_norm")),
            key(r("postcode_norm"), r("birth_date_norm")),
            false),
        // A local part ("prenom.nom") is shared by namesakes at other providers: alone it gave 63 %
        // of the pairs at a million records and most false matches; within a department it keeps
        // the person who changed provider but not the namesakes (docs/benchmarks.md).
        new BlockingRule(
            EMAIL_LOCAL_PART,
            key(localPart(l("email")), l("department")),
            key(localPart(r("email")), r("department")),
            false));
  }

  /**
   * Candidate pairs {@code (l_record_id, r_brand, r_customer_id, rule, rules)}, {@code rule} the
   * index of the first rule that found the pair, {@code rules} the bit set of all of them.
   *
   * <p>Every rule's keys go into one frame per side, as {@code (rule, 64-bit hash of the key)}:
   * one shuffle per side and one join for all rules, sorting longs rather than strings. The hash
   * covers the rule's index, so that a Bloom filter of the leaked keys can drop the customer keys
   * no record shares before the shuffle. A hash collision (about one in 10^10 for millions of
   * keys) only adds a candidate pair, which the comparison then scores like any other.
   */
  public static Dataset<Row> pairs(
      Dataset<Row> leaked, Dataset<Row> customers, List<BlockingRule> rules, int maxBlockSize, long maxBlockPairs) {
    Dataset<Row> left = null;
    Dataset<Row> right = null;
    for (int i = 0; i < rules.size(); i++) {
      BlockingRule rule = rules.get(i);
      Column leftKey = rule.leftIsArray() ? explode(rule.leftKey()) : rule.leftKey();
      Dataset<Row> l =
          leaked.select(col("l_record_id"), leftKey.as("_key"))
              .where(col("_key").isNotNull())
              .select(col("l_record_id"), lit(i).as("rule"), xxhash64(lit(i), col("_key")).as("_bk"));
      Dataset<Row> r =
          customers.select(col("r_brand"), col("r_customer_id"), rule.rightKey().as("_key"))
              .where(col("_key").isNotNull())
              .select(col("r_brand"), col("r_customer_id"), lit(i).as("rule"), xxhash64(lit(i), col("_key")).as("_bk"));
      left = left == null ? l : left.unionAll(l);
      right = right == null ? r : right.unionAll(r);
    }
    // Most customer keys are held by no leaked record and cannot pair: a Bloom filter of the
    // leaked keys drops them before the shuffle. A key passes or fails whole, so the block sizes
    // counted below stay exact.
    right = KeyBloomFilter.narrow(right, col("_bk"), left, col("_bk"), left.count());
    // The windows' partitioning on the key is the one the join needs: one shuffle per side.
    WindowSpec block = Window.partitionBy(col("rule"), col("_bk"));
    Dataset<Row> customerBlocks =
        right.withColumn("_rn", count(lit(1)).over(block)).where(col("_rn").leq(maxBlockSize));
    Dataset<Row> leakedBlocks = left.withColumn("_ln", count(lit(1)).over(block));
    return leakedBlocks.join(customerBlocks, JavaConverters.asScalaBuffer(List.of("rule", "_bk")).toSeq())
        .where(col("_ln").multiply(col("_rn")).leq(maxBlockPairs))
        .groupBy("l_record_id", "r_brand", "r_customer_id")
        .agg(min("rule").as("rule"), expr("bit_or(shiftleft(1L, rule))").as("rules"));
  }
}
