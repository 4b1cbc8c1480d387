package fr.breachimpact.bench;

import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.bit_or;
import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.collect_list;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.lower;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.transform;
import static org.apache.spark.sql.functions.when;
import static org.apache.spark.sql.functions.xxhash64;

import fr.breachimpact.classify.CategoryMask;
import fr.breachimpact.link.LinkSides;
import fr.breachimpact.spark.KeyBloomFilter;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.storage.StorageLevel;

/**
 * The deterministic part of the pipeline as a data engineer would write it without the linkage
 * model, once on Spark (Datasets) and once as DuckDB SQL, both generated from the one definition
 * below ({@link TrustedKey}), so that the benchmark can time Spark against DuckDB on the same
 * Parquet files and check that both return the same rows.
 *
 * <p>The query: a leaked record ({@code leaked_records_clean}) and a customer ({@code
 * customers_clean}) are matched when a trusted key agrees exactly: the email key of a valid email,
 * the E.164 phone of a valid phone, or the normalised loyalty id with the customer's brand among
 * the incident's brands (from the manifests, compared in lower case). Then, per incident and
 * category code of the record ({@code categories[].code}, any status), the number of distinct
 * customers {@code (brand, customer_id)}. A customer matched by several keys or records counts
 * once; a record without categories adds nothing. Unlike the {@code link} stage there is no
 * placeholder or overused-key guard, no contradiction check and no probabilistic match: this is the
 * baseline, not the linkage.
 */
public final class DeterministicBaseline {
  /** The categories as bits: the taxonomy's codes; any other fails the masked queries. */
  private static final CategoryMask MASK = CategoryMask.TAXONOMY;

  /** One trusted key: its column in both clean tables and what makes it trusted. */
  enum TrustedKey {
    EMAIL("email_key", "email_valid", false),
    PHONE("phone_e164", "phone_valid", false),
    LOYALTY_ID("loyalty_id_norm", null, true);

    final String column;

    /** Boolean column that must be true; null when any non-null value is trusted. */
    final String validFlag;

    /** The customer's brand must be one of the incident's brands. */
    final boolean brandScoped;

    TrustedKey(String column, String validFlag, boolean brandScoped) {
      this.column = column;
      this.validFlag = validFlag;
      this.brandScoped = brandScoped;
    }

    String alias() {
      return "k_" + name().toLowerCase(Locale.ROOT);
    }

    /** The key's value where it is trusted, else null. */
    Column value() {
      return validFlag == null ? col(column) : when(col(validFlag), col(column));
    }

    /** {@code (kt, kv)}: the key's type and the given value. */
    Column key(Column kv) {
      return struct(lit(name()).as("kt"), kv.as("kv"));
    }

    String sql() {
      return (validFlag == null ? column : "CASE WHEN " + validFlag + " THEN " + column + " END")
          + " AS "
          + alias();
    }
  }

  /** A result row: customers of the incident whose record exposes the category. */
  public record ResultRow(String incidentId, String category, long customers) {
    static final Comparator<ResultRow> ORDER =
        Comparator.comparing(
                ResultRow::incidentId, Comparator.nullsFirst(Comparator.naturalOrder()))
            .thenComparing(ResultRow::category, Comparator.nullsFirst(Comparator.naturalOrder()));
  }

  private DeterministicBaseline() {}

  // ---------------------------------------------------------------- Spark

  /**
   * (incident_id, brand_lc): the brands of each incident, lower case, one row per pair; the
   * linkage's own frame ({@link LinkSides#incidentBrands}), one row per brand.
   */
  public static Dataset<Row> incidentBrands(SparkSession spark, Map<String, List<String>> brands) {
    return LinkSides.incidentBrands(spark, brands)
        .select(
            col("_ib_incident_id").as("incident_id"), explode(col("_ib_brands")).as("brand_lc"));
  }

