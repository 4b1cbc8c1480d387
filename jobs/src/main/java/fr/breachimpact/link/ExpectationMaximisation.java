package fr.breachimpact.link;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Unsupervised estimation of the m probabilities on the blocked pairs, u held fixed (estimated on
 * random pairs). The blocked pairs of each rule (all of them, also those another rule found too)
 * form a session with its own match share lambda: a rule's non-matches agree on the rule's fields
 * far more often than random pairs do, so a field that a rule constrains is left out of that rule's
 * session (as Splink trains one session per blocking rule); the m of the other fields are shared by
 * all sessions.
 */
public final class ExpectationMaximisation {
  private static final Logger LOG = LoggerFactory.getLogger(ExpectationMaximisation.class);

  /**
   * @param m estimated m, [field][level]
   * @param lambda match share of each session (rule index), NaN for a rule with no pair
   * @param iterations iterations run
   * @param converged whether the last change was below the tolerance
   * @param expectedMatches expected true matches among the blocked pairs, each pair counted once
   *     (in the session of the first rule that found it)
   */
  public record Result(
      double[][] m, double[] lambda, int iterations, boolean converged, double expectedMatches) {}

  /**
   * Weight, in expected matches, of the starting m in every M-step (a Dirichlet prior: MAP rather
   * than maximum likelihood). Negligible on real volumes; on a handful of pairs, or for a field
   * seldom present, it keeps m from collapsing onto whatever few pairs happen to be there.
   */
  public static final double PSEUDO_MATCHES = 10;

  private ExpectationMaximisation() {}

  /** Starting m: the strongest level most likely among matches, {@code else} least. */
  public static double[][] initialM(List<Comparison> comparisons) {
    double[][] m = new double[comparisons.size()][];
    for (int f = 0; f < comparisons.size(); f++) {
      int n = comparisons.get(f).levels().size();
      m[f] = new double[n];
      double sum = 0;
      for (int l = 0; l < n; l++) {
        m[f][l] = l == 0 ? 0.8 : (l == n - 1 ? 0.05 : 0.15 / Math.max(1, n - 2));
        sum += m[f][l];
      }
      for (int l = 0; l < n; l++) {
        m[f][l] /= sum;
      }
    }
    return m;
  }

  /**
   * @param active active[rule][field]: whether the field's level is used in that rule's session
   */
  public static Result run(
      List<PatternCount> patternsIn,
      double[][] u,
      double[][] initialM,
      boolean[][] active,
      int maxIterations,
      double tolerance) {
    List<PatternCount> patterns = new ArrayList<>(patternsIn);
    patterns.sort(PatternCount::compare);
    int sessions = active.length;
    int fields = u.length;
    double[][] m = new double[fields][];
    for (int f = 0; f < fields; f++) {
      m[f] = initialM[f].clone();
    }
    double[] lambda = new double[sessions];
    double[] size = new double[sessions];
    for (PatternCount p : patterns) {
      for (int s = 0; s < sessions; s++) {
        if (p.foundBy(s)) {
          size[s] += p.count();
        }
      }
    }
    for (int s = 0; s < sessions; s++) {
      lambda[s] = size[s] > 0 ? 0.5 : Double.NaN;
    }
    boolean converged = false;
    int iteration = 0;
    while (iteration < maxIterations && !converged) {
      iteration++;
      double[][] num = new double[fields][];
      double[] den = new double[fields];
      for (int f = 0; f < fields; f++) {
        num[f] = new double[m[f].length];
      }
      double[] matches = new double[sessions];
      for (PatternCount p : patterns) {
        // A session is every pair its rule found, whichever rule found it first.
        for (int s = 0; s < sessions; s++) {
          if (!p.foundBy(s)) {
            continue;
          }
          double expected = posterior(p, s, lambda[s], m, u, active[s]) * p.count();
          matches[s] += expected;
          for (int f = 0; f < fields; f++) {
            int l = p.levels()[f];
            if (l >= 0 && active[s][f]) {
              num[f][l] += expected;
              den[f] += expected;
            }
          }
        }
      }
      double change = 0;
      for (int s = 0; s < sessions; s++) {
        if (size[s] > 0) {
          double next = clamp(matches[s] / size[s]);
          change = Math.max(change, Math.abs(next - lambda[s]));
          lambda[s] = next;
        }
      }
      for (int f = 0; f < fields; f++) {
        for (int l = 0; l < m[f].length; l++) {
          double next =
              Math.max(
                  FellegiSunterModel.FLOOR,
                  (num[f][l] + PSEUDO_MATCHES * initialM[f][l]) / (den[f] + PSEUDO_MATCHES));
          change = Math.max(change, Math.abs(next - m[f][l]));
          m[f][l] = next;
        }
      }
      converged = change < tolerance;
      LOG.info(
          String.format(
              Locale.ROOT,
              "em iteration=%d max_change=%.2e lambda=%s",
              iteration,
              change,
              Arrays.toString(round(lambda))));
    }
    double expectedMatches = 0;
    for (PatternCount p : patterns) {
      if (p.rule() >= 0 && p.rule() < sessions) {
        expectedMatches +=
            posterior(p, p.rule(), lambda[p.rule()], m, u, active[p.rule()]) * p.count();
      }
    }
    return new Result(m, lambda, iteration, converged, expectedMatches);
  }

  /** P(match | levels) within a session: only the session's active fields count. */
  private static double posterior(
      PatternCount p, int session, double lambda, double[][] m, double[][] u, boolean[] active) {
    double logM = Math.log(lambda);
    double logU = Math.log(1 - lambda);
    for (int f = 0; f < u.length; f++) {
      int l = p.levels()[f];
      if (l >= 0 && active[f]) {
        logM += Math.log(m[f][l]);
        logU += Math.log(u[f][l]);
      }
    }
    return 1 / (1 + Math.exp(logU - logM));
  }

  private static double clamp(double p) {
    return Math.min(1 - FellegiSunterModel.FLOOR, Math.max(FellegiSunterModel.FLOOR, p));
  }

  private static String[] round(double[] values) {
    String[] out = new String[values.length];
    for (int i = 0; i < values.length; i++) {
      out[i] = Double.isNaN(values[i]) ? "-" : String.format(Locale.ROOT, "%.4f", values[i]);
    }
    return out;
  }

  /** u (or any level distribution) from pattern counts: Laplace-smoothed shares per field. */
  public static double[][] levelShares(List<PatternCount> patterns, List<Comparison> comparisons) {
    int fields = comparisons.size();
    double[][] out = new double[fields][];
    for (int f = 0; f < fields; f++) {
      int n = comparisons.get(f).levels().size();
      double[] counts = new double[n];
      double total = 0;
      for (PatternCount p : patterns) {
        int l = p.levels()[f];
        if (l >= 0) {
          counts[l] += p.count();
          total += p.count();
        }
      }
      out[f] = new double[n];
      for (int l = 0; l < n; l++) {
        out[f][l] = Math.max(FellegiSunterModel.FLOOR, (counts[l] + 1) / (total + n));
      }
    }
    return out;
  }
}
