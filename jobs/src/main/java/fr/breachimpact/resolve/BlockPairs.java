package fr.breachimpact.resolve;

import java.util.Arrays;
import java.util.Iterator;
import java.util.NoSuchElementException;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;

/**
 * The pairs of the blocks in one partition of (block_key, node_key, rule) rows sorted by block_key:
 * for each run of rows with one key (a block) of 2 to its rule's bound of nodes, every pair of its
 * nodes as (key_a, key_b, rule) with key_a < key_b (a key's hash covers its rule, so a block is one
 * rule's). A block larger than the bound yields nothing; at most {@code maxBlockSize + 1} of its
 * node keys are held at a time.
 */
final class BlockPairs implements Iterator<Row> {
  private final Iterator<Row> rows;
  private final int[] maxBlockSizes;

  /** The node keys of the current block: {@code size} of them. */
  private long[] block = new long[16];

  private int size;
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
      if (size > 0) {
        // A node twice in one block (a hash collision between rules) is not paired with itself.
        for (; i < size - 1; i++, j = i + 1) {
          for (; j < size; j++) {
            if (block[i] != block[j]) {
              return true;
            }
          }
        }
        size = 0;
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
    long a = block[i];
    long b = block[j++];
    return a < b ? RowFactory.create(a, b, rule) : RowFactory.create(b, a, rule);
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
      size = 0;
      add(first.getLong(1));
      while (rows.hasNext()) {
        Row r = rows.next();
        if (r.getLong(0) != key) {
          next = r;
          break;
        }
        if (!oversized) {
          add(r.getLong(1));
          if (size > maxBlockSize) {
            oversized = true;
            size = 0;
          }
        }
      }
      if (!oversized && size >= 2) {
        i = 0;
        j = 1;
        return true;
      }
    }
    size = 0;
    return false;
  }

  private void add(long nodeKey) {
    if (size == block.length) {
      block = Arrays.copyOf(block, size * 2);
    }
    block[size++] = nodeKey;
  }
}
