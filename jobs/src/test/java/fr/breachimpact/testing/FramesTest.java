package fr.breachimpact.testing;

import static fr.breachimpact.testing.Frames.frame;
import static fr.breachimpact.testing.Frames.row;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.holdenkarau.spark.testing.SparkSessionProvider;
import fr.breachimpact.spark.TestSpark;
import org.apache.spark.SparkContext;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;

/** The comparers the stage tests lean on: what they let pass, what they catch, what they say. */
class FramesTest {
  private static final String SCHEMA = "id STRING, n BIGINT, share DOUBLE";

  private static Dataset<Row> abc() {
    return frame(SCHEMA, row("a", 1L, 0.5), row("b", 2L, null), row("c", 2L, 0.25));
  }

  @Test
  void equalFramesPassInOrderIgnoringOrderAndWithinATolerance() {
    Frames.assertEqual(abc(), abc());
    Frames.assertEqualIgnoringOrder(abc(), abc().orderBy(col("id").desc()));
    Frames.assertApproximatelyEqual(
        abc(),
        frame(SCHEMA, row("a", 1L, 0.5 + 1e-9), row("b", 2L, null), row("c", 2L, 0.25)),
        1e-6);
  }

  @Test
  void aDifferingValueFailsNamingBothRows() {
    Dataset<Row> actual = frame(SCHEMA, row("a", 1L, 0.5), row("b", 3L, null), row("c", 2L, 0.25));
    AssertionFailedError e =
        assertThrows(AssertionFailedError.class, () -> Frames.assertEqual(abc(), actual));
    assertTrue(e.getMessage().contains("columns  [id, n, share]"), e.getMessage());
    assertTrue(e.getMessage().contains("expected [b, 2, null]"), e.getMessage());
    assertTrue(e.getMessage().contains("actual   [b, 3, null]"), e.getMessage());
  }

  @Test
  void orderCountsOnlyWhereAsked() {
    Dataset<Row> reversed = abc().orderBy(col("id").desc());
    assertThrows(AssertionFailedError.class, () -> Frames.assertEqual(abc(), reversed));
    Frames.assertEqualIgnoringOrder(abc(), reversed);
  }

  @Test
  void ignoringOrderStillCountsEachRow() {
    Dataset<Row> twice = frame(SCHEMA, row("a", 1L, 0.5), row("a", 1L, 0.5), row("c", 2L, 0.25));
    AssertionFailedError e =
        assertThrows(
            AssertionFailedError.class, () -> Frames.assertEqualIgnoringOrder(abc(), twice));
    assertTrue(e.getMessage().contains("[a, 1, 0.5]: expected 1x, actual 2x"), e.getMessage());
    assertTrue(e.getMessage().contains("[b, 2, null]: expected 1x, actual 0x"), e.getMessage());
  }

  @Test
  void aToleranceIsAbsoluteAndOnlyForFractions() {
    Dataset<Row> off = frame(SCHEMA, row("a", 1L, 0.51), row("b", 2L, null), row("c", 2L, 0.25));
    assertThrows(
        AssertionFailedError.class, () -> Frames.assertApproximatelyEqual(abc(), off, 1e-3));
    Frames.assertApproximatelyEqual(abc(), off, 0.02);
    Dataset<Row> otherCount =
        frame(SCHEMA, row("a", 2L, 0.5), row("b", 2L, null), row("c", 2L, 0.25));
    assertThrows(
        AssertionFailedError.class, () -> Frames.assertApproximatelyEqual(abc(), otherCount, 0.5));
  }

  @Test
  void aMissingRowFailsOnTheCountShowingBothFrames() {
    Dataset<Row> two = frame(SCHEMA, row("a", 1L, 0.5), row("c", 2L, 0.25));
    AssertionFailedError e =
        assertThrows(AssertionFailedError.class, () -> Frames.assertEqualIgnoringOrder(abc(), two));
    assertTrue(
        e.getMessage().startsWith("frames differ in row count: expected 3 but was 2"),
        e.getMessage());
    assertTrue(e.getMessage().contains("actual rows:   [a,1,0.5], [c,2,0.25]"), e.getMessage());
  }

  @Test
  void columnsMustMatchInNameTypeAndOrderButNotNullability() {
    Dataset<Row> intCount = frame("id STRING, n INT, share DOUBLE", row("a", 1, 0.5));
    Dataset<Row> expected = frame(SCHEMA, row("a", 1L, 0.5));
    AssertionFailedError e =
        assertThrows(AssertionFailedError.class, () -> Frames.assertEqual(expected, intCount));
    assertEquals("id STRING,n BIGINT,share DOUBLE", e.getExpected().getValue());
    assertThrows(
        AssertionFailedError.class,
        () -> Frames.assertEqual(expected, expected.select("n", "id", "share")));
    // lit() columns are not nullable; an inline frame's always are: not a difference.
    Dataset<Row> literal =
        TestSpark.session()
            .range(1)
            .select(lit("a").as("id"), lit(1L).as("n"), lit(0.5).as("share"));
    Frames.assertEqual(expected, literal);
  }

  @Test
  void theComparerRunsOnTheSharedSessionAndStartsNoOtherContext() {
    Frames.assertEqual(abc(), abc());
    assertSame(TestSpark.session().sparkContext(), SparkContext.getOrCreate());
    assertNull(SparkSessionProvider.sparkSession(), "the library's own session was never built");
  }
}
