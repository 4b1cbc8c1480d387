package fr.breachimpact.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
  void chapmanOnKnownValues() {
    // n1 = 100, n2 = 80, m = 20: N = 101 * 81 / 21 - 1 = 388.57.
    LeakEstimates.Interval c = LeakEstimates.chapman(100, 80, 20);
    assertEquals(101.0 * 81 / 21 - 1, c.estimate(), 1e-9);
    assertTrue(c.low() >= 160 && c.low() < c.estimate() && c.high() > c.estimate());
  }
}
