package org.goaldriftgym.analysis;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

/**
 * The Kaplan-Meier estimate of a survival curve from right-censored times, with Greenwood's
 * variance and pointwise 95% intervals on the log-log scale, as R's {@code survival::survfit(...,
 * conf.type = "log-log")} computes them. Immutable.
 *
 * <p>At a time {@code t_j} with {@code n_j} at risk and {@code d_j} events, {@code S(t_j) = Π (1 -
 * d_k / n_k)} over {@code k <= j}; {@code se_j = sqrt(Σ d_k / (n_k (n_k - d_k)))} is Greenwood's
 * standard error of {@code log S}; the interval is {@code S^exp(±z · se / |log S|)} with {@code z =
 * z(0.975)}, undefined where {@code S} is 1 or 0.
 *
 * @param steps every distinct observed time, in order
 * @param n observations
 * @param events observations that ended in the event
 */
public record KaplanMeier(List<SurvivalStep> steps, int n, int events) {

  /** R's {@code sqrt(.Machine$double.eps)}: how close to 1/2 a flat counts as exactly 1/2. */
  private static final double TOLERANCE = Math.sqrt(Math.ulp(1.0));

  public KaplanMeier {
    steps = List.copyOf(steps);
  }

  /**
   * The estimate from observed times.
   *
   * @param times each observation's time (of the event, or of censoring), finite and {@code >= 0}
   * @param events {@code events[i]} is true when observation {@code i} ended in the event and false
   *     when it was censored at {@code times[i]}
   */
  public static KaplanMeier of(double[] times, boolean[] events) {
    if (times.length != events.length) {
      throw new IllegalArgumentException("times and events differ in length");
    }
    TreeMap<Double, int[]> byTime = new TreeMap<>(); // time -> {events, censored}
    for (int i = 0; i < times.length; i++) {
      if (!(times[i] >= 0) || Double.isInfinite(times[i])) {
        throw new IllegalArgumentException("times must be finite and >= 0, got " + times[i]);
      }
      byTime.computeIfAbsent(times[i], t -> new int[2])[events[i] ? 0 : 1]++;
    }
    double[] distinct = new double[byTime.size()];
    int[] d = new int[distinct.length];
    int[] c = new int[distinct.length];
    int j = 0;
    for (var entry : byTime.entrySet()) {
      distinct[j] = entry.getKey();
      d[j] = entry.getValue()[0];
      c[j] = entry.getValue()[1];
      j++;
    }
    return ofCounts(distinct, d, c);
  }

  /**
   * The estimate from counts at distinct times: {@code events[j]} events and {@code censored[j]}
   * censorings at {@code times[j]}, times increasing; a time with neither is skipped.
   */
  static KaplanMeier ofCounts(double[] times, int[] events, int[] censored) {
    int total = 0;
    for (int j = 0; j < times.length; j++) {
      total += events[j] + censored[j];
    }
    double z = StudentT.normalQuantile(0.5 + Estimate.LEVEL / 2);
    List<SurvivalStep> steps = new ArrayList<>();
    int atRisk = total;
    int totalEvents = 0;
    double survival = 1.0;
    double greenwood = 0.0;
    for (int j = 0; j < times.length; j++) {
      int d = events[j];
      int c = censored[j];
      if (d + c == 0) {
        continue;
      }
      if (d > 0) {
        survival *= 1.0 - (double) d / atRisk;
        greenwood =
            atRisk > d ? greenwood + (double) d / ((double) atRisk * (atRisk - d)) : Double.NaN;
      }
      double low = Double.NaN;
      double high = Double.NaN;
      if (survival > 0 && survival < 1) {
        double w = z * Math.sqrt(greenwood) / Math.abs(Math.log(survival));
        low = Math.pow(survival, Math.exp(w));
        high = Math.pow(survival, Math.exp(-w));
      }
      steps.add(new SurvivalStep(times[j], atRisk, d, c, survival, low, high));
      atRisk -= d + c;
      totalEvents += d;
    }
    return new KaplanMeier(steps, total, totalEvents);
  }

  /**
   * The same curve with other pointwise bounds (for example a cluster bootstrap's), one pair per
   * step.
   */
  KaplanMeier withBounds(double[] low, double[] high) {
    List<SurvivalStep> bounded = new ArrayList<>();
    for (int i = 0; i < steps.size(); i++) {
      SurvivalStep s = steps.get(i);
      bounded.add(
          new SurvivalStep(
              s.time(), s.atRisk(), s.events(), s.censored(), s.survival(), low[i], high[i]));
    }
    return new KaplanMeier(bounded, n, events);
  }

  /** Observations censored (that did not end in the event). */
  public int censored() {
    return n - events;
  }

  /** The estimate at time {@code t} (1 before the first event). */
  public double survivalAt(double t) {
    double s = 1.0;
    for (SurvivalStep step : steps) {
      if (step.time() > t) {
        break;
      }
      s = step.survival();
    }
    return s;
  }

