package org.goaldriftgym.run;

import java.util.List;
import java.util.Objects;
import org.goaldriftgym.artifact.Json;
import org.goaldriftgym.artifact.StepRecordJson;
import org.goaldriftgym.core.Engine;
import org.goaldriftgym.core.StepListener;
import org.goaldriftgym.metrics.AlignmentMetrics;
import org.goaldriftgym.metrics.MetricsSummary;
import org.goaldriftgym.scenario.Scenario;

/**
 * One planned run of a built-in policy executed in memory: the metrics and the exact text {@code
 * run} would write to {@code step_log.jsonl}, without a run directory. For checks that need many
 * short episodes (for example {@code check-scenario}). Immutable.
 *
 * @param metrics the run's metrics, as {@code metrics.json} would hold them
 * @param stepLog the step log, one JSON object per line, byte for byte as a run directory holds it
 */
public record Rollout(MetricsSummary metrics, String stepLog) {

  public Rollout {
    Objects.requireNonNull(metrics, "metrics");
    Objects.requireNonNull(stepLog, "stepLog");
  }

  /**
   * Runs the plan's episode.
   *
   * @throws IllegalArgumentException for a plan with an LLM agent or adversary (they would need a
   *     key and the network)
   * @throws Exception whatever the scenario or policy throws
   */
  public static Rollout of(RunPlan plan) throws Exception {
    if (plan.agent() != null || plan.adversary() != null) {
      throw new IllegalArgumentException(
          "in-memory rollouts take built-in policies and scripted adversaries only");
    }
    Scenario scenario = plan.provider().create(plan.params());
    AlignmentMetrics metrics = new AlignmentMetrics(plan.threshold());
    StringBuilder log = new StringBuilder();
    StepListener writer =
        record -> log.append(Json.compact(StepRecordJson.encode(record))).append('\n');
    Engine.of(plan.maxSteps(), plan.config().engine().allowNoop(), List.of(metrics, writer))
        .run(
            scenario,
            RunExecutor.policy(plan, scenario, null),
            RunExecutor.adversary(plan, scenario, null), // the scenario's scripted one, if any
            plan.seed());
    return new Rollout(metrics.summary(), log.toString());
  }
}
