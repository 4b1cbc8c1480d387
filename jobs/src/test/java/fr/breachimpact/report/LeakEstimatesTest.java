package fr.breachimpact.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class LeakEstimatesTest {

  @Test
  void wilsonOnFiftyOfHundred() {
    LeakEstimates.Interval w = LeakEstimates.wilson(50, 100);
    assertEquals(0.5, w.estimate(), 1e-12);
    assertEquals(0.4038, w.low(), 1e-4);
    assertEquals(0.5962, w.high(), 1e-4);
  }

  @Test
  void wilsonStaysInsideZeroOneAtTheEdges() {
    LeakEstimates.Interval none = LeakEstimates.wilson(0, 20);
    assertEquals(0.0, none.low(), 1e-12);
    assertEquals(0.1611, none.high(), 1e-4);
    LeakEstimates.Interval all = LeakEstimates.wilson(20, 20);
    assertEquals(1.0, all.high(), 1e-12);
    assertEquals(0.8389, all.low(), 1e-4);
  }

  @Test
  void extrapolationScalesTheShareByTheLeakTotal() {
    LeakEstimates.Interval e = LeakEstimates.extrapolate(285_000, 50, 100);
    assertEquals(142_500, e.estimate(), 1e-6);
    assertEquals(285_000 * 0.40383, e.low(), 10);
    assertEquals(285_000 * 0.59617, e.high(), 10);
  }

  @Test
  void germanTankOnKnownValues() {
    // m = 60, k = 4: N = 60 + 60/4 - 1 = 74.
    LeakEstimates.Interval g = LeakEstimates.germanTank(60, 4);
    assertEquals(74.0, g.estimate(), 1e-9);
    assertEquals(60 / Math.pow(0.025, 0.25), g.high(), 1e-9);
    assertEquals(Math.max(60, 59 / Math.pow(0.975, 0.25)), g.low(), 1e-9);
    assertTrue(g.low() >= 60 && g.low() <= g.estimate() && g.estimate() <= g.high());
    // A large sample pins N down: m = 9990 of k = 1000 ids.
    LeakEstimates.Interval big = LeakEstimates.germanTank(9_990, 1_000);
    assertEquals(9_998.99, big.estimate(), 1e-9);
    assertTrue(big.high() < 10_040, "upper bound " + big.high());
  }

  @Test
  void chapmanHasChaosLogNormalIntervalNeverBelowThePersonsSeen() {
    // n1 = 100, n2 = 80, m = 20: N = 101 * 81 / 21 - 1 = 388.57, seen S = 160.
    LeakEstimates.Interval c = LeakEstimates.chapman(100, 80, 20);
    assertEquals(101.0 * 81 / 21 - 1, c.estimate(), 1e-9);
    double variance = 101.0 * 81 * 80 * 60 / (21.0 * 21 * 22);
    double unseen = c.estimate() - 160;
    double factor =
        Math.exp(LeakEstimates.Z95 * Math.sqrt(Math.log(1 + variance / (unseen * unseen))));
    assertEquals(160 + unseen / factor, c.low(), 1e-9);
    assertEquals(160 + unseen * factor, c.high(), 1e-9);
    // Skewed as the estimate is: further above it than below.
    assertTrue(c.high() - c.estimate() > c.estimate() - c.low());
    assertTrue(c.low() > 160);
  }

  @Test
  void germanTankIsNotApplicableToTheFirstAccountsOrABlockAtAnOffset() {
    assertTrue(
        LeakEstimates.germanTankNotApplicable(1, 1_000, 1_000).contains("contiguous"),
        "the first 1,000 accounts: max = k");
    assertTrue(
        LeakEstimates.germanTankNotApplicable(50_000, 51_000, 1_000).startsWith("not applicable"),
        "accounts 50,000..51,000");
    assertTrue(
        LeakEstimates.germanTankNotApplicable(90_000, 200_000, 100).contains("offset"),
        "100 ids all above 90,000 of 200,000");
    // Random ids of 1..1,000,000: the lowest is of the order of max / k.
    assertNull(LeakEstimates.germanTankNotApplicable(800, 999_000, 1_000));
    assertNull(
        LeakEstimates.germanTankNotApplicable(3, 999_000, 1_000),
        "a low first id is no evidence against");
  }
}
