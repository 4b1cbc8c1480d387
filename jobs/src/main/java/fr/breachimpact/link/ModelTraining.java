package fr.breachimpact.link;

import java.util.List;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Training without labels, as Splink does it, for link and resolve alike: u from the level shares
 * of random pairs, m by EM over the blocked pairs with one session per blocking rule (each session
 * leaves out the comparisons its own rule fixes), the prior from the pairs deterministic rules
 * accept over the size of the comparison space ({@link DeterministicPrior}; EM's expected matches
 * when the settings give no rules).
 */
public final class ModelTraining {
  private static final Logger LOG = LoggerFactory.getLogger(ModelTraining.class);

  /** The fitted model and how EM went. */
  public record Trained(
      FellegiSunterModel model,
      ExpectationMaximisation.Result em,
      long randomPairs,
      List<TermFrequencySummary> termFrequencies) {
    /** A model given, not trained (a model file): no EM result. */
    public static Trained fixed(FellegiSunterModel model) {
      return new Trained(model, null, 0, List.of());
    }

    /** The same training, with the term frequencies of the data it was trained on. */
    public Trained withTermFrequencies(List<TermFrequencySummary> summaries) {
      return new Trained(model, em, randomPairs, List.copyOf(summaries));
    }

    public boolean wasTrained() {
      return em != null;
    }

    public boolean converged() {
      return em == null || em.converged();
    }
  }

  private ModelTraining() {}

  /**
   * @param blocked pattern counts of the candidate pairs
   * @param random pattern counts of the random pairs
   * @param space the number of possible pairs (records x customers, or n(n-1)/2)
   */
  public static Trained train(
      String what,
      ModelDefinition definition,
      List<PatternCount> blocked,
      List<PatternCount> random,
      double space,
      int maxIterations,
      double tolerance) {
    List<Comparison> comparisons = definition.comparisons();
    double[][] u = ExpectationMaximisation.levelShares(random, comparisons);
    ExpectationMaximisation.Result em =
        ExpectationMaximisation.run(
            blocked,
            u,
            ExpectationMaximisation.initialM(comparisons),
            definition.activeFields(),
            maxIterations,
            tolerance);
    double s = Math.max(1.0, space);
    DeterministicPrior rules = definition.prior();
    double estimated = rules == null ? em.expectedMatches() / s : rules.prior(blocked, s);
    double prior = Math.min(1 - FellegiSunterModel.FLOOR, Math.max(1.0 / s, estimated));
    FellegiSunterModel model =
        new FellegiSunterModel(comparisons, em.m(), u, prior, em.iterations());
    long randomPairs = random.stream().mapToLong(PatternCount::count).sum();
    // Both estimates of the number of true pairs, whichever the prior uses: far apart, one of them
    // is wrong.
    LOG.info(
        String.format(
            Locale.ROOT,
            "%s model random_pairs=%d em_iterations=%d em_converged=%s expected_matches=%.0f"
                + " deterministic_pairs=%s prior_from=%s prior=%.3e",
            what,
            randomPairs,
            em.iterations(),
            em.converged(),
            em.expectedMatches(),
            rules == null ? "-" : Long.toString(rules.acceptedPairs(blocked)),
            rules == null ? "em" : "deterministic_rules",
            prior));
    model.describe().forEach(line -> LOG.info("{} model {}", what, line));
    return new Trained(model, em, randomPairs, List.of());
  }
}
