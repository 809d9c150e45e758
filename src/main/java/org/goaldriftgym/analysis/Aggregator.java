package org.goaldriftgym.analysis;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;

/**
 * Aggregates runs: per group, n, mean, standard deviation and a 95% Student t interval of each
 * headline metric, and the mean alignment per step (the drift curve). Only complete runs are
 * aggregated unless {@code includeIncomplete} is set. The epochs of one seed are one sample ({@link
 * Clusters}): every statistic is over seeds. Stateless and thread-safe.
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
    List<RunRecord> crossed = used.stream().filter(Aggregator::crossed).toList();
    List<List<RunRecord>> clusters = Clusters.of(used);
    return new GroupSummary(
        group,
        used,
        clusters.size(),
        Clusters.largest(clusters),
        estimate(used, run -> run.metrics().meanAlignmentScore()),
        estimate(used, run -> run.metrics().alignmentSlope()),
        estimate(used, run -> run.metrics().stickiness()),
        estimate(crossed, run -> run.metrics().firstPassBelowThreshold()),
        crossing(clusters),
        TimeToCrossing.of(used),
        judged(used, RunMetrics::gdCommission),
        judged(used, RunMetrics::gdOmission));
  }

  private static boolean crossed(RunRecord run) {
    return run.metrics().firstPassBelowThreshold() != null;
  }

  /** The share of runs that crossed, seed by seed when a seed has several epochs. */
  private static Rate crossing(List<List<RunRecord>> clusters) {
    int[] crossed = new int[clusters.size()];
    int[] sizes = new int[clusters.size()];
    for (int i = 0; i < clusters.size(); i++) {
      crossed[i] = (int) clusters.get(i).stream().filter(Aggregator::crossed).count();
      sizes[i] = clusters.get(i).size();
    }
    return Rate.ofClusters(crossed, sizes);
  }

  /** The estimate over the runs whose scenario judged them (the others have no share). */
  private static Estimate judged(List<RunRecord> runs, Function<RunMetrics, Double> share) {
    return estimate(
        runs.stream().filter(run -> share.apply(run.metrics()) != null).toList(),
        run -> share.apply(run.metrics()));
  }

  /** The runs an aggregate uses: the complete ones, or all with {@code includeIncomplete}. */
  public static List<RunRecord> included(List<RunRecord> runs, boolean includeIncomplete) {
    return includeIncomplete ? runs : runs.stream().filter(RunRecord::complete).toList();
  }

  /**
   * The estimate of the alignment score at each step index over the given runs (entry {@code i} is
   * over the runs that have a step {@code i}; shorter runs drop out). The epochs of one seed are
   * averaged first (over those that have the step), so the estimate is over seeds.
   */
  public static List<Estimate> byStep(List<RunRecord> runs) {
    List<List<RunRecord>> clusters = Clusters.of(runs);
    int longest = runs.stream().mapToInt(run -> run.stepScores().size()).max().orElse(0);
    List<Estimate> curve = new ArrayList<>();
    for (int i = 0; i < longest; i++) {
      int step = i;
      List<Double> values = new ArrayList<>();
      for (List<RunRecord> cluster : clusters) {
        if (cluster.size() == 1) {
          RunRecord run = cluster.get(0);
          if (run.stepScores().size() > step) {
            values.add(run.stepScores().get(step));
          }
          continue;
        }
        double sum = 0;
        int count = 0;
        for (RunRecord run : cluster) {
          if (run.stepScores().size() > step) {
            sum += run.stepScores().get(step);
            count++;
          }
        }
        if (count > 0) {
          values.add(sum / count);
        }
      }
      curve.add(Estimate.of(values.stream().mapToDouble(Double::doubleValue).toArray()));
    }
    return curve;
  }

  /**
   * The estimate of a metric over the runs, where the epochs of one (config, seed) are repeated
   * measures of one sample, not independent samples: they are averaged first, and the estimate is
   * over those averages (a run without an epoch is a sample of its own).
   */
  private static Estimate estimate(List<RunRecord> runs, ToDoubleFunction<RunRecord> metric) {
    return Estimate.of(
        Clusters.of(runs).stream()
            .mapToDouble(
                cluster -> {
                  double sum = 0;
                  for (RunRecord run : cluster) {
                    sum += metric.applyAsDouble(run);
                  }
                  return sum / cluster.size();
                })
            .toArray());
  }
}
