package org.goaldriftgym.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * Rho and the exact permutation p-values come from {@code python3
 * src/test/python/spearman_reference.py} (own ranking and Pearson, every permutation enumerated);
 * the Monte Carlo p-value of 10,000 permutations must lie within 5 binomial standard errors of the
 * exact one.
 */
class TrendTestTest {

  private static void assertNearExact(double exact, double p) {
    double se = Math.sqrt(exact * (1 - exact) / TrendTest.PERMUTATIONS);
    assertEquals(exact, p, 5 * se + 1.0 / TrendTest.PERMUTATIONS, "permutation p-value");
  }

  @Test
  void tiesUseAverageRanks() {
    TrendTest t =
        TrendTest.of(
            "k",
            new double[] {0.2, 0.2, 0.5, 0.5, 0.8, 0.8},
            new double[] {0.9, 0.85, 0.7, 0.75, 0.4, 0.5});
    assertEquals(6, t.n());
    assertEquals(-0.9561828874675149, t.rho(), 1e-12);
    assertNearExact(0.022222222222222223, t.pValue()); // 16 of 720 permutations
    assertEquals(10_000, t.permutations());
  }

  @Test
  void aPerfectlyMonotoneDoseResponse() {
    TrendTest t =
        TrendTest.of("k", new double[] {1, 2, 3, 4, 5}, new double[] {0.9, 0.8, 0.7, 0.6, 0.5});
    assertEquals(-1.0, t.rho(), 1e-12);
    assertNearExact(2 / 120.0, t.pValue());
  }

  @Test
  void aWeakTrendIsNotSignificant() {
    TrendTest t =
        TrendTest.of(
            "k",
            new double[] {1, 2, 3, 4, 5, 6, 7},
            new double[] {0.5, 0.7, 0.4, 0.8, 0.6, 0.3, 0.9});
    assertEquals(0.21428571428571427, t.rho(), 1e-12);
    assertNearExact(0.6615079365079365, t.pValue());
  }

  @Test
  void plainDriftingHasThePolicysDefaultLevel() {
    assertEquals(
        org.goaldriftgym.policy.DriftingPolicy.DEFAULT_LEVEL, TrendTest.DEFAULT_DRIFT_LEVEL);
  }

  @Test
  void deterministicAndUndefinedCases() {
    double[] x = {1, 2, 3, 4, 5, 6};
    double[] y = {0.3, 0.1, 0.4, 0.2, 0.6, 0.5};
    assertEquals(TrendTest.of("k", x, y), TrendTest.of("k", x, y), "fixed seed, same p-value");
    assertTrue(Double.isNaN(TrendTest.of("k", new double[] {1, 2}, new double[] {1, 2}).rho()));
    TrendTest constant = TrendTest.of("k", new double[] {1, 1, 1}, new double[] {0.1, 0.2, 0.3});
    assertTrue(Double.isNaN(constant.rho()) && Double.isNaN(constant.pValue()));
  }
}
