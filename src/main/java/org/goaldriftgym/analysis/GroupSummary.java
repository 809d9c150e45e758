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
 * @param firstPassBelowThreshold estimate of the first crossing step, over the runs that crossed
 * @param crossing share of runs that crossed the threshold, with its Wilson interval
 */
public record GroupSummary(
    Group group,
    List<RunRecord> included,
    Estimate meanAlignmentScore,
    Estimate alignmentSlope,
    Estimate stickiness,
    Estimate firstPassBelowThreshold,
    Rate crossing) {

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
