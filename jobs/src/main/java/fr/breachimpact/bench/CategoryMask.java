package fr.breachimpact.bench;

import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.array_contains;
import static org.apache.spark.sql.functions.array_except;
import static org.apache.spark.sql.functions.count_if;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.size;
import static org.apache.spark.sql.functions.when;

import fr.breachimpact.bench.DeterministicBaseline.ResultRow;
import fr.breachimpact.classify.Category;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.spark.sql.Column;

/**
 * A record's category codes as the bits of one long (bit = {@link Category#ordinal()}), so that
 * the categories of one customer's matched records are merged by a bitwise or and counted per
 * incident, instead of unrolling every match into one row per category and sorting out the
 * duplicates. Exact as long as every code is a {@link Category}: any other code sets {@link
 * #UNKNOWN_BIT}, and a count on it fails the query rather than dropping the code.
 */
final class CategoryMask {
  private static final Category[] CATEGORIES = Category.values();
  /** Set by a code that is not a category; the first bit after theirs. */
  static final int UNKNOWN_BIT = CATEGORIES.length;

  private CategoryMask() {}

  /** The mask of an {@code array<string>} of codes; 0 for a null or empty array. */
  static Column of(Column codes) {
    Column mask = lit(0L);
    for (Category c : CATEGORIES) {
      mask = mask.bitwiseOR(when(array_contains(codes, c.name()), lit(bit(c.ordinal()))).otherwise(0L));
    }
    Column known = array(Arrays.stream(CATEGORIES).map(c -> lit(c.name())).toArray(Column[]::new));
    return mask.bitwiseOR(when(size(array_except(codes, known)).gt(0), lit(bit(UNKNOWN_BIT))).otherwise(0L));
  }

  /**
   * Aggregations over a long column of masks: per category in ordinal order, then for the unknown
   * bit, the number of rows whose mask has it.
   */
  static Column[] counts(Column mask) {
    Column[] out = new Column[CATEGORIES.length + 1];
    for (int i = 0; i <= UNKNOWN_BIT; i++) {
      out[i] = count_if(mask.bitwiseAND(bit(i)).notEqual(0L)).as(i < UNKNOWN_BIT ? CATEGORIES[i].name() : "_unknown");
    }
    return out;
  }

  /** {@link #of} in DuckDB SQL, over an SQL expression of type {@code VARCHAR[]}. */
  static String sql(String codes) {
    StringBuilder mask = new StringBuilder("(CAST(0 AS BIGINT)");
    for (Category c : CATEGORIES) {
      mask.append(" | CASE WHEN list_contains(").append(codes).append(", '").append(c.name()).append("') THEN ")
          .append(bit(c.ordinal())).append(" ELSE 0 END");
    }
    String known = Arrays.stream(CATEGORIES).map(c -> "'" + c.name() + "'").collect(Collectors.joining(", "));
    return mask.append(" | CASE WHEN len(list_filter(").append(codes).append(", x -> x NOT IN (").append(known)
        .append("))) > 0 THEN ").append(bit(UNKNOWN_BIT)).append(" ELSE 0 END)").toString();
  }

  /** {@link #counts} in DuckDB SQL: the select list of the counts, in the same order. */
  static String countsSql(String mask) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i <= UNKNOWN_BIT; i++) {
      out.append(i == 0 ? "" : ", ").append("count_if((").append(mask).append(" & ").append(bit(i)).append(") <> 0)");
    }
    return out.toString();
  }

  /**
   * The result rows of one incident: one per category with customers, in taxonomy order.
   *
   * @param counts customers per category in ordinal order, then of the unknown bit ({@link #counts})
   * @throws IllegalStateException when a code was not a category
   */
  static List<ResultRow> resultRows(String incident, long[] counts) {
    if (counts[UNKNOWN_BIT] > 0) {
      throw new IllegalStateException(
          "deterministic baseline: leaked_records_clean.categories.code holds a code that is not a category (incident "
              + incident + ")");
    }
    List<ResultRow> rows = new ArrayList<>();
    for (Category c : CATEGORIES) {
      if (counts[c.ordinal()] > 0) {
        rows.add(new ResultRow(incident, c.name(), counts[c.ordinal()]));
      }
    }
    return rows;
  }

  private static long bit(int i) {
    return 1L << i;
  }
}
