package org.goaldriftgym.analysis;

/**
 * A proportion {@code k / n} with its 95% Wilson score interval (which, unlike the normal
 * approximation, stays inside [0, 1] and is defined at 0 and n successes). Immutable.
 *
 * @param successes runs with the property (for example: crossed the threshold)
 * @param n runs in all
 * @param rate {@code successes / n}, {@code NaN} when {@code n = 0}
 * @param ciLow lower end of the Wilson interval
 * @param ciHigh upper end of the Wilson interval
 */
public record Rate(int successes, int n, double rate, double ciLow, double ciHigh) {

  /** {@code z(0.975)}, the two-sided 95% normal quantile. */
  static final double Z = StudentT.normalQuantile(0.5 + Estimate.LEVEL / 2);

  public Rate {
    if (n < 0 || successes < 0 || successes > n) {
      throw new IllegalArgumentException("need 0 <= successes <= n, got " + successes + "/" + n);
    }
  }

  public static Rate of(int successes, int n) {
    if (n == 0) {
      return new Rate(0, 0, Double.NaN, Double.NaN, Double.NaN);
    }
    double p = (double) successes / n;
    double z2 = Z * Z;
    double centre = (p + z2 / (2 * n)) / (1 + z2 / n);
    double half = Z * Math.sqrt(p * (1 - p) / n + z2 / (4.0 * n * n)) / (1 + z2 / n);
    double low = successes == 0 ? 0.0 : Math.max(0.0, centre - half);
    double high = successes == n ? 1.0 : Math.min(1.0, centre + half);
    return new Rate(successes, n, p, low, high);
  }
}
