package fr.breachimpact.link;

import java.util.Arrays;

/**
 * How many pairs share one comparison vector: {@code levels[f]} is the level index of field f
 * ({@code -1} for null), {@code rule} the blocking rule that found them (or -1 for random pairs).
 * EM runs on these counts on the driver: a few thousand patterns stand for millions of pairs.
 */
public record PatternCount(int rule, int[] levels, long count) {
  public PatternCount {
    levels = levels.clone();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof PatternCount p
        && p.rule == rule
        && p.count == count
        && Arrays.equals(p.levels, levels);
  }

  @Override
  public int hashCode() {
    return 31 * (31 * rule + Arrays.hashCode(levels)) + Long.hashCode(count);
  }

  /** Orders patterns so that sums over them do not depend on the order Spark returned them in. */
  static int compare(PatternCount a, PatternCount b) {
    int c = Integer.compare(a.rule, b.rule);
    return c != 0 ? c : Arrays.compare(a.levels, b.levels);
  }
}
