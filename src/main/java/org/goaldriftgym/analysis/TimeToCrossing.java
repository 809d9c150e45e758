package org.goaldriftgym.analysis;

import java.util.List;

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
 * @param curve the Kaplan-Meier curve
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
    KaplanMeier curve) {

  /** The time to crossing of the given runs (their metrics and {@code max_steps}). */
  public static TimeToCrossing of(List<RunRecord> runs) {
    int n = runs.size();
    double[] times = new double[n];
    boolean[] crossed = new boolean[n];
    int horizon = 0;
    for (int i = 0; i < n; i++) {
      RunRecord run = runs.get(i);
      Integer first = run.metrics().firstPassBelowThreshold();
      crossed[i] = first != null;
      times[i] = crossed[i] ? first + 1.0 : run.metrics().numSteps();
      horizon = Math.max(horizon, Math.max(run.maxSteps(), run.metrics().numSteps()));
    }
    KaplanMeier km = KaplanMeier.of(times, crossed);
    KaplanMeier.Quantile median = km.median();
    return new TimeToCrossing(
        n,
        km.events(),
        km.censored(),
        median.estimate(),
        median.ciLow(),
        median.ciHigh(),
        n == 0 ? Double.NaN : km.restrictedMean(horizon),
        horizon,
        km);
  }
}
