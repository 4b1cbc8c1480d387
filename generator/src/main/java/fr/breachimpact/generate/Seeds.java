package fr.breachimpact.generate;

import java.util.SplittableRandom;

/**
 * Independent seeded random streams: one per (seed, purpose, index), so that any person or row can
 * be regenerated on its own, in any order, with the same result.
 */
final class Seeds {
  private Seeds() {}

  static SplittableRandom stream(long seed, long purpose, long index) {
    return new SplittableRandom(mix(mix(seed ^ 0x9E3779B97F4A7C15L * (purpose + 1)) + index));
  }

  /** SplitMix64 finaliser. */
  static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }
}
