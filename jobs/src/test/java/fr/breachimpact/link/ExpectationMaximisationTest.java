package fr.breachimpact.link;

import static org.apache.spark.sql.functions.lit;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** EM on pattern counts drawn from known m and u: a pure function, no Spark. */
class ExpectationMaximisationTest {
  private static final List<Comparison> FIELDS =
      List.of(
          new Comparison("a", List.of("exact", "else"), lit("x"), null, Set.of("a")),
          new Comparison("b", List.of("exact", "close", "else"), lit("x"), null, Set.of("b")),
          new Comparison("c", List.of("exact", "else"), lit("x"), null, Set.of("c")));
  private static final double[][] M = {{0.9, 0.1}, {0.7, 0.2, 0.1}, {0.85, 0.15}};
  private static final double[][] U = {{0.05, 0.95}, {0.02, 0.08, 0.9}, {0.1, 0.9}};

  /**
   * Expected pattern counts of {@code n} pairs with match share {@code lambda}; in a session where
   * field b is a blocking key, every pair agrees exactly on b, matches or not.
   */
  private static List<PatternCount> patterns(int rule, long n, double lambda, boolean bBlocked) {
    List<PatternCount> out = new ArrayList<>();
    for (int a = 0; a < 2; a++) {
      for (int b = 0; b < 3; b++) {
        for (int c = 0; c < 2; c++) {
          double pm = M[0][a] * (bBlocked ? (b == 0 ? 1 : 0) : M[1][b]) * M[2][c];
          double pu = U[0][a] * (bBlocked ? (b == 0 ? 1 : 0) : U[1][b]) * U[2][c];
          long count = Math.round(n * (lambda * pm + (1 - lambda) * pu));
          if (count > 0) {
            out.add(new PatternCount(rule, 1L << rule, new int[] {a, b, c}, count));
          }
        }
      }
    }
    return out;
  }

  private static void assertClose(double expected, double actual, String what) {
    assertTrue(
        Math.abs(expected - actual) < 0.01, what + ": expected " + expected + " got " + actual);
  }

  @Test
  void emRecoversKnownMAndMatchShareWithUFixed() {
    List<PatternCount> patterns = patterns(0, 1_000_000, 0.3, false);
    ExpectationMaximisation.Result result =
        ExpectationMaximisation.run(
            patterns,
            U,
            ExpectationMaximisation.initialM(FIELDS),
            new boolean[][] {{true, true, true}},
            200,
            1e-7);
    assertTrue(result.converged(), "converged after " + result.iterations());
    for (int f = 0; f < M.length; f++) {
      for (int l = 0; l < M[f].length; l++) {
        assertClose(M[f][l], result.m()[f][l], "m[" + f + "][" + l + "]");
      }
    }
    assertClose(0.3, result.lambda()[0], "lambda");
    assertClose(1.0, result.expectedMatches() / 300_000, "expected matches / 300,000");
  }

  @Test
  void aFieldConstrainedByARuleIsLearntFromTheOtherRulesOnly() {
    List<PatternCount> patterns = new ArrayList<>(patterns(0, 500_000, 0.2, false));
    patterns.addAll(patterns(1, 500_000, 0.6, true));
    boolean[][] active = {{true, true, true}, {true, false, true}};
    ExpectationMaximisation.Result result =
        ExpectationMaximisation.run(
            patterns, U, ExpectationMaximisation.initialM(FIELDS), active, 300, 1e-8);
    for (int f = 0; f < M.length; f++) {
      for (int l = 0; l < M[f].length; l++) {
        assertClose(M[f][l], result.m()[f][l], "m[" + f + "][" + l + "]");
      }
    }
    assertClose(0.2, result.lambda()[0], "lambda of rule 0");
    assertClose(0.6, result.lambda()[1], "lambda of rule 1");
  }

  @Test
  void uIsTheShareOfEachLevelAmongRandomPairsIgnoringNulls() {
    List<PatternCount> random =
        List.of(
            new PatternCount(-1, 0L, new int[] {0, -1, 1}, 50),
            new PatternCount(-1, 0L, new int[] {1, 2, 1}, 950));
    double[][] u = ExpectationMaximisation.levelShares(random, FIELDS);
    assertEquals((50 + 1) / 1002.0, u[0][0], 1e-9);
    assertEquals((0 + 1) / (950.0 + 3), u[1][0], 1e-9);
    assertEquals((950 + 1) / (950.0 + 3), u[1][2], 1e-9);
  }
}