  /**
   * The query on Spark, run and collected: {@code (incident_id, category, customers)} sorted. Each
   * table is read once: a row's trusted keys are unrolled from one array of {@code (kt, kv)} (a
   * loyalty id once per brand of its incident), where a union of one scan per key read each table
   * three times. The leaked side's keys are cached and a Bloom filter of them drops the customer
   * keys no leaked record holds before the customers are shuffled (most of them). A record's
   * categories travel as one long ({@link CategoryMask}): the matches are grouped once per
   * (incident, customer) with the or of their masks, and the customers with each bit are counted
   * per incident, where unrolling every match into one row per category took two more shuffles of
   * three times as many rows. At a million records, warm: 14.6 s for the union of scans, 10.5 s for
   * one scan, 7.6 s with the filter, 6.4 to 6.7 s with the masks (docs/benchmarks.md); the same
   * rows.
   *
   * @param leakedClean {@code leaked_records_clean} (incident_id, categories, the key columns)
   * @param customersClean {@code customers_clean} (customer_id, brand, the key columns)
   * @param incidentBrands {@link #incidentBrands}
   */
  public static List<ResultRow> onSpark(
      Dataset<Row> leakedClean, Dataset<Row> customersClean, Dataset<Row> incidentBrands) {
    Dataset<Row> brandsOfIncident =
        incidentBrands.groupBy("incident_id").agg(collect_list("brand_lc").as("_brands"));
    Column noBrands = array().cast(DataTypes.createArrayType(DataTypes.StringType));
    List<Column> leakedKeys = new ArrayList<>();
    List<Column> customerKeys = new ArrayList<>();
    for (TrustedKey k : TrustedKey.values()) {
      Column value = k.value();
      if (k.brandScoped) {
        leakedKeys.add(
            transform(coalesce(col("_brands"), noBrands), b -> k.key(concat(value, lit("|"), b))));
        customerKeys.add(array(k.key(concat(value, lit("|"), lower(col("brand"))))));
      } else {
        leakedKeys.add(array(k.key(value)));
        customerKeys.add(array(k.key(value)));
      }
    }
    Dataset<Row> leaked =
        keyed(
                leakedClean
                    .withColumn("mask", MASK.ofArray(col("categories.code")))
                    .join(broadcast(brandsOfIncident), "incident_id", "left")
                    .select(
                        col("incident_id"),
                        col("mask"),
                        explode(concat(leakedKeys.toArray(new Column[0]))).as("_k")))
            .persist(StorageLevel.MEMORY_AND_DISK());
    try {
      Dataset<Row> customers =
          KeyBloomFilter.narrow(
              keyed(
                  customersClean.select(
                      col("brand"),
                      col("customer_id"),
                      explode(concat(customerKeys.toArray(new Column[0]))).as("_k"))),
              keyHash(),
              leaked,
              keyHash(),
              leaked.count());
      // One row per customer of an incident with the union of its records' categories, then the
      // customers per category counted per incident: one shuffle of the matches, none of
      // matches x categories.
      Dataset<Row> perIncident =
          MASK.countsPer(
              leaked
                  .join(
                      customers,
                      scala.collection.JavaConverters.asScalaBuffer(List.of("kt", "kv")).toSeq())
                  .groupBy("incident_id", "brand", "customer_id")
                  .agg(bit_or(col("mask")).as("mask"))
                  .groupBy("incident_id"),
              col("mask"));
      List<ResultRow> rows = new ArrayList<>();
      for (Row r : perIncident.collectAsList()) {
        long[] perCode = new long[MASK.unknownBit() + 1];
        for (int i = 0; i < perCode.length; i++) {
          perCode[i] = r.getLong(1 + i);
        }
        rows.addAll(resultRows(r.getString(0), perCode));
      }
      rows.sort(ResultRow.ORDER);
      return rows;
    } finally {
      leaked.unpersist();
    }
  }

  private static Column keyHash() {
    return xxhash64(col("kt"), col("kv"));
  }

  /** The unrolled key struct {@code _k} as columns kt, kv; absent keys dropped. */
  private static Dataset<Row> keyed(Dataset<Row> side) {
    return side.where(col("_k.kv").isNotNull())
        .withColumn("kt", col("_k.kt"))
        .withColumn("kv", col("_k.kv"))
        .drop("_k");
  }

  // ---------------------------------------------------------------- DuckDB

  /**
   * The same query in DuckDB SQL as a data engineer would write it (the baseline of the ratio):
   * every match unrolled into one row per category, then distinct customers counted. Over the given
   * Parquet files and the temporary table {@code incident_brands(incident_id, brand_lc)}.
   */
  public static String sql(List<String> leakedFiles, List<String> customerFiles) {
    return matches(leakedFiles, customerFiles, "list_transform(categories, x -> x.code)")
        + "exposed AS (SELECT DISTINCT incident_id, category, brand, customer_id FROM"
        + " (SELECT incident_id, unnest(codes) AS category, brand, customer_id FROM matches))\n"
        + "SELECT incident_id, category, count(*) AS customers FROM exposed GROUP BY incident_id, category";
  }

