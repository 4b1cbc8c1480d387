package fr.breachimpact.link;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The fitted model: for each comparison and level, m = P(level | same person) and u = P(level |
 * different persons); the prior is the probability that two records drawn at random (one leaked,
 * one customer) are the same person. A pair's match weight is log2 of the prior odds plus the log2
 * Bayes factors m/u of its levels.
 */
public record FellegiSunterModel(
    List<Comparison> comparisons, double[][] m, double[][] u, double prior, int emIterations) {

  /** A floor for probabilities so that no level has a Bayes factor of zero or infinity. */
  public static final double FLOOR = 1e-6;

  public double bayesFactor(int field, int level) {
    return level < 0 ? 1.0 : m[field][level] / u[field][level];
  }

  public double priorWeight() {
    return log2(prior / (1 - prior));
  }

  static double log2(double x) {
    return Math.log(x) / Math.log(2);
  }

  /** One line per level with m, u and the weight: fit for logs (no data values). */
  public List<String> describe() {
    List<String> lines = new ArrayList<>();
    lines.add(
        String.format(
            Locale.ROOT,
            "prior=%.3e prior_weight=%.2f em_iterations=%d",
            prior,
            priorWeight(),
            emIterations));
    for (int f = 0; f < comparisons.size(); f++) {
      Comparison c = comparisons.get(f);
      for (int l = 0; l < c.levels().size(); l++) {
        lines.add(
            String.format(
                Locale.ROOT,
                "%s %s m=%.4f u=%.6f weight=%.2f",
                c.field(),
                c.levels().get(l),
                m[f][l],
                u[f][l],
                log2(bayesFactor(f, l))));
      }
    }
    return lines;
  }
}
