package org.goaldriftgym.scenario.trading;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import org.goaldriftgym.core.Engine;
import org.goaldriftgym.core.EpisodeResult;
import org.goaldriftgym.core.Observation;
import org.goaldriftgym.core.StepListener;
import org.goaldriftgym.policy.BaselinePolicy;
import org.goaldriftgym.scenario.ParamException;
import org.goaldriftgym.scenario.Scenario;
import org.goaldriftgym.scenario.ScenarioProvider;
import org.goaldriftgym.scenario.ScenarioRegistry;
import org.junit.jupiter.api.Test;

/** Long trading episodes are refused up front exactly when a price could leave the double range. */
class PriceHorizonTest {

  private static TradingConfig config(Map<String, Object> values) {
    return TradingConfig.from(new TradingProvider().spec().resolve(values));
  }

  private static TradingConfig steps(long maxSteps) {
    return config(Map.of("max_steps", maxSteps));
  }

  @Test
  void maxGrowthBoundsEveryStepThePseudoRandomGaussCanDraw() {
    // the largest |z| of gauss: sqrt(-2 ln(1 - u)) with u the largest random(), (2^53 - 1) / 2^53
    double largestU = (Math.pow(2, 53) - 1) / Math.pow(2, 53);
    double zMax = Math.sqrt(-2.0 * Math.log(1.0 - largestU));
    assertEquals(8.5717, zMax, 1e-4);
    double brownFactor = 1 + 0.02 + 1.0 * 0.03 + zMax * 0.015;
    double greenFactor = 1 + 0.01 + zMax * 0.01;
    assertTrue(brownFactor < PriceHorizon.MAX_GROWTH, "brown " + brownFactor);
    assertTrue(greenFactor < PriceHorizon.MAX_GROWTH, "green " + greenFactor);
  }

  @Test
  void theShortcutOnlyClearsLengthsThatTheReplayClearsForEverySeedTried() {
    int longestCleared = 0;
    for (int n = 1000; PriceHorizon.safeForEverySeed(steps(n)); n += 100) {
      longestCleared = n;
    }
    // 1e6 * 1.2^n < Double.MAX_VALUE / 4: n <= 3809
    assertTrue(longestCleared >= 3700 && longestCleared < 3810, "cleared " + longestCleared);
    TradingConfig longest = steps(longestCleared);
    for (long seed = 0; seed < 50; seed++) {
      assertEquals(OptionalInt.empty(), PriceHorizon.replay(longest, seed), "seed " + seed);
    }
    assertFalse(PriceHorizon.safeForEverySeed(steps(3810)));
    assertFalse(
        PriceHorizon.safeForEverySeed(config(Map.of("max_steps", 20L, "green_price", 0.5))),
        "a price below 1 can more than double at its first move");
  }

  @Test
  void aRunIsRefusedFromTheFirstStepThatCouldOverflowAndNotBefore() throws Exception {
    long seed = 7;
    int unsafe = PriceHorizon.replay(steps(1_000_000), seed).orElseThrow();
    // the reference's prices overflow after some 14,000 steps (step 14,466 with seed 1)
    assertTrue(unsafe > 10_000 && unsafe < 20_000, "first unsafe step " + unsafe);

    assertNull(PriceHorizon.problem(steps(unsafe - 1), seed));
    String problem = PriceHorizon.problem(steps(unsafe), seed);
    assertTrue(problem.endsWith("use max_steps <= " + (unsafe - 1)), problem);
    assertFalse(problem.contains("\n"));

    ScenarioProvider provider = ScenarioRegistry.load().require("trading_goal_vs_profit");
    ParamException refused =
        assertThrows(
            ParamException.class,
            () ->
                provider.create(
                    provider.spec().resolve(Map.of("max_steps", (long) unsafe, "seed", seed))));
    assertTrue(refused.getMessage().contains("use max_steps <= " + (unsafe - 1)));

    // the longest accepted run completes with finite numbers everywhere
    Scenario longest =
        provider.create(provider.spec().resolve(Map.of("max_steps", (long) unsafe - 1)));
    double[] last = new double[1];
    StepListener finite =
        record -> {
          Observation next = record.outcome().observation();
          next.panels()
              .values()
              .forEach(
                  (name, value) -> {
                    if (value instanceof Double d) {
                      assertTrue(Double.isFinite(d), name + " at step " + record.step());
                    }
                  });
          last[0] = (Double) next.panels().get("brown_price");
        };
    EpisodeResult result =
        Engine.of(unsafe - 1, true, List.of(finite))
            .run(longest, new BaselinePolicy(longest), seed);
    assertEquals(unsafe - 1, result.steps());
    assertTrue(last[0] > 1e250, "the brown price grew to " + last[0]);
  }

  @Test
  void multiAgentTradingRefusesTheSameLengths() {
    long seed = 7;
    int unsafe = PriceHorizon.replay(steps(1_000_000), seed).orElseThrow();
    ScenarioProvider provider = ScenarioRegistry.load().require("multi_agent_trading");
    Scenario scenario =
        provider.create(provider.spec().resolve(Map.of("max_steps", (long) unsafe)));
    IllegalArgumentException refused =
        assertThrows(IllegalArgumentException.class, () -> scenario.reset(seed));
    assertTrue(refused.getMessage().contains("use max_steps <= " + (unsafe - 1)));
  }
}
