package fr.breachimpact.link;

import java.util.List;
import java.util.Set;
import org.apache.spark.sql.Column;

/**
 * One compared field of the Fellegi-Sunter model: its agreement levels from the strongest to {@code
 * else}, and the expression giving a pair's level ({@link #NULL} when either side lacks the value:
 * no evidence either way, Bayes factor 1).
 *
 * @param field short name used in the output columns {@code gamma_<field>} and {@code bf_<field>}
 * @param levels the non-null levels, strongest first, {@code else} last
 * @param level expression over the {@code l_} and {@code r_} columns of a pair
 * @param termFrequency customer-side column holding the frequency of the value, for the
 *     term-frequency adjustment of the {@code exact} level; null when the field has none
 * @param columns the comparable columns the levels read: a blocking rule keyed on one of them fixes
 *     the field, so its m is not learnt from that rule's pairs
 */
public record Comparison(
    String field, List<String> levels, Column level, String termFrequency, Set<String> columns) {
  public static final String NULL = "null";
  public static final String EXACT = "exact";
  public static final String ELSE = "else";

  public Comparison {
    levels = List.copyOf(levels);
    columns = Set.copyOf(columns);
  }

  public String gammaColumn() {
    return "gamma_" + field;
  }

  public String bayesFactorColumn() {
    return "bf_" + field;
  }

  /** Index of a level in {@link #levels()}, -1 for {@link #NULL}. */
  public int indexOf(String levelName) {
    return NULL.equals(levelName) ? -1 : levels.indexOf(levelName);
  }

  /** Whether a blocking rule reading these columns leaves this field free to be learnt. */
  public boolean independentOf(Set<String> ruleColumns) {
    return columns.stream().noneMatch(ruleColumns::contains);
  }
}
