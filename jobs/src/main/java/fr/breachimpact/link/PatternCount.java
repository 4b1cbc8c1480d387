package fr.breachimpact.link;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How many pairs share one comparison vector: {@code levels[f]} is the level index of field f
 * ({@code -1} for null), {@code rule} the first blocking rule that found them (or -1 for random
 * pairs) and {@code rules} the bit set of every rule that found them. EM runs on these counts on
 * the driver: a few thousand patterns stand for millions of pairs.
 */
public record PatternCount(int rule, long rules, int[] levels, long count) {
  public PatternCount {
    levels = levels.clone();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof PatternCount p
        && p.rule == rule
        && p.rules == rules
        && p.count == count
        && Arrays.equals(p.levels, levels);
  }

  @Override
  public int hashCode() {
    return 31 * (31 * (31 * rule + Long.hashCode(rules)) + Arrays.hashCode(levels))
        + Long.hashCode(count);
  }

  /** Whether rule {@code index} found these pairs. */
  public boolean foundBy(int index) {
    return ((rules >>> index) & 1L) == 1L;
  }

  /** Pairs each rule found first, by rule name in the rules' order. */
  public static Map<String, Long> perRule(List<PatternCount> patterns, List<String> ruleNames) {
    Map<String, Long> out = new LinkedHashMap<>();
    for (int i = 0; i < ruleNames.size(); i++) {
      int rule = i;
      out.put(
          ruleNames.get(i),
          patterns.stream().filter(p -> p.rule() == rule).mapToLong(PatternCount::count).sum());
    }
    return out;
  }

  /** Orders patterns so that sums over them do not depend on the order Spark returned them in. */
  static int compare(PatternCount a, PatternCount b) {
    int c = Integer.compare(a.rule, b.rule);
    c = c != 0 ? c : Long.compare(a.rules, b.rules);
    return c != 0 ? c : Arrays.compare(a.levels, b.levels);
  }
}
