package fr.breachimpact.resolve;

import java.util.Arrays;
import java.util.Iterator;

/**
 * Union-find over 64-bit node keys, held in the driver as primitive arrays, no object per node: 16
 * bytes per edge (twice while the endpoints are sorted), then 12 bytes per node (its key and its
 * parent slot). Fed with the edges once, it gives each node's root as the smallest key of its
 * component, so that the result depends only on the keys, not on the edge order.
 */
final class DriverUnionFind {
  /** Distinct node keys in ascending order; the index of a key is its slot. */
  private final long[] nodes;

  private final int[] parent;

  private DriverUnionFind(long[] nodes) {
    this.nodes = nodes;
    this.parent = new int[nodes.length];
    for (int i = 0; i < parent.length; i++) {
      parent[i] = i;
    }
  }

  /**
   * @param edges pairs of node keys, as many as {@code edgeCount} (the arrays are sized from it)
   */
  static DriverUnionFind of(Iterator<long[]> edges, long edgeCount) {
    if (edgeCount > Integer.MAX_VALUE / 2) {
      throw new IllegalArgumentException("too many edges for one array: " + edgeCount);
    }
    long[] ends = new long[(int) edgeCount * 2];
    int n = 0;
    while (edges.hasNext()) {
      long[] edge = edges.next();
      if (n + 2 > ends.length) {
        ends = Arrays.copyOf(ends, Math.max(16, ends.length * 2));
      }
      ends[n++] = edge[0];
      ends[n++] = edge[1];
    }
    long[] sorted = Arrays.copyOf(ends, n);
    Arrays.parallelSort(sorted);
    int distinct = 0;
    for (int i = 0; i < n; i++) {
      if (distinct == 0 || sorted[i] != sorted[distinct - 1]) {
        sorted[distinct++] = sorted[i];
      }
    }
    DriverUnionFind graph = new DriverUnionFind(Arrays.copyOf(sorted, distinct));
    for (int i = 0; i < n; i += 2) {
      graph.union(graph.slot(ends[i]), graph.slot(ends[i + 1]));
    }
    return graph;
  }

  private int slot(long key) {
    return Arrays.binarySearch(nodes, key);
  }

  // Path halving; the smaller slot (the smaller key) becomes the root.
  private int find(int x) {
    while (parent[x] != x) {
      parent[x] = parent[parent[x]];
      x = parent[x];
    }
    return x;
  }

  private void union(int a, int b) {
    int ra = find(a);
    int rb = find(b);
    if (ra < rb) {
      parent[rb] = ra;
    } else if (rb < ra) {
      parent[ra] = rb;
    }
  }

  /** Number of distinct nodes seen in the edges. */
  int size() {
    return nodes.length;
  }

  /** The key of the node in slot {@code i} (slots follow ascending keys). */
  long key(int i) {
    return nodes[i];
  }

  /** The smallest key of the component of the node in slot {@code i}. */
  long root(int i) {
    return nodes[find(i)];
  }
}
