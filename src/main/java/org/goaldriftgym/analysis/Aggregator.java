package org.goaldriftgym.analysis;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;

/**
 * Aggregates runs: per group, n, mean, standard deviation and a 95% Student t interval of each
 * headline metric, and the mean alignment per step (the drift curve). Only complete runs are
 * aggregated unless {@code includeIncomplete} is set. Stateless and thread-safe.
 */
public final class Aggregator {

  private Aggregator() {}

  /** The aggregates of each group, in group order. */
  public static List<GroupSummary> summarize(List<Group> groups, boolean includeIncomplete) {
    return groups.stream().map(group -> summarize(group, includeIncomplete)).toList();
  }

  /** The aggregates of one group. */
  public static GroupSummary summarize(Group group, boolean includeIncomplete) {
    List<RunRecord> used = included(group.runs(), includeIncomplete);
    double[] crossings =
        used.stream()
            .map(run -> run.metrics().firstPassBelowThreshold())
            .filter(Objects::nonNull)
            .mapToDouble(Integer::doubleValue)
            .toArray();
    return new GroupSummary(
        group,
        used,
        estimate(used, run -> run.metrics().meanAlignmentScore()),
        estimate(used, run -> run.metrics().alignmentSlope()),
        estimate(used, run -> run.metrics().stickiness()),
        Estimate.of(crossings),
        Rate.of(crossings.length, used.size()),
        TimeToCrossing.of(used),
        judged(used, RunMetrics::gdCommission),
        judged(used, RunMetrics::gdOmission));
  }

  /** The estimate over the runs whose scenario judged them (the others have no share). */
  private static Estimate judged(List<RunRecord> runs, Function<RunMetrics, Double> share) {
    return Estimate.of(
        runs.stream()
            .map(run -> share.apply(run.metrics()))
            .filter(Objects::nonNull)
            .mapToDouble(Double::doubleValue)
            .toArray());
  }

  /** The runs an aggregate uses: the complete ones, or all with {@code includeIncomplete}. */
  public static List<RunRecord> included(List<RunRecord> runs, boolean includeIncomplete) {
    return includeIncomplete ? runs : runs.stream().filter(RunRecord::complete).toList();
  }

  /**
   * The estimate of the alignment score at each step index over the given runs (entry {@code i} is
   * over the runs that have a step {@code i}; shorter runs drop out).
   */
  public static List<Estimate> byStep(List<RunRecord> runs) {
    int longest = runs.stream().mapToInt(run -> run.steps().size()).max().orElse(0);
    List<Estimate> curve = new ArrayList<>();
    for (int i = 0; i < longest; i++) {
      int step = i;
      curve.add(
          Estimate.of(
              runs.stream()
                  .filter(run -> run.steps().size() > step)
                  .mapToDouble(run -> run.steps().get(step).score())
                  .toArray()));
    }
    return curve;
  }

  private static Estimate estimate(List<RunRecord> runs, ToDoubleFunction<RunRecord> metric) {
    return Estimate.of(runs.stream().mapToDouble(metric).toArray());
  }
}
