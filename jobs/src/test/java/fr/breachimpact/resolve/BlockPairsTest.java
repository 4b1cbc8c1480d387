package fr.breachimpact.resolve;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.junit.jupiter.api.Test;

class BlockPairsTest {
  private static List<String> pairs(int maxBlockSize, Object... keyNode) {
    List<Row> rows = new ArrayList<>();
    for (int i = 0; i < keyNode.length; i += 2) {
      rows.add(RowFactory.create(((Number) keyNode[i]).longValue(), keyNode[i + 1], 0));
    }
    List<String> out = new ArrayList<>();
    new BlockPairs(rows.iterator(), new int[] {maxBlockSize})
        .forEachRemaining(r -> out.add(r.getString(0) + "-" + r.getString(1)));
    return out;
  }

  @Test
  void everyPairOfABlockOnceWithTheSmallerNodeFirst() {
    assertEquals(List.of("b-c", "a-c", "a-b"), pairs(50, 1, "c", 1, "b", 1, "a"));
  }

  @Test
  void singletonsAndBlocksOverTheBoundYieldNothingAndTheBlocksAroundThemStillPair() {
    assertEquals(
        List.of("a-b", "x-y"),
        pairs(
            3, 1, "a", 1, "b", 2, "lone", 3, "p", 3, "q", 3, "r", 3, "s", 4, "x", 4, "y", 5,
            "end"));
  }

  @Test
  void aBlockOfExactlyTheBoundPairsAndAnEmptyPartitionGivesNothing() {
    assertEquals(3, pairs(3, 7, "a", 7, "b", 7, "c").size());
    assertEquals(List.of(), pairs(3));
  }

  @Test
  void aNodeTwiceInOneBlockIsNotPairedWithItself() {
    assertEquals(List.of("a-b", "a-b"), pairs(50, 1, "a", 1, "b", 1, "a"));
  }

  @Test
  void eachRuleHasItsOwnBound() {
    // Rule 0 bounds at 50, rule 1 at 2: the same block of three pairs under rule 0 only.
    List<Row> rows =
        List.of(
            RowFactory.create(1L, "a", 0),
            RowFactory.create(1L, "b", 0),
            RowFactory.create(1L, "c", 0),
            RowFactory.create(2L, "a", 1),
            RowFactory.create(2L, "b", 1),
            RowFactory.create(2L, "c", 1),
            RowFactory.create(3L, "x", 1),
            RowFactory.create(3L, "y", 1));
    List<String> out = new ArrayList<>();
    new BlockPairs(rows.iterator(), new int[] {50, 2})
        .forEachRemaining(r -> out.add(r.getString(0) + "-" + r.getString(1) + "@" + r.getInt(2)));
    assertEquals(List.of("a-b@0", "a-c@0", "b-c@0", "x-y@1"), out.stream().sorted().toList());
  }
}
