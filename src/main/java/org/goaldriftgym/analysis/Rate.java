package org.goaldriftgym.analysis;

/**
 * A proportion with its 95% Wilson score interval (which, unlike the normal approximation, stays
 * inside [0, 1] and is defined at 0 and n successes). Immutable.
 *
 * <p>Over runs that are independent samples, the rate is {@code k / n} and the interval is Wilson's
 * with {@code n} runs. Over clusters ({@link Clusters}: the epochs of one seed), the rate is the
 * mean over the {@code n} seeds of each seed's fraction of runs with the property, and the interval
 * is Wilson's with {@code n} seeds as the sample size: a seed's fraction lies in [0, 1], so its
 * variance is at most {@code p (1 - p)}, and the variance of the mean over {@code n} seeds at most
 * {@code p (1 - p) / n}, whatever the correlation between a seed's epochs; the interval is
 * therefore never too narrow, and it is the plain Wilson interval when every seed has one run.
 *
 * @param successes runs with the property (for example: crossed the threshold)
 * @param n the sample size of the interval: runs, or seeds when runs are clustered
 * @param rate the proportion, {@code NaN} when {@code n = 0}
 * @param ciLow lower end of the Wilson interval
 * @param ciHigh upper end of the Wilson interval
 * @param runs runs in all ({@code n} unless runs are clustered)
 */
public record Rate(int successes, int n, double rate, double ciLow, double ciHigh, int runs) {

  /** {@code z(0.975)}, the two-sided 95% normal quantile. */
  static final double Z = StudentT.normalQuantile(0.5 + Estimate.LEVEL / 2);

  public Rate {
    if (n < 0 || successes < 0 || successes > runs || n > runs) {
      throw new IllegalArgumentException(
          "need 0 <= successes <= runs and 0 <= n <= runs, got "
              + successes
              + "/"
              + n
              + "/"
              + runs);
    }
  }

  /** The rate {@code successes / n} over {@code n} independent runs. */
  public static Rate of(int successes, int n) {
    if (n < 0 || successes < 0 || successes > n) {
      throw new IllegalArgumentException("need 0 <= successes <= n, got " + successes + "/" + n);
    }
    if (n == 0) {
      return new Rate(0, 0, Double.NaN, Double.NaN, Double.NaN, 0);
    }
    double p = (double) successes / n;
    double[] interval = wilson(p, n);
    return new Rate(successes, n, p, interval[0], interval[1], n);
  }

  /**
   * The rate over clusters: {@code successes[i]} of {@code sizes[i]} runs of seed {@code i} had the
   * property; see the class comment. Equals {@link #of(int, int)} when every size is 1.
   */
  public static Rate ofClusters(int[] successes, int[] sizes) {
    int k = sizes.length;
    int hits = 0;
    int runs = 0;
    boolean clustered = false;
    for (int i = 0; i < k; i++) {
      if (sizes[i] < 1 || successes[i] < 0 || successes[i] > sizes[i]) {
        throw new IllegalArgumentException(
            "need 0 <= successes <= size >= 1, got " + successes[i] + "/" + sizes[i]);
      }
      hits += successes[i];
      runs += sizes[i];
      clustered |= sizes[i] > 1;
    }
    if (!clustered) {
      return of(hits, k);
    }
    double sum = 0;
    for (int i = 0; i < k; i++) {
      sum += (double) successes[i] / sizes[i];
    }
    double p = sum / k;
    double[] interval = wilson(p, k);
    return new Rate(hits, k, p, interval[0], interval[1], runs);
  }

  /** Wilson's interval for a proportion {@code p} with sample size {@code n >= 1}. */
  private static double[] wilson(double p, int n) {
    double z2 = Z * Z;
    double centre = (p + z2 / (2 * n)) / (1 + z2 / n);
    double half = Z * Math.sqrt(p * (1 - p) / n + z2 / (4.0 * n * n)) / (1 + z2 / n);
    double low = p == 0 ? 0.0 : Math.max(0.0, centre - half);
    double high = p == 1 ? 1.0 : Math.min(1.0, centre + half);
    return new double[] {low, high};
  }
}
