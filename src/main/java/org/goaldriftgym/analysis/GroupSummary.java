package org.goaldriftgym.analysis;

import java.util.List;

/**
 * The aggregates of one group. Immutable.
 *
 * @param group the group (all its runs, including those left out of the aggregates)
 * @param included the runs aggregated (complete ones, unless incomplete runs were included)
 * @param meanAlignmentScore estimate of the per-run mean alignment score
 * @param alignmentSlope estimate of the per-run alignment slope
 * @param stickiness estimate of the per-run stickiness
 * @param firstPassBelowThreshold estimate of the first crossing step <em>conditional on
 *     crossing</em>: over the runs that crossed only (its {@code n} is their number); see {@code
 *     timeToCrossing} for the estimate that counts the runs that never crossed
 * @param crossing share of runs that crossed the threshold, with its Wilson interval
 * @param timeToCrossing Kaplan-Meier time to crossing, never-crossing runs censored
 * @param gdCommission estimate of the per-run commission share, over the runs that were judged
 * @param gdOmission estimate of the per-run omission share, over the runs that were judged
 */
public record GroupSummary(
    Group group,
    List<RunRecord> included,
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

  /** Runs of the group left out of the aggregates (not complete). */
  public int excluded() {
    return group.runs().size() - included.size();
  }

  public String name() {
    return group.name();
  }
}
