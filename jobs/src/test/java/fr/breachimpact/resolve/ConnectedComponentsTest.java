package fr.breachimpact.resolve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.breachimpact.spark.TestSpark;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;

class ConnectedComponentsTest {
  private static final StructType NODES = new StructType().add("node_id", DataTypes.StringType);
  private static final StructType EDGES =
      new StructType().add("src", DataTypes.StringType).add("dst", DataTypes.StringType);

  private static String n(int i) {
    return String.format("n%03d", i);
  }

  private static Map<String, String> labels(List<String> nodes, List<String[]> edges) {
    Dataset<Row> nodeFrame =
        TestSpark.session()
            .createDataFrame(nodes.stream().map(x -> (Row) RowFactory.create(x)).toList(), NODES);
    Dataset<Row> edgeFrame =
        TestSpark.session()
            .createDataFrame(
                edges.stream().map(e -> (Row) RowFactory.create(e[0], e[1])).toList(), EDGES);
    // The same labels from the star rounds (no edge allowed in the driver) and the union-find.
    ConnectedComponents.Result rounds = ConnectedComponents.run(nodeFrame, edgeFrame, 60, -1);
    ConnectedComponents.Result driver =
        ConnectedComponents.run(nodeFrame, edgeFrame, 60, 1_000_000);
    assertTrue(rounds.rounds() > 0 || edges.isEmpty(), "star rounds ran");
    assertEquals(0, driver.rounds(), "union-find in the driver ran");
    Map<String, String> out = collect(rounds);
    assertEquals(out, collect(driver), "star rounds and driver union-find agree");
    return out;
  }

  private static Map<String, String> collect(ConnectedComponents.Result result) {
    Map<String, String> out = new TreeMap<>();
    for (Row r : result.labels().collectAsList()) {
      assertTrue(out.put(r.getString(0), r.getString(1)) == null, "one label per node");
    }
    return out;
  }

  @Test
  void chainCollapsesToItsSmallestNode() {
    List<String> nodes = new ArrayList<>();
    List<String[]> edges = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      nodes.add(n(i));
      if (i > 0) {
        // Ids shuffled along the chain so that the minimum sits in the middle.
        edges.add(new String[] {n((i * 17) % 40), n(((i - 1) * 17) % 40)});
      }
    }
    Map<String, String> labels = labels(nodes, edges);
    assertEquals(40, labels.size());
    assertTrue(labels.values().stream().allMatch(n(0)::equals), "one component labelled n000");
  }

  @Test
  void starAndTwoComponentsAndIsolatedNode() {
    List<String> nodes = List.of("a", "b", "c", "d", "e", "x", "y", "z", "solo");
    List<String[]> edges =
        List.of(
            new String[] {"e", "a"},
            new String[] {"e", "b"},
            new String[] {"e", "c"},
            new String[] {"e", "d"},
            new String[] {"z", "y"},
            new String[] {"y", "x"},
            new String[] {"x", "z"},
            new String[] {"a", "a"});
    Map<String, String> labels = labels(nodes, edges);
    for (String s : List.of("a", "b", "c", "d", "e")) {
      assertEquals("a", labels.get(s), s);
    }
    for (String s : List.of("x", "y", "z")) {
      assertEquals("x", labels.get(s), s);
    }
    assertEquals("solo", labels.get("solo"));
  }

  @Test
  void randomGraphsAgreeWithUnionFindWhateverTheEdgeOrder() {
    Random random = new Random(42);
    List<String> nodes = new ArrayList<>();
    for (int i = 0; i < 200; i++) {
      nodes.add(n(i));
    }
    List<String[]> edges = new ArrayList<>();
    for (int k = 0; k < 150; k++) {
      edges.add(new String[] {n(random.nextInt(200)), n(random.nextInt(200))});
    }
    Map<String, String> expected = unionFind(nodes, edges);
    Map<String, String> first = labels(nodes, edges);
    assertEquals(expected, first);

    List<String[]> reversedShuffled = new ArrayList<>();
    for (String[] e : edges) {
      reversedShuffled.add(new String[] {e[1], e[0]});
    }
    Collections.shuffle(reversedShuffled, new Random(7));
    assertEquals(first, labels(nodes, reversedShuffled), "same labels for any edge order");
  }

  @Test
  void edgesThroughAnIdOutsideTheNodeListStillJoinItsNeighbours() {
    // "hub" is no node: the driver's count of labelled nodes differs from its graph's, so the
    // star rounds label the graph, as they do when two node ids share a hash.
    Dataset<Row> nodeFrame =
        TestSpark.session()
            .createDataFrame(
                List.of("b", "c", "d").stream().map(x -> (Row) RowFactory.create(x)).toList(),
                NODES);
    Dataset<Row> edgeFrame =
        TestSpark.session()
            .createDataFrame(
                List.of((Row) RowFactory.create("hub", "c"), RowFactory.create("d", "hub")), EDGES);
    ConnectedComponents.Result result =
        ConnectedComponents.run(nodeFrame, edgeFrame, 60, 1_000_000);
    assertTrue(result.rounds() > 0, "fell back to the star rounds");
    assertEquals(Map.of("b", "b", "c", "c", "d", "c"), collect(result));
  }

  /** Reference: each node labelled with the smallest id of its component. */
  private static Map<String, String> unionFind(List<String> nodes, List<String[]> edges) {
    Map<String, String> parent = new HashMap<>();
    nodes.forEach(x -> parent.put(x, x));
    for (String[] e : edges) {
      String a = find(parent, e[0]);
      String b = find(parent, e[1]);
      if (!a.equals(b)) {
        parent.put(a.compareTo(b) < 0 ? b : a, a.compareTo(b) < 0 ? a : b);
      }
    }
    Map<String, String> out = new TreeMap<>();
    nodes.forEach(x -> out.put(x, find(parent, x)));
    return out;
  }

  private static String find(Map<String, String> parent, String x) {
    while (!parent.get(x).equals(x)) {
      x = parent.get(x);
    }
    return x;
  }
}