  /**
   * The query in DuckDB SQL with the Spark side's plan ({@link CategoryMask}): one row per
   * incident, {@code (incident_id, count per category..., count of unknown codes)}. Not the
   * baseline: it shows what DuckDB makes of the same plan, so that the ratio is not read as the
   * engines' gap.
   */
  public static String sqlWithMasks(List<String> leakedFiles, List<String> customerFiles) {
    return matches(
            leakedFiles, customerFiles, MASK.sqlOfArray("list_transform(categories, x -> x.code)"))
        + "per_customer AS (SELECT incident_id, bit_or(codes) AS mask FROM matches GROUP BY incident_id, brand, customer_id)\n"
        + "SELECT incident_id, "
        + MASK.countsSql("mask")
        + " FROM per_customer GROUP BY incident_id";
  }

  /**
   * The CTEs up to {@code matches(incident_id, codes, brand, customer_id)}, where {@code codes} is
   * {@code codesOfCategories} computed on the leaked row.
   */
  private static String matches(
      List<String> leakedFiles, List<String> customerFiles, String codesOfCategories) {
    String keys =
        Arrays.stream(TrustedKey.values()).map(TrustedKey::sql).collect(Collectors.joining(", "));
    // Every key of both sides in one relation each, (key type, value): one join for all keys.
    List<String> leakedKeys = new ArrayList<>();
    List<String> customerKeys = new ArrayList<>();
    for (TrustedKey k : TrustedKey.values()) {
      String kt = "'" + k.name() + "' AS kt";
      if (k.brandScoped) {
        leakedKeys.add(
            "SELECT l.incident_id, l.codes, "
                + kt
                + ", l."
                + k.alias()
                + " || '|' || b.brand_lc AS kv"
                + " FROM leaked l JOIN incident_brands b ON b.incident_id = l.incident_id WHERE l."
                + k.alias()
                + " IS NOT NULL");
        customerKeys.add(
            "SELECT brand, customer_id, "
                + kt
                + ", "
                + k.alias()
                + " || '|' || brand_lc AS kv"
                + " FROM customers WHERE "
                + k.alias()
                + " IS NOT NULL");
      } else {
        leakedKeys.add(
            "SELECT incident_id, codes, "
                + kt
                + ", "
                + k.alias()
                + " AS kv FROM leaked WHERE "
                + k.alias()
                + " IS NOT NULL");
        customerKeys.add(
            "SELECT brand, customer_id, "
                + kt
                + ", "
                + k.alias()
                + " AS kv FROM customers WHERE "
                + k.alias()
                + " IS NOT NULL");
      }
    }
    return "WITH leaked AS (SELECT incident_id, "
        + codesOfCategories
        + " AS codes, "
        + keys
        + " FROM read_parquet("
        + fileList(leakedFiles)
        + ")),\n"
        + "customers AS (SELECT brand, customer_id, lower(brand) AS brand_lc, "
        + keys
        + " FROM read_parquet("
        + fileList(customerFiles)
        + ")),\n"
        + "leaked_keys AS ("
        + String.join("\nUNION ALL\n", leakedKeys)
        + "),\n"
        + "customer_keys AS ("
        + String.join("\nUNION ALL\n", customerKeys)
        + "),\n"
        + "matches AS (SELECT l.incident_id, l.codes, c.brand, c.customer_id FROM leaked_keys l"
        + " JOIN customer_keys c ON l.kt = c.kt AND l.kv = c.kv),\n";
  }

  /**
   * Runs the baseline query ({@link #sql}) in a fresh in-memory DuckDB (default settings: as many
   * threads as cores) and reads every row.
   */
  public static List<ResultRow> duckDb(
      List<String> leakedFiles, List<String> customerFiles, Map<String, List<String>> brands) {
    return onDuckDb(
        sql(leakedFiles, customerFiles),
        brands,
        rs -> List.of(new ResultRow(rs.getString(1), rs.getString(2), rs.getLong(3))));
  }

  /** Runs {@link #sqlWithMasks} the same way and unrolls its counts into result rows. */
  public static List<ResultRow> duckDbWithMasks(
      List<String> leakedFiles, List<String> customerFiles, Map<String, List<String>> brands) {
    return onDuckDb(
        sqlWithMasks(leakedFiles, customerFiles),
        brands,
        rs -> {
          long[] perCode = new long[MASK.unknownBit() + 1];
          for (int i = 0; i < perCode.length; i++) {
            perCode[i] = rs.getLong(2 + i);
          }
          return resultRows(rs.getString(1), perCode);
        });
  }

  /**
   * The result rows of one incident: one per category with customers, in taxonomy order.
   *
   * @param perCode customers per code in bit order, then with the unknown bit
   * @throws IllegalStateException when a code was not a category
   */
  private static List<ResultRow> resultRows(String incident, long[] perCode) {
    if (perCode[MASK.unknownBit()] > 0) {
      throw new IllegalStateException(
          "deterministic baseline: leaked_records_clean.categories.code holds a code that is not a category (incident "
              + incident
              + ")");
    }
    List<ResultRow> rows = new ArrayList<>();
    for (int i = 0; i < MASK.unknownBit(); i++) {
      if (perCode[i] > 0) {
        rows.add(new ResultRow(incident, MASK.codes().get(i), perCode[i]));
      }
    }
    return rows;
  }

