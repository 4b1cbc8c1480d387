package fr.breachimpact.testing;

import com.holdenkarau.spark.testing.JavaDataFrameSuiteBase;
import fr.breachimpact.spark.TestSpark;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.spark.SparkContext;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SQLContext;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.ArrayType;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.MapType;
import org.apache.spark.sql.types.Metadata;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.opentest4j.AssertionFailedError;
import scala.reflect.ClassTag;
import scala.runtime.BoxedUnit;

/**
 * Frame-to-frame assertions for the stage tests: spark-testing-base's DataFrame comparers, run on
 * the test JVM's one session ({@link TestSpark}) and failing with a JUnit 5 message that names the
 * differing rows.
 *
 * <p>What is compared: column names, types and order (nullability and column metadata are not: a
 * frame built inline cannot say which columns Spark derives as non-nullable), the row count, then
 * the rows, in order or as a multiset. A failure message holds the two frames' differing rows, so
 * only the test's own synthetic values; nothing is printed to the console.
 */
public final class Frames {
  /** Rows named in a failure message, at most (the library's own bound). */
  private static final int SHOWN = 10;

  private static final Comparer COMPARER = new Comparer();

  private Frames() {}

  /** A small expected frame: {@code schema} in DDL ("id STRING, n BIGINT"), then its rows. */
  public static Dataset<Row> frame(String schema, Object[]... rows) {
    List<Row> list = Arrays.stream(rows).map(RowFactory::create).collect(Collectors.toList());
    return TestSpark.session().createDataFrame(list, StructType.fromDDL(schema));
  }

  /** One row of {@link #frame}: reads as {@code row("a", 1L)}. */
  public static Object[] row(Object... values) {
    return values;
  }

  /** Same columns, same rows in the same order (sort {@code actual} before asking). */
  public static void assertEqual(Dataset<Row> expected, Dataset<Row> actual) {
    assertApproximatelyEqual(expected, actual, 0.0);
  }

  /**
   * Same columns, same rows in the same order; doubles and floats may differ by {@code tolerance}
   * (absolute), everything else must be equal.
   */
  public static void assertApproximatelyEqual(
      Dataset<Row> expected, Dataset<Row> actual, double tolerance) {
    Pair p = comparable(expected, actual);
    synchronized (COMPARER) {
      COMPARER.start(p.expected.columns());
      COMPARER.assertDataFrameApproximateEquals(
          p.expected, p.actual, tolerance, Duration.ZERO, COMPARER::capture);
    }
  }

  /**
   * Same columns, same rows, each as many times, in any order. Not for frames with a map column:
   * the library counts rows by grouping on every column, and Spark cannot group on a map.
   */
  public static void assertEqualIgnoringOrder(Dataset<Row> expected, Dataset<Row> actual) {
    Pair p = comparable(expected, actual);
    synchronized (COMPARER) {
      COMPARER.start(p.expected.columns());
      COMPARER.assertDataFrameNoOrderEquals(p.expected, p.actual);
    }
  }

  private record Pair(Dataset<Row> expected, Dataset<Row> actual) {}

  /**
   * Both frames with every column nullable and without metadata, read afresh from their rows: the
   * library compares schemas field by field, nullability included, and joins the two frames by
   * column (two frames of one lineage would make that join ambiguous).
   */
  private static Pair comparable(Dataset<Row> expected, Dataset<Row> actual) {
    StructType e = (StructType) relaxed(expected.schema());
    StructType a = (StructType) relaxed(actual.schema());
    if (!e.equals(a)) {
      throw new AssertionFailedError("frames differ in their columns", e.toDDL(), a.toDDL());
    }
    long expectedRows = expected.count();
    long actualRows = actual.count();
    if (expectedRows != actualRows) {
      throw new AssertionFailedError(
          "frames differ in row count: expected "
              + expectedRows
              + " but was "
              + actualRows
              + "\n  expected rows: "
              + firstRows(expected)
              + "\n  actual rows:   "
              + firstRows(actual),
          expectedRows,
          actualRows);
    }
    SparkSession spark = TestSpark.session();
    return new Pair(
        spark.createDataFrame(expected.rdd(), e), spark.createDataFrame(actual.rdd(), a));
  }

  private static String firstRows(Dataset<Row> frame) {
    List<Row> rows = frame.takeAsList(SHOWN + 1);
    String shown = rows.stream().limit(SHOWN).map(Row::toString).collect(Collectors.joining(", "));
    return rows.size() > SHOWN ? shown + ", ..." : shown;
  }

  private static DataType relaxed(DataType type) {
    if (type instanceof StructType s) {
      return new StructType(
          Arrays.stream(s.fields())
              .map(f -> new StructField(f.name(), relaxed(f.dataType()), true, Metadata.empty()))
              .toArray(StructField[]::new));
    }
    if (type instanceof ArrayType a) {
      return new ArrayType(relaxed(a.elementType()), true);
    }
    if (type instanceof MapType m) {
      return new MapType(relaxed(m.keyType()), relaxed(m.valueType()), true);
    }
    return type;
  }

  /**
   * The library's comparer, given the shared session instead of one of its own (its JUnit 4 hooks,
   * which would start a SparkContext, never run), and its asserts turned into JUnit 5 failures that
   * carry the differing rows.
   */
  private static final class Comparer extends JavaDataFrameSuiteBase {
    private String header;
    private int columns;
    private final List<String> unequal = new ArrayList<>();

    void start(String[] names) {
      header = "columns  " + Arrays.toString(names);
      columns = names.length;
      unequal.clear();
    }

    @Override
    public SparkSession spark() {
      return TestSpark.session();
    }

    @Override
    public SQLContext sqlContext() {
      return spark().sqlContext();
    }

    @Override
    public SparkContext sc() {
      return spark().sparkContext();
    }

    /** In order: the library hands over its unequal rows, each tagged "expected" or "result". */
    BoxedUnit capture(Dataset<Row> tagged) {
      for (Row r : tagged.collectAsList()) {
        String tag = r.getString(0);
        List<Object> values = new ArrayList<>();
        for (int i = 1; i < r.length(); i++) {
          values.add(r.get(i));
        }
        unequal.add(String.format("%-8s %s", tag.equals("result") ? "actual" : tag, values));
      }
      return BoxedUnit.UNIT;
    }

    @Override
    public void fail(String message) {
      throw new AssertionFailedError(
          "frames differ row by row (first "
              + SHOWN
              + " differences, expected row then actual row):\n  "
              + header
              + "\n  "
              + String.join("\n  ", unequal));
    }

    /**
     * Ignoring order: each row of the library's full outer join of the two frames' row counts is
     * the expected side's columns and count, then the actual side's.
     */
    @Override
    public <U> void assertEmpty(Object differences, ClassTag<U> tag) {
      Object[] rows = (Object[]) differences;
      if (rows.length == 0) {
        return;
      }
      List<String> lines = new ArrayList<>();
      for (Object o : rows) {
        Row r = (Row) o;
        Object expectedCount = r.get(columns);
        Object actualCount = r.get(2 * columns + 1);
        int from = expectedCount == null ? columns + 1 : 0;
        List<Object> values = new ArrayList<>();
        for (int i = from; i < from + columns; i++) {
          values.add(r.get(i));
        }
        lines.add(values + ": expected " + times(expectedCount) + ", actual " + times(actualCount));
      }
      throw new AssertionFailedError(
          "frames differ in which rows they hold (first "
              + SHOWN
              + " differences):\n  "
              + header
              + "\n  "
              + String.join("\n  ", lines));
    }

    private static String times(Object count) {
      return (count == null ? 0L : count) + "x";
    }
  }
}
