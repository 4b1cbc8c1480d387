package fr.breachimpact.generate;

import java.util.Arrays;

/**
 * A set of 64-bit hashes in one open-addressing array: the generator's uniqueness pass over tens of
 * millions of emails and NIRs without a String per entry.
 */
final class LongHashSet {
  private static final long EMPTY = 0L;
  private long[] slots;
  private int size;
  private boolean hasZero;

  LongHashSet(int expected) {
    int capacity = Integer.highestOneBit(Math.max(16, expected * 2 - 1)) << 1;
    slots = new long[capacity];
  }

  /** A 64-bit FNV-1a hash of the characters, finalised with SplitMix64. */
  static long hash(String s) {
    long h = 0xcbf29ce484222325L;
    for (int i = 0; i < s.length(); i++) {
      h ^= s.charAt(i);
      h *= 0x100000001b3L;
    }
    return Seeds.mix(h);
  }

  boolean contains(long value) {
    if (value == EMPTY) {
      return hasZero;
    }
    int mask = slots.length - 1;
    for (int i = (int) value & mask; ; i = (i + 1) & mask) {
      if (slots[i] == EMPTY) {
        return false;
      }
      if (slots[i] == value) {
        return true;
      }
    }
  }

  /** Adds the value; false when it was there already. */
  boolean add(long value) {
    if (value == EMPTY) {
      boolean added = !hasZero;
      hasZero = true;
      return added;
    }
    if (2 * (size + 1) > slots.length) {
      grow();
    }
    int mask = slots.length - 1;
    for (int i = (int) value & mask; ; i = (i + 1) & mask) {
      if (slots[i] == EMPTY) {
        slots[i] = value;
        size++;
        return true;
      }
      if (slots[i] == value) {
        return false;
      }
    }
  }

  private void grow() {
    long[] old = slots;
    slots = new long[old.length * 2];
    size = 0;
    Arrays.stream(old).filter(v -> v != EMPTY).forEach(this::add);
  }
}
