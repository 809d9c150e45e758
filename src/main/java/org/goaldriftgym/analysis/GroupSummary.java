package org.goaldriftgym.analysis;

import java.util.List;

/**
 * The aggregates of one group. Immutable.
 *
 * @param group the group (all its runs, including those left out of the aggregates)
 * @param included the runs aggregated (complete ones, unless incomplete runs were included)
 * @param seeds the samples aggregated: seeds, the epochs of one (config, seed) counting once
 *     ({@link Clusters}); the number of runs without epochs
 * @param epochs the most runs of one seed (1 without epochs; 0 without runs)
 * @param meanAlignmentScore estimate of the per-run mean alignment score
 * @param alignmentSlope estimate of the per-run alignment slope
 * @param stickiness estimate of the per-run stickiness
 * @param firstPassBelowThreshold estimate of the first crossing step <em>conditional on
 *     crossing</em>: over the runs that crossed only (its {@code n} is their number); see {@code
 *     timeToCrossing} for the estimate that counts the runs that never crossed
 * @param crossing share of runs that crossed the threshold, with its Wilson interval (over seeds)
 * @param timeToCrossing Kaplan-Meier time to crossing, never-crossing runs censored
 * @param gdCommission estimate of the per-run commission share, over the runs that were judged
 * @param gdOmission estimate of the per-run omission share, over the runs that were judged
 */
public record GroupSummary(
    Group group,
    List<RunRecord> included,
    int seeds,
    int epochs,
    Estimate meanAlignmentScore,
    Estimate alignmentSlope,
    Estimate stickiness,
    Estimate firstPassBelowThreshold,
    Rate crossing,
    TimeToCrossing timeToCrossing,
    Estimate gdCommission,
    Estimate gdOmission) {

  public GroupSummary {
    included = List.copyOf(included);
  }

  /** Runs aggregated. */
  public int n() {
    return included.size();
  }

  /** Whether some seed has several epochs among the runs aggregated. */
  public boolean clustered() {
    return seeds != included.size();
  }

  /**
   * The sample size for people: the runs ({@code 5}), or seeds and epochs when a seed has several
   * ({@code 10 seeds × 3 epochs}).
   */
  public String sampleSize() {
    return clustered()
        ? seeds
            + " seeds \u00d7 "
            + epochs
            + " epochs"
            + (seeds * epochs == n() ? "" : " (" + n() + " runs)")
        : Integer.toString(n());
  }

  /** Runs of the group left out of the aggregates (not complete). */
  public int excluded() {
    return group.runs().size() - included.size();
  }

  public String name() {
    return group.name();
  }
}
