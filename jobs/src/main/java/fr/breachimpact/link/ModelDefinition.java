package fr.breachimpact.link;

import fr.breachimpact.config.ConfigException;
import fr.breachimpact.config.ModelSettings;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A model's settings made executable: the comparisons as Spark expressions and the blocking rules
 * as keys, checked once (an unknown kind, column or key function, a name given twice: one line
 * naming the file and the key). Link and resolve build theirs from the same settings format.
 */
public record ModelDefinition(
    List<Comparison> comparisons, List<BlockingRule> rules, DeterministicPrior prior) {
  /** Rules are a bit set of one long in the pairs, with room to spare. */
  static final int MAX_RULES = 62;

  /**
   * @param prior how the prior is estimated, or null for EM's expected matches
   */
  public ModelDefinition {
    comparisons = List.copyOf(comparisons);
    rules = List.copyOf(rules);
  }

  /** For leaked records against customers ({@code at}: {@code link.model}). */
  public static ModelDefinition forLink(ModelSettings settings, String file, String at) {
    return build(settings, file, at, true);
  }

  /** For deduplication of parties of one kind ({@code at}: {@code resolve.model}). */
  public static ModelDefinition forDedupe(ModelSettings settings, String file, String at) {
    return build(settings, file, at, false);
  }

  private static ModelDefinition build(
      ModelSettings settings, String file, String at, boolean link) {
    if (settings.comparisons().isEmpty()) {
      throw ConfigException.at(file, at + ".comparisons", "at least one comparison");
    }
    if (settings.blockingRules().isEmpty() || settings.blockingRules().size() > MAX_RULES) {
      throw ConfigException.at(
          file, at + ".blocking_rules", "between 1 and " + MAX_RULES + " rules");
    }
    List<Comparison> comparisons = new ArrayList<>();
    Set<String> names = new HashSet<>();
    for (int i = 0; i < settings.comparisons().size(); i++) {
      String cAt = at + ".comparisons[" + i + "]";
      Comparison c = ComparisonLibrary.build(settings.comparisons().get(i), file, cAt);
      if (!names.add(c.field())) {
        throw ConfigException.at(file, cAt + ".name", "comparison '" + c.field() + "' given twice");
      }
      comparisons.add(c);
    }
    List<BlockingRule> rules = new ArrayList<>();
    Set<String> ruleNames = new HashSet<>();
    for (int i = 0; i < settings.blockingRules().size(); i++) {
      String rAt = at + ".blocking_rules[" + i + "]";
      var s = settings.blockingRules().get(i);
      BlockingRule rule =
          link ? BlockingKeys.forLink(s, file, rAt) : BlockingKeys.forDedupe(s, file, rAt);
      if (!ruleNames.add(rule.name())) {
        throw ConfigException.at(file, rAt + ".name", "rule '" + rule.name() + "' given twice");
      }
      rules.add(rule);
    }
    DeterministicPrior prior =
        settings.prior() == null
            ? null
            : DeterministicPrior.of(settings.prior(), comparisons, file, at + ".prior");
    return new ModelDefinition(comparisons, rules, prior);
  }

  /** The comparable columns whose value frequencies the term-frequency adjustment needs. */
  public List<String> termFrequencyColumns() {
    return comparisons.stream()
        .map(Comparison::termFrequency)
        .filter(Objects::nonNull)
        .map(tf -> tf.substring(0, tf.length() - "_tf".length()))
        .distinct()
        .toList();
  }

  /**
   * active[rule][field]: a field whose columns a rule keys on is not learnt from that rule's pairs.
   */
  public boolean[][] activeFields() {
    boolean[][] active = new boolean[rules.size()][comparisons.size()];
    for (int r = 0; r < rules.size(); r++) {
      for (int f = 0; f < comparisons.size(); f++) {
        active[r][f] = comparisons.get(f).independentOf(rules.get(r).columns());
      }
    }
    return active;
  }

  public List<String> ruleNames() {
    return rules.stream().map(BlockingRule::name).toList();
  }
}
