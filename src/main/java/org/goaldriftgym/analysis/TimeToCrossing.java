package org.goaldriftgym.analysis;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.TreeSet;

/**
 * Time to drift over a group of runs, with runs that never crossed the threshold counted as
 * censored rather than dropped. Immutable.
 *
 * <p>A run's time is the number of steps taken until its score first fell below the threshold
 * ({@code first_pass_below_threshold + 1}: a run whose step 7 is the first below has time 8); a run
 * that never crossed is censored at its {@code num_steps}. The curve is the Kaplan-Meier estimate
 * of {@code P(T > t)} ({@link KaplanMeier}); the median with its log-log (Brookmeyer-Crowley) 95%
 * interval; the restricted mean {@code E[min(T, horizon)]} up to the horizon, the largest {@code
 * max_steps} among the runs.
 *
 * <p>When runs are clustered ({@link Clusters}: several epochs of one seed), the curve, median and
 * restricted mean pool every run, but the intervals come from a cluster bootstrap: {@link
 * #RESAMPLES} resamples of the seeds with replacement (a {@link SplittableRandom} seeded with
 * {@link #SEED}, seed {@code i} drawn as {@code nextInt(k)}), each pooling the runs of the seeds
 * drawn; the median's interval and each step's band are the 2.5% and 97.5% points of the resampled
 * values (the inverse empirical distribution: the {@code ceil(p B)}-th smallest), a median that
 * never falls to 1/2 counting as above every time ({@code NaN} when it is the bound). Greenwood's
 * variance assumes independent runs, which epochs of one seed are not.
 *
 * @param n runs
 * @param events runs that crossed
 * @param censored runs that never crossed (censored at their last step)
 * @param kmMedian the Kaplan-Meier median time to crossing; {@code NaN} when fewer than half are
 *     known to cross (the curve never falls to 1/2), including when none crossed
 * @param kmCiLow lower end of the median's 95% interval ({@code NaN} when undefined)
 * @param kmCiHigh upper end of the median's 95% interval ({@code NaN} when the upper bound of the
 *     curve never falls to 1/2)
 * @param rmst restricted mean time to crossing up to {@code horizon}; {@code NaN} without runs or
 *     when the curve is not known up to the horizon
 * @param horizon the largest {@code max_steps} of the runs (0 without runs)
 * @param curve the Kaplan-Meier curve (with the bootstrap's bands when runs are clustered)
 * @param seeds clusters (seeds); {@code n} when no seed has several runs
 */
