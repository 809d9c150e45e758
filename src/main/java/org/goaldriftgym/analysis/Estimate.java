package org.goaldriftgym.analysis;

/**
 * A sample mean with its spread and a 95% confidence interval from Student's t distribution: {@code
 * mean ± t(0.975, n-1) · sd / sqrt(n)}, with the sample standard deviation ({@code n - 1} in the
 * denominator). Immutable.
 *
 * <p>With {@code n = 0} every value is {@code NaN}; with {@code n = 1} the mean is the value and
 * {@code sd} and the interval are {@code NaN} (undefined), never a fake zero width.
 *
 * @param n number of values
 * @param mean sample mean
 * @param sd sample standard deviation
 * @param ciLow lower end of the 95% t interval
 * @param ciHigh upper end of the 95% t interval
 */
public record Estimate(int n, double mean, double sd, double ciLow, double ciHigh) {

  /** The confidence level of every interval in this package. */
  public static final double LEVEL = 0.95;

  public Estimate {
    if (n < 0) {
      throw new IllegalArgumentException("n must be >= 0, got " + n);
    }
  }

  /** The estimate of the given values (NaN values are not allowed). */
  public static Estimate of(double... values) {
    int n = values.length;
    if (n == 0) {
      return new Estimate(0, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
    }
    double sum = 0;
    for (double value : values) {
      if (Double.isNaN(value)) {
        throw new IllegalArgumentException("values must not be NaN");
      }
      sum += value;
    }
    double mean = sum / n;
    if (n == 1) {
      return new Estimate(1, mean, Double.NaN, Double.NaN, Double.NaN);
    }
    double squares = 0;
    for (double value : values) {
      squares += (value - mean) * (value - mean);
    }
    double sd = Math.sqrt(squares / (n - 1));
    double half = StudentT.quantile(0.5 + LEVEL / 2, n - 1) * sd / Math.sqrt(n);
    return new Estimate(n, mean, sd, mean - half, mean + half);
  }

  /** Half the width of the interval ({@code NaN} when it is undefined). */
  public double halfWidth() {
    return (ciHigh - ciLow) / 2;
  }
}
