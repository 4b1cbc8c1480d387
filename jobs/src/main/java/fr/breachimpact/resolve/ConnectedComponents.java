package fr.breachimpact.resolve;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.greatest;
import static org.apache.spark.sql.functions.least;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.xxhash64;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Connected components on DataFrames by alternating large-star and small-star (Kiveris et al.,
 * "Connected Components in MapReduce and Beyond", 2014). Edges are kept as undirected pairs
 * {@code (lo, hi)} with {@code lo < hi}; each round rewires every node towards the smallest id
 * it can see, until a round changes nothing: then each component is a star around its smallest
 * node id, which is the component label. The result depends only on the ids, not on
 * partitioning or row order. Each round's edges are locally checkpointed to cut the lineage.
 * Large-star/small-star was chosen over GraphX: it stays in DataFrames (no RDD of Long vertex
 * ids to map back to string ids) and needs O(log n) rounds.
 */
public final class ConnectedComponents {
  private static final Logger LOG = LoggerFactory.getLogger(ConnectedComponents.class);

  /** node_id, component (the smallest node id of the component), and the rounds it took. */
  public record Result(Dataset<Row> labels, int rounds) {}

  private ConnectedComponents() {}

  /**
   * @param nodes column node_id; every node gets a label, isolated ones their own id
   * @param edges columns src, dst (string node ids), in any direction, duplicates allowed
   */
  public static Result run(Dataset<Row> nodes, Dataset<Row> edges, int maxRounds) {
    Dataset<Row> current =
        edges
            .where(col("src").isNotNull().and(col("dst").isNotNull()))
            .where(col("src").notEqual(col("dst")))
            .select(
                least(col("src"), col("dst")).as("lo"), greatest(col("src"), col("dst")).as("hi"))
            .distinct()
            .localCheckpoint(true);
    Row fingerprint = fingerprint(current);
    int rounds = 0;
    while (true) {
      rounds++;
      if (rounds > maxRounds) {
        throw new IllegalStateException(
            "connected components did not converge in " + maxRounds + " rounds");
      }
      // Lazy checkpoint: the fingerprint's job computes the round and stores it at once.
      Dataset<Row> next = smallStar(largeStar(current)).localCheckpoint(false);
      Row nextFingerprint = fingerprint(next);
      current = next;
      if (nextFingerprint.equals(fingerprint)) {
        break;
      }
      fingerprint = nextFingerprint;
    }
    LOG.info("connected components converged in {} rounds", rounds);
    Dataset<Row> parent = current.groupBy(col("hi").as("node_id")).agg(min("lo").as("parent"));
    Dataset<Row> labels =
        nodes
            .select("node_id")
            .distinct()
            .join(parent, "node_id", "left")
            .select(col("node_id"), coalesce(col("parent"), col("node_id")).as("component"));
    return new Result(labels, rounds);
  }

  /**
   * Edge count and the sum of a 64-bit hash of each edge: one job per round instead of a set
   * difference. Rounds only ever rewire edges towards smaller ids, so a round that leaves both
   * unchanged has (short of a 64-bit hash collision) left the edge set unchanged.
   */
  private static Row fingerprint(Dataset<Row> edges) {
    return edges
        .agg(count(lit(1)), coalesce(sum(xxhash64(col("lo"), col("hi")).cast("decimal(38,0)")),
            lit(0).cast("decimal(38,0)")))
        .first();
  }

  /** Each node's larger neighbours are re-attached to the smallest id of its neighbourhood. */
  static Dataset<Row> largeStar(Dataset<Row> edges) {
    Dataset<Row> both =
        edges
            .select(col("lo").as("u"), col("hi").as("v"))
            .union(edges.select(col("hi").as("u"), col("lo").as("v")));
    Dataset<Row> smallest =
        both.groupBy("u").agg(min("v").as("m")).select(col("u"), least(col("u"), col("m")).as("m"));
    return both.where(col("v").gt(col("u")))
        .join(smallest, "u")
        .select(col("m").as("lo"), col("v").as("hi"))
        .distinct();
  }

  /** Each node and its smaller neighbours are attached to the smallest of them. */
  static Dataset<Row> smallStar(Dataset<Row> edges) {
    Dataset<Row> smallest = edges.groupBy("hi").agg(min("lo").as("m"));
    Dataset<Row> withM = edges.join(smallest, "hi");
    Dataset<Row> neighbours =
        withM.where(col("lo").notEqual(col("m"))).select(col("m").as("lo"), col("lo").as("hi"));
    Dataset<Row> self = smallest.select(col("m").as("lo"), col("hi"));
    return neighbours.union(self).distinct();
  }
}
