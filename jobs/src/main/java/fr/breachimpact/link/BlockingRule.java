package fr.breachimpact.link;

import java.util.Set;
import org.apache.spark.sql.Column;

/**
 * One blocking rule: leaked record and customer become a candidate pair when their keys are equal.
 * A null key blocks nothing.
 *
 * @param name written in logs and in {@code evaluate}'s per-rule lines
 * @param leftKey over the {@code l_} columns; an array of keys when {@code leftIsArray}
 * @param rightKey over the {@code r_} columns; an array of keys when {@code rightIsArray}
 * @param columns the comparable columns the keys read (EM leaves the comparisons of those out of
 *     this rule's pairs)
 * @param maxBlockSize this rule's bound on a block, or null for the stage's
 * @param kinds deduplication: the kinds of party the rule pairs; empty for every kind
 */
public record BlockingRule(
    String name,
    Column leftKey,
    Column rightKey,
    boolean leftIsArray,
    boolean rightIsArray,
    Set<String> columns,
    Integer maxBlockSize,
    Set<String> kinds) {
  public BlockingRule {
    columns = Set.copyOf(columns);
    kinds = Set.copyOf(kinds);
  }

  /** This rule's bound, or the stage's when it sets none. */
  public int maxBlockSize(int stageBound) {
    return maxBlockSize == null ? stageBound : maxBlockSize;
  }
}
