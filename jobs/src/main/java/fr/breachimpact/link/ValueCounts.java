package fr.breachimpact.link;

import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.struct;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;

/**
 * How many rows of a frame hold each value of some columns, counted in one pass: per brand for the
 * keys the guard bounds (only the values held more than {@code maxPerBrand} times are kept), over
 * all brands for the columns whose frequency is wanted, and the number of rows. One scan and one
 * aggregation instead of one per column; the result is small (a few overused values and the
 * distinct names) and is held in memory, to be broadcast by its readers.
 */
final class ValueCounts {
  private static final String COLUMN = "_vc_column";
  private static final String BRAND = "_vc_brand";
  private static final String VALUE = "_vc_value";
  private static final String N = "_vc_n";

  /** The column name under which the rows are counted; no column of a frame is named so. */
  private static final String ROWS = "";

  private final Dataset<Row> counts;
  private final long rows;

  private ValueCounts(Dataset<Row> counts, long rows) {
    this.counts = counts;
    this.rows = rows;
  }

  /**
   * @param frame the rows to count
   * @param brandColumn the brand of a row, scope of the bounded keys
   * @param bounded columns whose values held by more than {@code maxPerBrand} rows of a brand are
   *     wanted
   * @param pooled columns whose every value's count over all brands is wanted
   */
  static ValueCounts of(
      Dataset<Row> frame,
      String brandColumn,
      List<String> bounded,
      int maxPerBrand,
      List<String> pooled) {
    List<Column> entries = new ArrayList<>();
    for (String c : bounded) {
      entries.add(entry(c, col(brandColumn), col(c)));
    }
    for (String c : pooled) {
      entries.add(entry(c, lit(null).cast(DataTypes.StringType), col(c)));
    }
    entries.add(entry(ROWS, lit(null).cast(DataTypes.StringType), lit(ROWS)));
    Column isBounded = col(COLUMN).isin(bounded.toArray());
    Dataset<Row> counts =
        frame
            .select(explode(array(entries.toArray(new Column[0]))).as("_vc"))
            .select("_vc.*")
            .where(col(VALUE).isNotNull())
            .groupBy(COLUMN, BRAND, VALUE)
            .agg(count(lit(1)).as(N))
            .where(isBounded.unary_$bang().or(col(N).gt(maxPerBrand)))
            .localCheckpoint(true);
    List<Row> total = counts.where(col(COLUMN).equalTo(ROWS)).select(N).collectAsList();
    return new ValueCounts(
        counts.where(col(COLUMN).notEqual(ROWS)), total.isEmpty() ? 0 : total.get(0).getLong(0));
  }

  private static Column entry(String column, Column brand, Column value) {
    return struct(
        lit(column).as(COLUMN), brand.as(BRAND), value.cast(DataTypes.StringType).as(VALUE));
  }

  /** Rows counted. */
  long rows() {
    return rows;
  }

  /** {@code (brand, value, n)} of a bounded column's values held by too many rows of a brand. */
  Dataset<Row> overused(String column) {
    return counts
        .where(col(COLUMN).equalTo(column))
        .select(col(BRAND).as("brand"), col(VALUE).as("value"), col(N).as("n"));
  }

  /** {@code (value, n)} of every value of a pooled column. */
  Dataset<Row> pooled(String column) {
    return counts.where(col(COLUMN).equalTo(column)).select(col(VALUE).as("value"), col(N).as("n"));
  }
}
