package fr.breachimpact.link;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * What the term frequencies of one column looked like when a model was trained, without a single
 * value: how many distinct values, how many rows held one, the largest share one value had, and the
 * chance that two rows drawn at random agree (the sum of the squared shares, the u an exact level
 * would have without the adjustment). Kept in the model file so that a reader can see how much the
 * adjustment moves the weights, and whether tonight's data still looks like it.
 *
 * @param column the comparable column, e.g. {@code last_name_key}
 * @param values distinct values
 * @param rowsWithValue rows whose value is not null
 * @param rows all rows, the denominator of the shares
 * @param maxShare the largest share of rows one value has
 * @param agreementProbability sum of the squared shares of the values
 */
public record TermFrequencySummary(
    String column,
    long values,
    long rowsWithValue,
    long rows,
    double maxShare,
    double agreementProbability) {

  /**
   * One pass over a side that carries each value's share beside it ({@code <value column>} and
   * {@code <value column>_tf}, share = n / rows). Summed over rows, a share adds n * n / rows per
   * value and its inverse adds rows per value, so no grouping by value is needed.
   *
   * @param prefix prefix of the side's columns ({@code r_} on link's customer side, none in
   *     resolve)
   */
  public static List<TermFrequencySummary> of(
      Dataset<Row> side, String prefix, List<String> columns, long rows) {
    if (columns.isEmpty()) {
      return List.of();
    }
    List<Column> aggs = new ArrayList<>();
    for (String c : columns) {
      Column share = col(prefix + c + "_tf");
      Column held = col(prefix + c).isNotNull().and(share.isNotNull());
      Column heldShare = when(held, share);
      aggs.add(count(heldShare));
      aggs.add(sum(lit(1.0).divide(heldShare)));
      aggs.add(max(heldShare));
      aggs.add(sum(heldShare));
    }
    Row r = side.agg(aggs.get(0), aggs.subList(1, aggs.size()).toArray(new Column[0])).first();
    List<TermFrequencySummary> out = new ArrayList<>();
    double n = Math.max(1, rows);
    for (int i = 0; i < columns.size(); i++) {
      long held = r.getLong(4 * i);
      double inverse = r.isNullAt(4 * i + 1) ? 0 : r.getDouble(4 * i + 1);
      double maxShare = r.isNullAt(4 * i + 2) ? 0 : r.getDouble(4 * i + 2);
      double shareSum = r.isNullAt(4 * i + 3) ? 0 : r.getDouble(4 * i + 3);
      out.add(
          new TermFrequencySummary(
              columns.get(i), Math.round(inverse / n), held, rows, maxShare, shareSum / n));
    }
    return out;
  }
}