  /** The result rows of the current row of a DuckDB result set. */
  private interface RowReader {
    List<ResultRow> read(ResultSet rs) throws SQLException;
  }

  private static List<ResultRow> onDuckDb(
      String query, Map<String, List<String>> brands, RowReader reader) {
    try (Connection db = DriverManager.getConnection("jdbc:duckdb:")) {
      try (Statement st = db.createStatement()) {
        st.execute(
            "CREATE TEMP TABLE incident_brands (incident_id VARCHAR NOT NULL, brand_lc VARCHAR NOT NULL)");
      }
      try (PreparedStatement insert =
          db.prepareStatement("INSERT INTO incident_brands VALUES (?, ?)")) {
        for (String[] p : brandPairs(brands)) {
          insert.setString(1, p[0]);
          insert.setString(2, p[1]);
          insert.addBatch();
        }
        insert.executeBatch();
      }
      List<ResultRow> rows = new ArrayList<>();
      try (Statement st = db.createStatement();
          ResultSet rs = st.executeQuery(query)) {
        while (rs.next()) {
          rows.addAll(reader.read(rs));
        }
      }
      rows.sort(ResultRow.ORDER);
      return rows;
    } catch (SQLException e) {
      throw new IllegalStateException("DuckDB baseline: " + e.getMessage(), e);
    }
  }

  /** DuckDB's thread count with its default settings on this machine. */
  public static int duckDbThreads() {
    try (Connection db = DriverManager.getConnection("jdbc:duckdb:");
        Statement st = db.createStatement();
        ResultSet rs = st.executeQuery("SELECT current_setting('threads')")) {
      rs.next();
      return rs.getInt(1);
    } catch (SQLException e) {
      throw new IllegalStateException("DuckDB baseline: " + e.getMessage(), e);
    }
  }

  // ---------------------------------------------------------------- shared

  /**
   * The Parquet files a Spark read scans (for a Delta table: the files of the current snapshot), as
   * local paths for DuckDB. Fails on a file that is not on the local file system.
   */
  public static List<String> localFiles(Dataset<Row> read) {
    List<String> out = new ArrayList<>();
    for (String f : read.inputFiles()) {
      java.net.URI uri = new org.apache.hadoop.fs.Path(f).toUri();
      if (uri.getScheme() != null && !uri.getScheme().equals("file")) {
        throw new IllegalStateException(
            "DuckDB baseline reads local files only, not " + uri.getScheme() + ": files");
      }
      out.add(uri.getPath());
    }
    out.sort(Comparator.naturalOrder());
    return out;
  }

  /**
   * Fails with one line when the two engines disagree: row counts and the first differing
   * (incident, category), never a personal value.
   */
  public static void requireSame(List<ResultRow> spark, List<ResultRow> duckDb) {
    if (spark.equals(duckDb)) {
      return;
    }
    String first = "";
    for (int i = 0; i < Math.max(spark.size(), duckDb.size()); i++) {
      ResultRow a = i < spark.size() ? spark.get(i) : null;
      ResultRow b = i < duckDb.size() ? duckDb.get(i) : null;
      if (a == null || !a.equals(b)) {
        first = "; first difference: spark " + describe(a) + " duckdb " + describe(b);
        break;
      }
    }
    throw new IllegalStateException(
        "deterministic baseline: spark and duckdb results differ ("
            + spark.size()
            + " rows vs "
            + duckDb.size()
            + " rows"
            + first
            + ")");
  }

  private static String describe(ResultRow r) {
    return r == null ? "(none)" : r.incidentId() + "/" + r.category() + "=" + r.customers();
  }

  private static List<String[]> brandPairs(Map<String, List<String>> brands) {
    List<String[]> pairs = new ArrayList<>();
    brands.forEach(
        (incident, list) ->
            list.stream()
                .map(b -> b.toLowerCase(Locale.ROOT))
                .distinct()
                .sorted()
                .forEach(b -> pairs.add(new String[] {incident, b})));
    return pairs;
  }

  private static String fileList(List<String> files) {
    if (files.isEmpty()) {
      throw new IllegalStateException("DuckDB baseline: no Parquet file to read");
    }
    return files.stream()
        .map(f -> "'" + f.replace("'", "''") + "'")
        .collect(Collectors.joining(", ", "[", "]"));
  }
}
