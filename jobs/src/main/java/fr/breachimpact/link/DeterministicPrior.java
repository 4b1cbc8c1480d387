package fr.breachimpact.link;

import fr.breachimpact.config.ConfigException;
import fr.breachimpact.config.ModelSettings.PriorSettings;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The prior estimated as Splink estimates it: the candidate pairs that a deterministic rule accepts
 * (one comparison or several at a given level, e.g. the same email, or the same first name, last
 * name and birth date), scaled up by the share of true pairs the rules are assumed to find, over
 * every possible pair. Counted on the pattern counts of the candidate pairs, so the rules must be
 * reachable by a blocking rule (a rule on exact levels of blocked columns is).
 *
 * @param rules per rule, {@code {field index, level index}} conditions, all of which must hold
 * @param recall the share of true pairs the rules are assumed to accept
 */
public record DeterministicPrior(List<int[][]> rules, double recall) {

  public DeterministicPrior {
    rules = List.copyOf(rules);
  }

  /** The settings checked against the comparisons: unknown names and levels are one line. */
  static DeterministicPrior of(
      PriorSettings settings, List<Comparison> comparisons, String file, String at) {
    if (settings.deterministicRules().isEmpty()) {
      throw ConfigException.at(file, at + ".deterministic_rules", "at least one rule");
    }
    double recall = settings.recall() == null ? 1.0 : settings.recall();
    if (!(recall > 0 && recall <= 1)) {
      throw ConfigException.at(file, at + ".recall", "a share in (0, 1]");
    }
    List<int[][]> rules = new ArrayList<>();
    for (int r = 0; r < settings.deterministicRules().size(); r++) {
      Map<String, String> rule = settings.deterministicRules().get(r);
      String rAt = at + ".deterministic_rules[" + r + "]";
      if (rule.isEmpty()) {
        throw ConfigException.at(file, rAt, "at least one comparison");
      }
      List<int[]> conditions = new ArrayList<>();
      for (Map.Entry<String, String> e : rule.entrySet()) {
        int field = fieldIndex(comparisons, e.getKey());
        if (field < 0) {
          throw ConfigException.at(file, rAt + "." + e.getKey(), "no comparison of that name");
        }
        int level = comparisons.get(field).levels().indexOf(e.getValue());
        if (level < 0 || Comparison.ELSE.equals(e.getValue())) {
          throw ConfigException.at(
              file,
              rAt + "." + e.getKey(),
              "'"
                  + e.getValue()
                  + "' is not a level of "
                  + e.getKey()
                  + " ("
                  + String.join(", ", comparisons.get(field).levels())
                  + ")");
        }
        conditions.add(new int[] {field, level});
      }
      rules.add(conditions.toArray(new int[0][]));
    }
    return new DeterministicPrior(rules, recall);
  }

  private static int fieldIndex(List<Comparison> comparisons, String name) {
    for (int f = 0; f < comparisons.size(); f++) {
      if (comparisons.get(f).field().equals(name)) {
        return f;
      }
    }
    return -1;
  }

  /** Candidate pairs at least one rule accepts. */
  public long acceptedPairs(List<PatternCount> patterns) {
    long n = 0;
    for (PatternCount p : patterns) {
      if (accepts(p.levels())) {
        n += p.count();
      }
    }
    return n;
  }

  boolean accepts(int[] levels) {
    for (int[][] rule : rules) {
      boolean all = true;
      for (int[] c : rule) {
        all &= levels[c[0]] == c[1];
      }
      if (all) {
        return true;
      }
    }
    return false;
  }

  /** The probability that two random rows are the same person, among {@code space} pairs. */
  public double prior(List<PatternCount> patterns, double space) {
    return acceptedPairs(patterns) / recall / Math.max(1.0, space);
  }
}
