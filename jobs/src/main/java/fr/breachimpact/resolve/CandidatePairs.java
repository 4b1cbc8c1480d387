package fr.breachimpact.resolve;

import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.element_at;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.expr;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;
import static org.apache.spark.sql.functions.xxhash64;

import fr.breachimpact.link.BlockingRule;
import fr.breachimpact.link.ComparableColumns;
import fr.breachimpact.spark.KeyBloomFilter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoder;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * Blocking for deduplication: pairs of parties of one kind (record and record, customer and
 * customer) that agree on every key of at least one rule of {@code resolve.model}, so that only
 * those are scored; a rule may name the kinds it pairs. Record-to-customer pairs are left out (the
 * link stage decides those). A key value held by more than {@code maxBlockSize} parties of one kind
 * (or the rule's own bound) yields nothing: pairs stay near-linear, and what such a block would
 * have found is found by a more selective rule.
 */
public final class CandidatePairs {
  /** What {@link BlockPairs} emits. */
  private static final Encoder<Row> PAIR_ENCODER =
      Encoders.row(
          new StructType()
              .add("node_a", DataTypes.StringType, false)
              .add("node_b", DataTypes.StringType, false)
              .add("rule", DataTypes.IntegerType, false));

  private CandidatePairs() {}

  /**
   * Distinct candidate pairs (node_a, node_b, rule, rules) with node_a < node_b, {@code rule} the
   * first rule that found the pair and {@code rules} the bit set of all of them (EM trains each
   * rule's pairs apart), computed at once (a local checkpoint). Every rule's key goes into one
   * frame (a hash of the rule, the party's kind and the key), shuffled once on the key and sorted
   * within its partitions: each block is then a run of rows, and {@link BlockPairs} pairs its
   * nodes, or skips it past {@code maxBlockSize}, in one pass that holds one block at a time.
   */
  public static Dataset<Row> pairs(
      Dataset<Row> parties, List<BlockingRule> rules, int maxBlockSize) {
    return distinctPairs(
            blockPairs(keyRows(parties, rules, List.of()), bounds(rules, maxBlockSize)))
        .localCheckpoint(true);
  }

  /**
   * The candidate pairs {@link #pairs} finds over all parties that an earlier run over the earlier
   * parties did not find, or found otherwise: those that hold an added party or a redone earlier
   * one ({@link AddedPairs#redone()}). Every other pair, of two earlier parties that are not
   * redone, comes from blocks that held it before and still do, within their bounds, so the earlier
   * run found it with the same rules.
   *
   * <p>An earlier party is redone when tonight's parties differ from the earlier run's in a way
   * that touches it: it is in a block of two or more earlier parties that the added ones push past
   * its bound (the block's pairs go), or {@code changed} names it (a hub value it holds changed).
   * Only the blocks an added or redone party holds are shuffled and paired: the other key rows are
   * dropped on the spot (a Bloom filter of their keys, then an exact join).
   *
   * @param isAdded true on the added parties
   * @param changed node_id of earlier parties whose columns changed since the earlier run
   */
  public static AddedPairs pairsOfAdded(
      Dataset<Row> parties,
      List<BlockingRule> rules,
      int maxBlockSize,
      Column isAdded,
      Dataset<Row> changed) {
    int[] bounds = bounds(rules, maxBlockSize);
    // Every rule's key rows of every party: made twice at most (a scan of the cached parties
    // each), never shuffled whole. The fresh parties' own keys are made from those parties alone.
    Dataset<Row> flagged =
        marked(parties, changed, "_changed")
            .withColumn(ADDED, isAdded)
            .withColumn(FRESH, col(ADDED).or(col("_changed")))
            .drop("_changed");
    Dataset<Row> keyed = keyRows(flagged, rules, List.of(col(ADDED), col(FRESH)));
    Dataset<Row> freshKeys = keysOf(flagged.where(col(FRESH)), rules);
    Dataset<Row> touched = rowsOfBlocks(keyed, freshKeys);

    Column bound =
        element_at(
            array(Arrays.stream(bounds).mapToObj(b -> lit(b)).toArray(Column[]::new)),
            col("rule").plus(1));
    // Rows, not distinct nodes, as BlockPairs counts them; the earlier block is its rows but the
    // added ones.
    Dataset<Row> shifted =
        touched
            .groupBy("block_key", "rule")
            .agg(count(lit(1)).as("rows"), sum(when(col(ADDED), 0).otherwise(1)).as("earlier"))
            .where(col("rows").gt(bound).and(col("earlier").geq(2)).and(col("earlier").leq(bound)))
            .select("block_key");
    Dataset<Row> shiftedMembers =
        touched.join(shifted, "block_key").where(col(ADDED).unary_$bang()).select("node_id");
    long shiftedBlocks = shifted.count();
    Dataset<Row> redone =
        shiftedMembers.union(changed.select("node_id")).distinct().localCheckpoint(true);
    long redoneCount = redone.count();

    // Members of a shifted block not yet fresh: their other blocks are paired too.
    Dataset<Row> extra =
        shiftedMembers
            .join(touched.where(col(FRESH)).select("node_id"), seq("node_id"), "left_anti")
            .distinct()
            .localCheckpoint(true);
    if (extra.count() > 0) {
      Dataset<Row> extraKeys =
          keysOf(parties.join(broadcast(extra), "node_id"), rules)
              .join(freshKeys, seq("block_key"), "left_anti")
              .localCheckpoint(true);
      touched =
          marked(touched.unionByName(rowsOfBlocks(keyed, extraKeys)), extra, "_extra")
              .withColumn(FRESH, col(FRESH).or(col("_extra")))
              .drop("_extra")
              .localCheckpoint(true);
    }
    Dataset<Row> inBlocks =
        blockPairs(touched.select("block_key", "node_id", "rule"), bounds).localCheckpoint(true);
    Dataset<Row> fresh = touched.where(col(FRESH)).select("node_id").distinct();
    Dataset<Row> withFresh =
        inBlocks
            .join(fresh.withColumnRenamed("node_id", "node_a"), "node_a")
            .unionByName(inBlocks.join(fresh.withColumnRenamed("node_id", "node_b"), "node_b"));
    return new AddedPairs(
        distinctPairs(withFresh).localCheckpoint(true), redone, redoneCount, shiftedBlocks);
  }

  /** The frame with a boolean column {@code name}: whether its node_id is one of {@code nodes}. */
  private static Dataset<Row> marked(Dataset<Row> frame, Dataset<Row> nodes, String name) {
    return frame
        .join(
            broadcast(nodes.select("node_id").withColumn(name, lit(true))), seq("node_id"), "left")
        .withColumn(name, coalesce(col(name), lit(false)));
  }

  private static scala.collection.Seq<String> seq(String column) {
    return scala.collection.JavaConverters.asScalaBuffer(List.of(column)).toSeq();
  }

  /**
   * @param pairs (node_a, node_b, rule, rules) as {@link #pairs} gives them, of the added and
   *     redone parties
   * @param redone node_id of the earlier parties whose pairs were made again: the earlier run's
   *     pairs that hold one no longer stand
   * @param shiftedBlocks blocks of earlier parties that the added ones pushed past their bound
   */
  public record AddedPairs(
      Dataset<Row> pairs, Dataset<Row> redone, long redoneCount, long shiftedBlocks) {}

  /** The distinct block keys of these parties, computed. */
  private static Dataset<Row> keysOf(Dataset<Row> parties, List<BlockingRule> rules) {
    return keyRows(parties, rules, List.of()).select("block_key").distinct().localCheckpoint(true);
  }

  /**
   * The key rows of the blocks {@code keys} names, computed: a Bloom filter of the keys drops most
   * of the others where they are made, then an exact join.
   */
  private static Dataset<Row> rowsOfBlocks(Dataset<Row> keyed, Dataset<Row> keys) {
    long count = keys.count();
    // No filter of no keys: the frame is empty.
    Dataset<Row> narrowed =
        count == 0
            ? keyed.where(lit(false))
            : KeyBloomFilter.narrow(keyed, col("block_key"), keys, col("block_key"), count);
    return narrowed.join(keys, "block_key").localCheckpoint(true);
  }

  /** Marks the added parties. */
  private static final String ADDED = "_added";

  /** Marks the parties whose pairs are made: added, or earlier and redone. */
  private static final String FRESH = "_fresh";

  private static int[] bounds(List<BlockingRule> rules, int maxBlockSize) {
    int[] bounds = new int[rules.size()];
    for (int i = 0; i < bounds.length; i++) {
      bounds[i] = rules.get(i).maxBlockSize(maxBlockSize);
    }
    return bounds;
  }

  /** Every rule's key rows in one frame. */
  private static Dataset<Row> keyRows(
      Dataset<Row> parties, List<BlockingRule> rules, List<Column> carried) {
    Dataset<Row> keyed = null;
    for (int i = 0; i < rules.size(); i++) {
      Dataset<Row> keys = blockKeys(parties, rules.get(i), i, carried);
      keyed = keyed == null ? keys : keyed.union(keys);
    }
    return keyed;
  }

  /** (node_a, node_b, rule) of every block within its bound, one row per rule's block. */
  private static Dataset<Row> blockPairs(Dataset<Row> keyed, int[] bounds) {
    return keyed
        .repartition(col("block_key"))
        .sortWithinPartitions("block_key")
        .mapPartitions(
            (MapPartitionsFunction<Row, Row>) rows -> new BlockPairs(rows, bounds), PAIR_ENCODER);
  }

  private static Dataset<Row> distinctPairs(Dataset<Row> blockPairs) {
    return blockPairs
        .groupBy("node_a", "node_b")
        .agg(min("rule").as("rule"), expr("bit_or(shiftleft(1L, rule))").as("rules"));
  }

  /**
   * block_key (a 64-bit hash of the rule, the kind and the key), node_id, rule of the parties the
   * rule applies to. A collision (about one in 10^10 for millions of keys) only adds a pair.
   */
  static Dataset<Row> blockKeys(Dataset<Row> parties, BlockingRule rule, int index) {
    return blockKeys(parties, rule, index, List.of());
  }

  /** As above, with {@code carried} columns of the party after the rule. */
  private static Dataset<Row> blockKeys(
      Dataset<Row> parties, BlockingRule rule, int index, List<Column> carried) {
    Column key = rule.leftIsArray() ? explode(rule.leftKey()) : rule.leftKey();
    Dataset<Row> kinds =
        rule.kinds().isEmpty() ? parties : parties.where(col("kind").isin(rule.kinds().toArray()));
    List<Column> first = new ArrayList<>(List.of(col("node_id"), col("kind"), key.as("_key")));
    first.addAll(carried);
    List<Column> out =
        new ArrayList<>(
            List.of(
                xxhash64(lit(index), col("kind"), col("_key")).as("block_key"),
                col("node_id"),
                lit(index).as("rule")));
    out.addAll(carried);
    return kinds
        .select(first.toArray(new Column[0]))
        .where(col("_key").isNotNull())
        .select(out.toArray(new Column[0]));
  }

  /**
   * The pairs with each party's comparable columns beside them, as {@code l_*} and {@code r_*}
   * (node_a on the left), ready for the comparisons. Each side is first narrowed to the parties
   * that side of a pair names (a Bloom filter of the pairs' node ids): a fraction of the parties
   * are in any pair, and the others would be shuffled for nothing.
   *
   * @param pairCount the number of pairs (sizes the filters)
   * @param termFrequency comparable columns whose {@code <column>_tf} the parties carry
   */
  public static Dataset<Row> withParties(
      Dataset<Row> pairs, Dataset<Row> parties, long pairCount, List<String> termFrequency) {
    Dataset<Row> left =
        side(pairedSide(parties, pairs, "node_a", pairCount), "node_a", "l_", termFrequency);
    Dataset<Row> right =
        side(pairedSide(parties, pairs, "node_b", pairCount), "node_b", "r_", termFrequency);
    return pairs.join(left, "node_a").join(right, "node_b");
  }

  /** One side of the pairs: its node id under {@code idName} and its columns prefixed. */
  static Dataset<Row> side(
      Dataset<Row> parties, String idName, String prefix, List<String> termFrequency) {
    List<Column> cols = new ArrayList<>();
    cols.add(col("node_id").as(idName));
    for (String c : ComparableColumns.NAMES) {
      cols.add(col(c).as(prefix + c));
    }
    for (String c : termFrequency) {
      cols.add(col(c + "_tf").as(prefix + c + "_tf"));
    }
    return parties.select(cols.toArray(new Column[0]));
  }

  /** The parties whose node id may be in the pairs' column {@code side}; exactly joined after. */
  private static Dataset<Row> pairedSide(
      Dataset<Row> parties, Dataset<Row> pairs, String side, long pairCount) {
    return KeyBloomFilter.narrow(
        parties, xxhash64(col("node_id")), pairs, xxhash64(col(side)), pairCount);
  }
}
