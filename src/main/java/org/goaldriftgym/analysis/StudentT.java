package org.goaldriftgym.analysis;

import org.hipparchus.distribution.continuous.NormalDistribution;
import org.hipparchus.distribution.continuous.TDistribution;

/**
 * Student's t and the standard normal distribution: cumulative distribution functions and
 * quantiles, computed by Hipparchus ({@link TDistribution}, {@link NormalDistribution}). The t
 * quantile is solved to an absolute accuracy of 1e-13, well inside the 1e-9 the tests ask of it.
 * Stateless and thread-safe.
 */
public final class StudentT {

  /** Absolute accuracy of the inverse CDF (Hipparchus's default, 1e-9, is too coarse here). */
  private static final double ACCURACY = 1e-13;

  private static final NormalDistribution NORMAL = new NormalDistribution();

  private StudentT() {}

  /** {@code P(T <= t)} for {@code df} degrees of freedom. */
  public static double cdf(double t, double df) {
    requireDf(df);
    if (Double.isNaN(t)) {
      return Double.NaN;
    }
    if (Double.isInfinite(t)) {
      return t > 0 ? 1.0 : 0.0;
    }
    return new TDistribution(df, ACCURACY).cumulativeProbability(t);
  }

  /**
   * The {@code p}-quantile: the {@code t} with {@code P(T <= t) = p}; for example {@code
   * quantile(0.975, 4) = 2.776445...}.
   *
   * @throws IllegalArgumentException unless {@code 0 < p < 1} and {@code df > 0}
   */
  public static double quantile(double p, double df) {
    requireDf(df);
    requireP(p);
    if (p == 0.5) {
      return 0.0;
    }
    if (p < 0.5) {
      return -quantile(1 - p, df); // symmetric, and solved where the upper tail is accurate
    }
    return new TDistribution(df, ACCURACY).inverseCumulativeProbability(p);
  }

  /** The {@code p}-quantile of the standard normal distribution; {@code normalQuantile(0.975)}. */
  public static double normalQuantile(double p) {
    requireP(p);
    return NORMAL.inverseCumulativeProbability(p);
  }

  private static void requireP(double p) {
    if (!(p > 0 && p < 1)) {
      throw new IllegalArgumentException("p must be in (0, 1), got " + p);
    }
  }

  private static void requireDf(double df) {
    if (!(df > 0) || Double.isInfinite(df)) {
      throw new IllegalArgumentException("degrees of freedom must be positive, got " + df);
    }
  }
}
