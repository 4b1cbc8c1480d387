package fr.breachimpact.notebooks;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * A query's result in engine-neutral values, so that DuckDB's and Spark's answers compare: numbers
 * as doubles, dates as ISO dates, timestamps as UTC instants, arrays as lists.
 */
record ResultTable(List<String> columns, List<List<Object>> rows) {
  private static final double ABSOLUTE_TOLERANCE = 1e-6;
  private static final double RELATIVE_TOLERANCE = 1e-9;

  static Object neutral(Object v) throws java.sql.SQLException {
    if (v == null || v instanceof Boolean || v instanceof String) {
      return v;
    }
    if (v instanceof Number n) {
      return n.doubleValue();
    }
    if (v instanceof java.sql.Date d) {
      return d.toLocalDate().toString();
    }
    if (v instanceof LocalDate d) {
      return d.toString();
    }
    if (v instanceof java.sql.Timestamp t) {
      return t.toInstant().toString();
    }
    if (v instanceof OffsetDateTime t) {
      return t.toInstant().toString();
    }
    if (v instanceof LocalDateTime t) {
      return t.toInstant(ZoneOffset.UTC).toString();
    }
    if (v instanceof Instant i) {
      return i.toString();
    }
    if (v instanceof java.sql.Array a) {
      return neutralList(java.util.Arrays.asList((Object[]) a.getArray()));
    }
    if (v instanceof scala.collection.Seq<?> s) {
      return neutralList(scala.collection.JavaConverters.seqAsJavaList(s));
    }
    return v.toString();
  }

  private static List<Object> neutralList(List<?> values) throws java.sql.SQLException {
    List<Object> out = new ArrayList<>();
    for (Object o : values) {
      out.add(neutral(o));
    }
    return out;
  }

  /**
   * Null when the two results agree, else the first difference (positions and column names only).
   */
  String firstDifference(ResultTable other) {
    if (!columns.equals(other.columns)) {
      return "columns " + columns + " vs " + other.columns;
    }
    if (rows.size() != other.rows.size()) {
      return "row count " + rows.size() + " vs " + other.rows.size();
    }
    for (int r = 0; r < rows.size(); r++) {
      for (int c = 0; c < columns.size(); c++) {
        if (!same(rows.get(r).get(c), other.rows.get(r).get(c))) {
          return "row " + r + " column " + columns.get(c) + " differs";
        }
      }
    }
    return null;
  }

  private static boolean same(Object a, Object b) {
    if (a instanceof Double x && b instanceof Double y) {
      return Math.abs(x - y)
          <= ABSOLUTE_TOLERANCE + RELATIVE_TOLERANCE * Math.max(Math.abs(x), Math.abs(y));
    }
    return a == null ? b == null : a.equals(b);
  }
}
