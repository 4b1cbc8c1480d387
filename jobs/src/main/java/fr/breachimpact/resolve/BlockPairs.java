package fr.breachimpact.resolve;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;

/**
 * The pairs of the blocks in one partition of (block_key, node_id, rule) rows sorted by block_key:
 * for each run of rows with one key (a block) of 2 to its rule's bound of nodes, every pair of its
 * nodes as (node_a, node_b, rule) with node_a < node_b (a key's hash covers its rule, so a block is
 * one rule's). A block larger than the bound yields nothing; at most {@code maxBlockSize + 1} of
 * its node ids are held at a time.
 */
final class BlockPairs implements Iterator<Row> {
  private final Iterator<Row> rows;
  private final int[] maxBlockSizes;
  private final List<String> block = new ArrayList<>();
  private Row next;
  private int rule;
  private int i;
  private int j;

  /**
   * @param maxBlockSizes the bound of each rule, by rule index
   */
  BlockPairs(Iterator<Row> sortedByKey, int[] maxBlockSizes) {
    this.rows = sortedByKey;
    this.maxBlockSizes = maxBlockSizes.clone();
  }

  @Override
  public boolean hasNext() {
    while (true) {
      if (!block.isEmpty()) {
        // A node twice in one block (a hash collision between rules) is not paired with itself.
        for (; i < block.size() - 1; i++, j = i + 1) {
          for (; j < block.size(); j++) {
            if (!block.get(i).equals(block.get(j))) {
              return true;
            }
          }
        }
        block.clear();
      }
      if (!fillBlock()) {
        return false;
      }
    }
  }

  @Override
  public Row next() {
    if (!hasNext()) {
      throw new NoSuchElementException();
    }
    String a = block.get(i);
    String b = block.get(j++);
    return a.compareTo(b) < 0 ? RowFactory.create(a, b, rule) : RowFactory.create(b, a, rule);
  }

  /**
   * Reads the next block of 2 to maxBlockSize nodes into {@code block}; false, with the block
   * empty, at the end of the partition.
   */
  private boolean fillBlock() {
    while (next != null || rows.hasNext()) {
      Row first = next != null ? next : rows.next();
      next = null;
      long key = first.getLong(0);
      rule = first.getInt(2);
      int maxBlockSize = maxBlockSizes[rule];
      boolean oversized = false;
      block.clear();
      block.add(first.getString(1));
      while (rows.hasNext()) {
        Row r = rows.next();
        if (r.getLong(0) != key) {
          next = r;
          break;
        }
        if (!oversized) {
          block.add(r.getString(1));
          if (block.size() > maxBlockSize) {
            oversized = true;
            block.clear();
          }
        }
      }
      if (!oversized && block.size() >= 2) {
        i = 0;
        j = 1;
        return true;
      }
    }
    block.clear();
    return false;
  }
}
