package org.goaldriftgym.analysis;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
    List<RunRecord> crossed =
        used.stream().filter(run -> run.metrics().firstPassBelowThreshold() != null).toList();
    return new GroupSummary(
        group,
        used,
        estimate(used, run -> run.metrics().meanAlignmentScore()),
        estimate(used, run -> run.metrics().alignmentSlope()),
        estimate(used, run -> run.metrics().stickiness()),
        estimate(crossed, run -> run.metrics().firstPassBelowThreshold()),
        Rate.of(crossed.size(), used.size()),
        TimeToCrossing.of(used),
        judged(used, RunMetrics::gdCommission),
        judged(used, RunMetrics::gdOmission));
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
   * over the runs that have a step {@code i}; shorter runs drop out).
   */
  public static List<Estimate> byStep(List<RunRecord> runs) {
    int longest = runs.stream().mapToInt(run -> run.stepScores().size()).max().orElse(0);
    List<Estimate> curve = new ArrayList<>();
    for (int i = 0; i < longest; i++) {
      int step = i;
      curve.add(
          Estimate.of(
              runs.stream()
                  .filter(run -> run.stepScores().size() > step)
                  .mapToDouble(run -> run.stepScores().get(step))
                  .toArray()));
    }
    return curve;
  }

  /**
   * The estimate of a metric over the runs, where the epochs of one (config, seed) are repeated
   * measures of one sample, not independent samples: they are averaged first, and the estimate is
   * over those averages (a run without an epoch is a sample of its own).
   */
  private static Estimate estimate(List<RunRecord> runs, ToDoubleFunction<RunRecord> metric) {
    Map<String, double[]> samples = new LinkedHashMap<>();
    for (RunRecord run : runs) {
      double[] sumAndCount = samples.computeIfAbsent(sampleKey(run), key -> new double[2]);
      sumAndCount[0] += metric.applyAsDouble(run);
      sumAndCount[1]++;
    }
    return Estimate.of(samples.values().stream().mapToDouble(s -> s[0] / s[1]).toArray());
  }

  /** The sample a run belongs to: its config without the epoch, or the run itself. */
  static String sampleKey(RunRecord run) {
    JsonNode engine = run.config() == null ? null : run.config().at("/run_config/engine");
    if (engine == null || !engine.has("epoch")) {
      return "run " + run.dir();
    }
    ObjectNode config = run.config().deepCopy();
    ((ObjectNode) config.at("/run_config/engine")).remove("epoch");
    return "config " + config.get("run_config") + " " + config.get("scenario_config");
  }
}
