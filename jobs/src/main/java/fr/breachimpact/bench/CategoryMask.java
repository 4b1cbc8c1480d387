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
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Row;

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

  /**
   * The result rows of one row {@code (incident_id, counts...)}: one per category with a count.
   *
   * @throws IllegalStateException when a code was not a category
   */
  static List<ResultRow> resultRows(Row incidentCounts) {
    String incident = incidentCounts.getString(0);
    if (incidentCounts.getLong(1 + UNKNOWN_BIT) > 0) {
      throw new IllegalStateException(
          "deterministic baseline: leaked_records_clean.categories.code holds a code that is not a category (incident "
              + incident + ")");
    }
    List<ResultRow> rows = new ArrayList<>();
    for (Category c : CATEGORIES) {
      long customers = incidentCounts.getLong(1 + c.ordinal());
      if (customers > 0) {
        rows.add(new ResultRow(incident, c.name(), customers));
      }
    }
    return rows;
  }

  private static long bit(int i) {
    return 1L << i;
  }
}
