package fr.breachimpact.resolve;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class DriverUnionFindTest {
  private static Map<Long, Long> roots(List<long[]> edges, long declaredCount) {
    DriverUnionFind graph = DriverUnionFind.of(edges.iterator(), declaredCount);
    Map<Long, Long> out = new HashMap<>();
    for (int i = 0; i < graph.size(); i++) {
      out.put(graph.key(i), graph.root(i));
    }
    return out;
  }

  @Test
  void eachNodeGetsTheSmallestSignedKeyOfItsComponent() {
    List<long[]> edges =
        List.of(
            new long[] {5, -7},
            new long[] {-7, 12},
            new long[] {12, 5},
            new long[] {40, 41},
            new long[] {41, 41},
            new long[] {Long.MAX_VALUE, Long.MIN_VALUE});
    Map<Long, Long> roots = roots(edges, edges.size());
    assertEquals(7, roots.size(), "distinct keys of the edges");
    assertEquals(-7L, roots.get(5L));
    assertEquals(-7L, roots.get(12L));
    assertEquals(-7L, roots.get(-7L));
    assertEquals(40L, roots.get(41L));
    assertEquals(Long.MIN_VALUE, roots.get(Long.MAX_VALUE));
  }

  @Test
  void randomGraphsGiveTheSameRootsForAnyEdgeOrderAndAnyDeclaredCount() {
    Random random = new Random(11);
    List<long[]> edges = new ArrayList<>();
    for (int k = 0; k < 3000; k++) {
      edges.add(new long[] {random.nextInt(5000) - 2500, random.nextInt(5000) - 2500});
    }
    Map<Long, Long> expected = naive(edges);
    assertEquals(expected, roots(edges, edges.size()));
    List<long[]> shuffled = new ArrayList<>();
    edges.forEach(e -> shuffled.add(new long[] {e[1], e[0]}));
    Collections.shuffle(shuffled, new Random(3));
    // A count below the real one only makes the arrays grow.
    assertEquals(expected, roots(shuffled, 10));
  }

  /** Reference: components by repeated relabelling, each labelled with its smallest key. */
  private static Map<Long, Long> naive(List<long[]> edges) {
    Map<Long, Long> label = new HashMap<>();
    edges.forEach(
        e -> {
          label.put(e[0], e[0]);
          label.put(e[1], e[1]);
        });
    boolean changed = true;
    while (changed) {
      changed = false;
      for (long[] e : edges) {
        long m = Math.min(label.get(e[0]), label.get(e[1]));
        if (label.get(e[0]) != m || label.get(e[1]) != m) {
          label.put(e[0], m);
          label.put(e[1], m);
          changed = true;
        }
      }
    }
    return label;
  }
}
