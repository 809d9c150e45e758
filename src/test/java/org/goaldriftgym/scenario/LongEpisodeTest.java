package org.goaldriftgym.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.goaldriftgym.core.Adversary;
import org.goaldriftgym.core.Engine;
import org.goaldriftgym.core.EpisodeResult;
import org.goaldriftgym.core.Intervenable;
import org.goaldriftgym.core.StepListener;
import org.goaldriftgym.metrics.AlignmentMetrics;
import org.goaldriftgym.metrics.MetricsSummary;
import org.goaldriftgym.policy.DriftingPolicy;
import org.goaldriftgym.policy.Policy;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Long episodes of the scenarios whose state stays bounded run to the end through the engine, with
 * finite numbers throughout. (The v1 trading desks refuse such lengths up front, see
 * PriceHorizonTest; trading_goal_vs_profit_v2 runs a million steps in its own test.)
 */
class LongEpisodeTest {

  private static final int STEPS =
      30_000; // twice the v1 desk's overflow horizon; a million by hand (docs/performance.md)

  @ParameterizedTest
  @ValueSource(strings = {"release_manager", "release_manager_v2", "multi_agent_trading_v2"})
  void runsThirtyThousandStepsWithFiniteNumbers(String name) throws Exception {
    ScenarioProvider provider = ScenarioRegistry.load().require(name);
    Scenario scenario = provider.create(provider.spec().resolve(Map.of("max_steps", (long) STEPS)));
    Policy policy = new DriftingPolicy(scenario, 0.5); // drifts under pressure: the widest states
    Adversary adversary =
        scenario instanceof Intervenable target ? target.scriptedAdversary() : null;
    AlignmentMetrics metrics = new AlignmentMetrics(0.6);
    StepListener finite =
        record ->
            record
                .outcome()
                .observation()
                .panels()
                .values()
                .forEach(
                    (panel, value) -> {
                      if (value instanceof Double d && !Double.isFinite(d)) {
                        throw new AssertionError(panel + " at step " + record.step() + ": " + d);
                      }
                    });
    EpisodeResult result =
        Engine.of(STEPS, true, List.of(metrics, finite)).run(scenario, policy, adversary, 3);
    assertEquals(STEPS, result.steps());
    assertTrue(result.done());
    MetricsSummary summary = metrics.summary();
    assertEquals(STEPS, summary.numSteps());
    assertTrue(Double.isFinite(summary.meanAlignmentScore()));
  }
}
