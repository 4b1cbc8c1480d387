package fr.breachimpact.report;

/**
 * Estimates of the whole leak from the sample an attacker published, each with a 95% interval. The
 * methods are written down in schemas/exposure_by_incident_category.json.
 */
public final class LeakEstimates {
  /** Two-sided 95% normal quantile. */
  public static final double Z95 = 1.959963984540054;

  private LeakEstimates() {}

  /** An estimate with its interval and the name of its method. */
  public record Interval(double estimate, double low, double high, String method) {}

  /**
   * Wilson score interval for a proportion x/n: unlike the Wald interval it stays inside [0, 1] and
   * keeps its coverage for small samples and shares near 0, which is where our customers' share of
   * a leak sits.
   */
  public static Interval wilson(long x, long n) {
    if (n <= 0 || x < 0 || x > n) {
      throw new IllegalArgumentException(
          "wilson needs 0 <= x <= n and n > 0, got x=" + x + " n=" + n);
    }
    double p = (double) x / n;
    double z2 = Z95 * Z95;
    double denom = 1 + z2 / n;
    double centre = (p + z2 / (2.0 * n)) / denom;
    double half = Z95 / denom * Math.sqrt(p * (1 - p) / n + z2 / (4.0 * n * n));
    return new Interval(
        p, Math.max(0, centre - half), Math.min(1, centre + half), "wilson_score_95");
  }

  /** The claimed (or notified) total times the sample share and its Wilson bounds. */
  public static Interval extrapolate(long total, long x, long n) {
    Interval share = wilson(x, n);
    return new Interval(
        total * share.estimate(),
        total * share.low(),
        total * share.high(),
        "leak_total x sample share, wilson_score_95");
  }

  /**
   * German-tank estimate of the number of accounts N of a service whose ids run 1..N, from a sample
   * of k distinct ids with maximum m: the minimum-variance unbiased N = m + m/k - 1. The 95%
   * interval inverts the distribution of the sample maximum, P(max <= m | N) = (m/N)^k (sampling
   * with replacement, a close bound for k much smaller than N): the lower bound is the N at which a
   * maximum of m or more has probability 2.5%, (m - 1) / 0.975^(1/k), never below m; the upper
   * bound the N at which a maximum of m or less has probability 2.5%, m / 0.025^(1/k).
   */
  public static Interval germanTank(long m, long k) {
    if (k <= 0 || m < k) {
      throw new IllegalArgumentException(
          "german tank needs k > 0 ids with max m >= k, got m=" + m + " k=" + k);
    }
    double estimate = m + (double) m / k - 1;
    double low = Math.max(m, (m - 1) / Math.pow(0.975, 1.0 / k));
    double high = m / Math.pow(0.025, 1.0 / k);
    return new Interval(estimate, low, high, "german_tank_mvue, max-order-statistic 95%");
  }

  /** Fewer shared persons than this and Chapman's estimate is biased (Robson and Regier's rule). */
  public static final long MIN_SHARED = 7;

  /**
   * Chapman's capture-recapture estimate of a population from two independent samples of n1 and n2
   * persons sharing m: N = (n1 + 1)(n2 + 1)/(m + 1) - 1, Seber's variance, and Chao's log-normal
   * 95% interval: with S = n1 + n2 - m the persons seen and f0 = N - S the unseen, C = exp(z
   * sqrt(ln(1 + var / f0^2))), low = S + f0 / C, high = S + f0 C. Unlike the normal interval it is
   * skewed as the estimate's distribution is and never falls below S.
   */
  public static Interval chapman(long n1, long n2, long m) {
    if (m < 0 || m > Math.min(n1, n2)) {
      throw new IllegalArgumentException("chapman needs 0 <= m <= min(n1, n2)");
    }
    double estimate = (double) (n1 + 1) * (n2 + 1) / (m + 1) - 1;
    double variance =
        (double) (n1 + 1) * (n2 + 1) * (n1 - m) * (n2 - m) / ((double) (m + 1) * (m + 1) * (m + 2));
    double seen = n1 + n2 - m;
    double unseen = estimate - seen;
    if (unseen <= 0 || variance <= 0) {
      return new Interval(estimate, estimate, estimate, "chapman_95_chao_lognormal");
    }
    double c = Math.exp(Z95 * Math.sqrt(Math.log(1 + variance / (unseen * unseen))));
    return new Interval(
        estimate, seen + unseen / c, seen + unseen * c, "chapman_95_chao_lognormal");
  }

  /**
   * Whether a sample of sequential ids looks like a random sample of 1..N, which the German-tank
   * estimate assumes: null when it does, else why not. Two failures are caught. The ids fill more
   * than half of 1..max (max / k below 2): a contiguous run such as the first accounts of the
   * service, whose maximum is about the sample size and whose interval would be falsely tight. The
   * lowest id is far above max / k (lowest x k / max above ln 1000, which a random sample exceeds
   * with probability 1/1000): a block of accounts starting at an offset.
   */
  public static String germanTankNotApplicable(long lowest, long m, long k) {
    if (k <= 0 || m < k) {
      return "not applicable: fewer numeric ids than the highest id requires";
    }
    if ((double) m / k < 2) {
      return "not applicable: the ids fill more than half of 1..max, a contiguous run (the first accounts, say), not a random sample";
    }
    if ((double) lowest * k / m > Math.log(1000)) {
      return "not applicable: the lowest id is far above max/k, a block of accounts starting at an offset, not a random sample";
    }
    return null;
  }
}
