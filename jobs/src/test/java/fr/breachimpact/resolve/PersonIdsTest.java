package fr.breachimpact.resolve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import fr.breachimpact.spark.TestSpark;
import fr.breachimpact.testing.Frames;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;

class PersonIdsTest {
  private static final LocalDate RUN = LocalDate.of(2026, 11, 29);

  private static Dataset<Row> pairs(String second, String... nodeAndValue) {
    StructType schema =
        new StructType().add("node_id", DataTypes.StringType).add(second, DataTypes.StringType);
    List<Row> rows =
        java.util.stream.IntStream.range(0, nodeAndValue.length / 2)
            .mapToObj(i -> (Row) RowFactory.create(nodeAndValue[2 * i], nodeAndValue[2 * i + 1]))
            .toList();
    return TestSpark.session().createDataFrame(rows, schema);
  }

  private static Map<String, String> asMap(Dataset<Row> assignment) {
    Map<String, String> out = new TreeMap<>();
    assignment.collectAsList().forEach(r -> out.put(r.getString(0), r.getString(1)));
    return out;
  }

  private static String fresh(String label) {
    return TestSpark.session()
        .range(1)
        .select(PersonIds.freshId(org.apache.spark.sql.functions.lit(label)))
        .first()
        .getString(0);
  }

  @Test
  void firstRunIdsComeFromEachClustersSmallestNode() {
    Dataset<Row> clusters = pairs("component", "a", "a", "b", "a", "c", "c");
    PersonIds.Assignment result = PersonIds.assign(pairs("person_id"), clusters, RUN);
    Map<String, String> ids = asMap(result.assignment());
    assertEquals(fresh("a"), ids.get("a"));
    assertEquals(fresh("a"), ids.get("b"));
    assertEquals(fresh("c"), ids.get("c"));
    assertEquals(0, result.merges().count());
  }

  @Test
  void growingClusterKeepsItsIdEvenWhenASmallerNodeJoins() {
    Dataset<Row> previous = pairs("person_id", "b", "p1", "c", "p1");
    Dataset<Row> clusters = pairs("component", "a", "a", "b", "a", "c", "a");
    Frames.assertEqualIgnoringOrder(
        Frames.frame(
            "node_id STRING, person_id STRING",
            Frames.row("a", "p1"),
            Frames.row("b", "p1"),
            Frames.row("c", "p1")),
        PersonIds.assign(previous, clusters, RUN).assignment());
  }

  @Test
  void mergeKeepsTheIdWithMostMembersAndRecordsTheMerge() {
    Dataset<Row> previous =
        pairs("person_id", "a", "p9", "b", "p1", "c", "p1", "d", "p5", "e", "p4");
    // a, b, c merge (p1 has two members, p9 one); d and e merge with equal members: smaller id.
    Dataset<Row> clusters = pairs("component", "a", "a", "b", "a", "c", "a", "d", "d", "e", "d");
    PersonIds.Assignment result = PersonIds.assign(previous, clusters, RUN);
    Map<String, String> ids = asMap(result.assignment());
    assertEquals("p1", ids.get("a"));
    assertEquals("p4", ids.get("d"));
    java.sql.Date run = java.sql.Date.valueOf(RUN);
    Frames.assertEqual(
        Frames.frame(
            "run_date DATE, surviving_person_id STRING, merged_person_id STRING",
            Frames.row(run, "p4", "p5"),
            Frames.row(run, "p1", "p9")),
        result.merges().orderBy("merged_person_id"));
  }

  @Test
  void splitLeavesTheIdWithTheLargerPartAndGivesTheOtherAFreshOne() {
    Dataset<Row> previous = pairs("person_id", "a", "p1", "b", "p1", "c", "p1");
    Dataset<Row> clusters = pairs("component", "a", "a", "b", "b", "c", "b");
    Map<String, String> ids = asMap(PersonIds.assign(previous, clusters, RUN).assignment());
    assertEquals("p1", ids.get("b"));
    assertEquals("p1", ids.get("c"));
    assertEquals(fresh("a"), ids.get("a"));
    assertNotEquals("p1", ids.get("a"));
  }
}