  /**
   * The median time with its 95% interval, each {@code NaN} when the curve (or the interval's
   * bound) never falls to 1/2: the first time the curve is at or below 1/2, or the midpoint of a
   * flat exactly at 1/2 and the next drop (the end of the data when none follows); the lower limit
   * from the lower pointwise bound, the upper from the upper one (R's {@code quantile.survfit}, the
   * Brookmeyer-Crowley construction).
   */
  public Quantile median() {
    int m = steps.size();
    double[] x = new double[m + 1];
    double[] estimate = new double[m + 1];
    double[] lower = new double[m + 1];
    double[] upper = new double[m + 1];
    for (int i = 0; i < m; i++) {
      SurvivalStep step = steps.get(i);
      x[i + 1] = step.time();
      estimate[i + 1] = 1 - step.survival();
      lower[i + 1] = 1 - step.ciLow();
      upper[i + 1] = 1 - step.ciHigh();
    }
    return new Quantile(quantile(x, estimate), quantile(x, lower), quantile(x, upper));
  }

  /**
   * The restricted mean survival time up to {@code tau}: the area under the curve from 0 to {@code
   * tau}, {@code E[min(T, tau)]}. {@code NaN} when the data end before {@code tau} with the curve
   * above 0 (the curve is not known up to {@code tau}).
   */
  public double restrictedMean(double tau) {
    if (!steps.isEmpty()) {
      SurvivalStep last = steps.get(steps.size() - 1);
      if (last.time() < tau && last.survival() > 0) {
        return Double.NaN;
      }
    }
    double area = 0;
    double previous = 0;
    double s = 1;
    for (SurvivalStep step : steps) {
      if (step.time() >= tau) {
        break;
      }
      area += s * (step.time() - previous);
      previous = step.time();
      s = step.survival();
    }
    return area + s * (tau - previous);
  }

  /**
   * Where {@code 1 - curve} (given as {@code y}, increasing, {@code NaN} where undefined) reaches
   * 1/2; R's {@code survival:::findq} for {@code p = 0.5}.
   */
  private static double quantile(double[] x, double[] y) {
    double p = 0.5;
    double top = Double.NEGATIVE_INFINITY;
    for (double v : y) {
      if (!Double.isNaN(v)) {
        top = Math.max(top, v);
      }
    }
    if (top < p) {
      return Double.NaN;
    }
    double xmax = x[x.length - 1];
    // keep the first time each level is reached (censoring times repeat the level)
    List<double[]> kept = new ArrayList<>();
    boolean seenNaN = false;
    for (int i = 0; i < y.length; i++) {
      boolean duplicate = Double.isNaN(y[i]) ? seenNaN : containsLevel(kept, y[i]);
      seenNaN |= Double.isNaN(y[i]);
      if (!duplicate) {
        kept.add(new double[] {x[i], y[i]});
      }
    }
    int n = kept.size();
    Integer first = firstReaching(kept, p, TOLERANCE);
    Integer past = firstReaching(kept, p, -TOLERANCE);
    double q =
        first == null || past == null ? Double.NaN : (kept.get(first)[0] + kept.get(past)[0]) / 2;
    double lastLevel = kept.get(n - 1)[1];
    if (!Double.isNaN(lastLevel) && Math.abs(p - lastLevel) < TOLERANCE && first != null) {
      q = (kept.get(first)[0] + xmax) / 2; // a flat at 1/2 that runs to the end of the data
    }
    return q;
  }

  private static boolean containsLevel(List<double[]> kept, double level) {
    for (double[] point : kept) {
      if (point[1] == level) {
        return true;
      }
    }
    return false;
  }

  /**
   * The first kept point whose level plus {@code shift} is at least {@code p} (R's {@code approx(y
   * + shift, 1:n, p, method = "constant", f = 1)}), or null when {@code p} lies outside the shifted
   * levels.
   */
  private static Integer firstReaching(List<double[]> kept, double p, double shift) {
    Integer firstDefined = null;
    Integer lastDefined = null;
    for (int i = 0; i < kept.size(); i++) {
      if (!Double.isNaN(kept.get(i)[1])) {
        firstDefined = firstDefined == null ? i : firstDefined;
        lastDefined = i;
      }
    }
    if (firstDefined == null
        || p < kept.get(firstDefined)[1] + shift
        || p > kept.get(lastDefined)[1] + shift) {
      return null;
    }
    for (int i = firstDefined; i <= lastDefined; i++) {
      double level = kept.get(i)[1];
      if (!Double.isNaN(level) && level + shift >= p) {
        return i;
      }
    }
    return null;
  }

  /**
   * A quantile of the time with its 95% interval; each {@code NaN} when undefined. Immutable.
   *
   * @param estimate the quantile
   * @param ciLow lower end of its interval
   * @param ciHigh upper end of its interval
   */
  public record Quantile(double estimate, double ciLow, double ciHigh) {}
}