public record TimeToCrossing(
    int n,
    int events,
    int censored,
    double kmMedian,
    double kmCiLow,
    double kmCiHigh,
    double rmst,
    int horizon,
    KaplanMeier curve,
    int seeds) {

  /** Cluster bootstrap resamples. */
  public static final int RESAMPLES = 2000;

  /** Seed of the cluster bootstrap. */
  public static final long SEED = 20_261_202L;

  /** Whether the intervals come from the cluster bootstrap (some seed has several runs). */
  public boolean clustered() {
    return seeds != n;
  }

  /** The time to crossing of the given runs (their metrics and {@code max_steps}). */
  public static TimeToCrossing of(List<RunRecord> runs) {
    List<List<RunRecord>> clusters = Clusters.of(runs);
    List<double[]> times = new ArrayList<>();
    List<boolean[]> crossed = new ArrayList<>();
    int horizon = 0;
    for (List<RunRecord> cluster : clusters) {
      double[] t = new double[cluster.size()];
      boolean[] c = new boolean[cluster.size()];
      for (int i = 0; i < cluster.size(); i++) {
        RunRecord run = cluster.get(i);
        Integer first = run.metrics().firstPassBelowThreshold();
        c[i] = first != null;
        t[i] = c[i] ? first + 1.0 : run.metrics().numSteps();
        horizon = Math.max(horizon, Math.max(run.maxSteps(), run.metrics().numSteps()));
      }
      times.add(t);
      crossed.add(c);
    }
    return of(times, crossed, horizon);
  }

  /**
   * The time to crossing of clusters of observations: {@code times.get(i)[j]} is run {@code j} of
   * seed {@code i}, an event where {@code crossed.get(i)[j]}; see the class comment.
   */
  public static TimeToCrossing of(List<double[]> times, List<boolean[]> crossed, int horizon) {
    int n = times.stream().mapToInt(t -> t.length).sum();
    double[] pooledTimes = new double[n];
    boolean[] pooledEvents = new boolean[n];
    int next = 0;
    for (int i = 0; i < times.size(); i++) {
      System.arraycopy(times.get(i), 0, pooledTimes, next, times.get(i).length);
      System.arraycopy(crossed.get(i), 0, pooledEvents, next, crossed.get(i).length);
      next += times.get(i).length;
    }
    KaplanMeier km = KaplanMeier.of(pooledTimes, pooledEvents);
    KaplanMeier.Quantile median = km.median();
    double low = median.ciLow();
    double high = median.ciHigh();
    int seeds = times.size();
    if (seeds != n) {
      Bootstrap bootstrap = Bootstrap.of(times, crossed, km);
      low = bootstrap.medianLow;
      high = bootstrap.medianHigh;
      km = km.withBounds(bootstrap.curveLow, bootstrap.curveHigh);
    }
    return new TimeToCrossing(
        n,
        km.events(),
        km.censored(),
        median.estimate(),
        low,
        high,
        n == 0 ? Double.NaN : km.restrictedMean(horizon),
        horizon,
        km,
        seeds);
  }

  /** The cluster bootstrap's percentile intervals of the median and of the curve at each step. */
  private record Bootstrap(
      double medianLow, double medianHigh, double[] curveLow, double[] curveHigh) {

    static Bootstrap of(List<double[]> times, List<boolean[]> crossed, KaplanMeier pooled) {
      TreeSet<Double> distinctSet = new TreeSet<>();
      times.forEach(t -> Arrays.stream(t).forEach(distinctSet::add));
      double[] distinct = distinctSet.stream().mapToDouble(Double::doubleValue).toArray();
      int k = times.size();
      int[][] index = new int[k][];
      for (int i = 0; i < k; i++) {
        index[i] = new int[times.get(i).length];
        for (int j = 0; j < index[i].length; j++) {
          index[i][j] = Arrays.binarySearch(distinct, times.get(i)[j]);
        }
      }
      List<SurvivalStep> steps = pooled.steps();
      double[] medians = new double[RESAMPLES];
      double[][] curves = new double[steps.size()][RESAMPLES];
      SplittableRandom random = new SplittableRandom(SEED);
      for (int b = 0; b < RESAMPLES; b++) {
        int[] events = new int[distinct.length];
        int[] censored = new int[distinct.length];
        for (int draw = 0; draw < k; draw++) {
          int i = random.nextInt(k);
          for (int j = 0; j < index[i].length; j++) {
            if (crossed.get(i)[j]) {
              events[index[i][j]]++;
            } else {
              censored[index[i][j]]++;
            }
          }
        }
        KaplanMeier resampled = KaplanMeier.ofCounts(distinct, events, censored);
        double median = resampled.median().estimate();
        medians[b] = Double.isNaN(median) ? Double.POSITIVE_INFINITY : median;
        for (int s = 0; s < steps.size(); s++) {
          curves[s][b] = resampled.survivalAt(steps.get(s).time());
        }
      }
      double[] curveLow = new double[steps.size()];
      double[] curveHigh = new double[steps.size()];
      for (int s = 0; s < steps.size(); s++) {
        Arrays.sort(curves[s]);
        curveLow[s] = percentile(curves[s], LOW);
        curveHigh[s] = percentile(curves[s], HIGH);
      }
      Arrays.sort(medians);
      return new Bootstrap(
          finite(percentile(medians, LOW)), finite(percentile(medians, HIGH)), curveLow, curveHigh);
    }

    private static final double LOW = (1 - Estimate.LEVEL) / 2;
    private static final double HIGH = 1 - LOW;

    /** The {@code ceil(p B)}-th smallest of the sorted values. */
    private static double percentile(double[] sorted, double p) {
      int rank = (int) Math.ceil(p * sorted.length - 1e-9);
      return sorted[Math.max(rank, 1) - 1];
    }

    private static double finite(double value) {
      return Double.isInfinite(value) ? Double.NaN : value;
    }
  }
}
