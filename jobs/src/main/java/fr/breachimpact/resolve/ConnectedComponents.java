package fr.breachimpact.resolve;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.greatest;
import static org.apache.spark.sql.functions.least;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;
import static org.apache.spark.sql.functions.xxhash64;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import scala.collection.JavaConverters;

/**
 * Connected components, labelled by the smallest node id of each. A graph whose edges fit in the
 * driver is joined there by a union-find over 64-bit hashes of the ids ({@link DriverUnionFind}):
 * one pass over the edges instead of O(log n) rounds of shuffles. A larger one runs on DataFrames
 * by alternating large-star and small-star (Kiveris et al., "Connected Components in MapReduce and
 * Beyond", 2014). Edges are kept as undirected pairs {@code (lo, hi)} with {@code lo < hi}; each
 * round rewires every node towards the smallest id it can see, until a round changes nothing: then
 * each component is a star around its smallest node id, which is the component label. The result
 * depends only on the ids, not on partitioning or row order. Each round's edges are locally
 * checkpointed to cut the lineage. Large-star/small-star was chosen over GraphX: it stays in
 * DataFrames (no RDD of Long vertex ids to map back to string ids) and needs O(log n) rounds.
 */
public final class ConnectedComponents {
  private static final Logger LOG = LoggerFactory.getLogger(ConnectedComponents.class);

  /**
   * node_id, component (the smallest node id of the component), and the rounds it took (0 when the
   * union-find in the driver labelled the graph).
   */
  public record Result(Dataset<Row> labels, int rounds) {}

  private static final StructType ROOTS =
      new StructType().add("h", DataTypes.LongType).add("root", DataTypes.LongType);

  /** Entries of the driver's result per task that brings it back: 16 MB each. */
  private static final int CHUNK = 1 << 20;

  private ConnectedComponents() {}

  /**
   * The union-find in the driver when the graph has at most {@code maxDriverEdges} edges, else the
   * star rounds; both give the same labels.
   *
   * @param nodes column node_id; every node gets a label, isolated ones their own id
   * @param edges columns src, dst (string node ids), in any direction, duplicates allowed
   */
  public static Result run(
      Dataset<Row> nodes, Dataset<Row> edges, int maxRounds, long maxDriverEdges) {
    Dataset<Row> valid =
        edges
            .where(col("src").isNotNull().and(col("dst").isNotNull()))
            .where(col("src").notEqual(col("dst")));
    long edgeCount = valid.count();
    if (edgeCount <= maxDriverEdges) {
      Dataset<Row> labels = inDriver(nodes, valid, edgeCount);
      if (labels != null) {
        return new Result(labels, 0);
      }
    }
    return starRounds(nodes, valid, maxRounds);
  }

  /**
   * Each node id hashed to 64 bits; the edges' hashes are brought to the driver and joined there by
   * a union-find; each node's root hash comes back as a frame, and each component is labelled with
   * its smallest node id. Null when two node ids share a hash (about one chance in 40,000 at 30
   * million nodes: n²/2^65): the caller then runs the star rounds.
   */
  static Dataset<Row> inDriver(Dataset<Row> nodes, Dataset<Row> validEdges, long edgeCount) {
    SparkSession spark = nodes.sparkSession();
    Iterator<Row> rows =
        validEdges.select(xxhash64(col("src")), xxhash64(col("dst"))).toLocalIterator();
    Iterator<long[]> pairs =
        new Iterator<>() {
          @Override
          public boolean hasNext() {
            return rows.hasNext();
          }

          @Override
          public long[] next() {
            Row r = rows.next();
            return new long[] {r.getLong(0), r.getLong(1)};
          }
        };
    DriverUnionFind graph = DriverUnionFind.of(pairs, edgeCount);
    List<long[]> chunks = new ArrayList<>();
    for (int start = 0; start < graph.size(); start += CHUNK) {
      int end = Math.min(graph.size(), start + CHUNK);
      long[] chunk = new long[(end - start) * 2];
      for (int i = start; i < end; i++) {
        chunk[(i - start) * 2] = graph.key(i);
        chunk[(i - start) * 2 + 1] = graph.root(i);
      }
      chunks.add(chunk);
    }
    int graphNodes = graph.size();
    JavaRDD<Row> rootRows =
        JavaSparkContext.fromSparkContext(spark.sparkContext())
            .parallelize(chunks, Math.max(1, chunks.size()))
            .flatMap(ConnectedComponents::rootRows);
    Dataset<Row> roots = spark.createDataFrame(rootRows, ROOTS);
    // Partitioned on the hash once: the distinct and the join on it need no other shuffle.
    Dataset<Row> hashed =
        nodes
            .select(col("node_id"), xxhash64(col("node_id")).as("h"))
            .repartition(col("h"))
            .distinct()
            .join(roots, JavaConverters.asScalaBuffer(List.of("h")).toSeq(), "left")
            .localCheckpoint(true);
    long matched = hashed.where(col("root").isNotNull()).count();
    if (matched != graphNodes) {
      LOG.warn(
          "node id hashes collide ({} ids for {} hashes): star rounds instead",
          matched,
          graphNodes);
      return null;
    }
    LOG.info(
        "connected components: union-find in the driver, {} edges, {} nodes",
        edgeCount,
        graphNodes);
    // A node without a root is alone: its own label (grouped on its own hash, not all in one
    // window partition).
    Column group = coalesce(col("root"), col("h"));
    return hashed.select(
        col("node_id"),
        when(col("root").isNull(), col("node_id"))
            .otherwise(min("node_id").over(Window.partitionBy(group)))
            .as("component"));
  }

  private static Iterator<Row> rootRows(long[] chunk) {
    List<Row> out = new ArrayList<>(chunk.length / 2);
    for (int i = 0; i < chunk.length; i += 2) {
      out.add(RowFactory.create(chunk[i], chunk[i + 1]));
    }
    return out.iterator();
  }

  /** Large-star and small-star rounds until a round changes nothing (see the class comment). */
  static Result starRounds(Dataset<Row> nodes, Dataset<Row> validEdges, int maxRounds) {
    Dataset<Row> current =
        validEdges
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
        .agg(
            count(lit(1)),
            coalesce(
                sum(xxhash64(col("lo"), col("hi")).cast("decimal(38,0)")),
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
