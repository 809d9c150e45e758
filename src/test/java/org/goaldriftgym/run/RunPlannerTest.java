package org.goaldriftgym.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.goaldriftgym.core.HarnessException;
import org.goaldriftgym.core.RunConfig;
import org.goaldriftgym.core.RunConfig.EngineSettings;
import org.goaldriftgym.scenario.ScenarioRegistry;
import org.junit.jupiter.api.Test;

/** Resolving a config into a plan: one step limit, one seed, the right error kind. */
class RunPlannerTest {

  private final AtomicInteger draws = new AtomicInteger();
  private final RunPlanner planner =
      new RunPlanner(ScenarioRegistry.load(), () -> 1000L + draws.incrementAndGet());

  private static RunConfig.Builder release() {
    return RunConfig.builder().scenario("release_manager");
  }

  @Test
  void defaultsComeFromTheScenarioAndADrawnSeed() {
    RunPlan plan = planner.plan(release().build(), null, Set.of());

    assertEquals(20, plan.maxSteps());
    assertEquals(1001L, plan.seed());
    assertEquals(1, draws.get());
    assertEquals(0.6, plan.threshold());
    assertEquals("baseline", plan.policy().kind());
    assertEquals("policy-baseline", plan.label());
    assertEquals(20L, plan.params().values().get("max_steps"));
    assertEquals(1001L, plan.params().values().get("seed"));
    assertEquals(Map.of(), plan.config().scenarioParams(), "scenario_params stay as given");
  }

  /** CONTRACTS.md 4: every policy its own default label, the level as the user wrote it. */
  @org.junit.jupiter.params.ParameterizedTest
  @org.junit.jupiter.params.provider.CsvSource({
    "baseline, policy-baseline",
    "noop, policy-noop",
    "drifting, policy-drifting",
    "drifting:0.3, policy-drifting-0.3",
    "drifting:0.30, policy-drifting-0.3",
    "drifting:.8, policy-drifting-0.8",
    "drifting:1.0, policy-drifting-1",
    "drifting:0, policy-drifting-0",
    "drifting:0.125, policy-drifting-0.125"
  })
  void defaultLabelsCarryThePolicyParameters(String policy, String label) {
    RunPlan plan = planner.plan(release().policy(policy).build(), null, Set.of());
    assertEquals(label, plan.label());
    assertEquals(label, RunPlanner.defaultLabel(org.goaldriftgym.policy.PolicySpec.parse(policy)));
  }

  @Test
  void seedAndMaxStepsFromScenarioParamsReachTheEngine() {
    RunPlan plan =
        planner.plan(
            release().scenarioParam("seed", 77L).scenarioParam("max_steps", 9L).build(),
            null,
            Set.of());
    assertEquals(77L, plan.seed());
    assertEquals(9, plan.maxSteps());
    assertEquals(0, draws.get(), "no seed is drawn when one is given");
  }

  @Test
  void engineAndScenarioParamSeedsThatDisagreeAreAConfigError() {
    RunConfig config =
        release().engine(new EngineSettings(null, 1L, true)).scenarioParam("seed", 2L).build();
    HarnessException e =
        assertThrows(HarnessException.class, () -> planner.plan(config, null, Set.of()));
    assertEquals(HarnessException.Kind.CONFIG, e.kind());
    assertTrue(e.getMessage().contains("seed"), e.getMessage());
  }

  @Test
  void flagSeedWinsOverScenarioParamSeed() {
    RunConfig config =
        release().engine(new EngineSettings(null, 1L, true)).scenarioParam("seed", 2L).build();
    assertEquals(1L, planner.plan(config, null, Set.of(RunPlanner.SEED)).seed());
  }

  @Test
  void engineAndScenarioParamMaxStepsThatDisagreeAreAConfigErrorUnlessTheFlagDecides() {
    RunConfig config =
        release().engine(new EngineSettings(5, 1L, true)).scenarioParam("max_steps", 7L).build();
    HarnessException e =
        assertThrows(HarnessException.class, () -> planner.plan(config, null, Set.of()));
    assertEquals(HarnessException.Kind.CONFIG, e.kind());
    assertEquals(5, planner.plan(config, null, Set.of(RunPlanner.MAX_STEPS)).maxSteps());
  }

  @Test
  void errorsInValuesFromFlagsAreUsageErrorsAndFromFilesConfigErrors() {
    RunConfig unknown = RunConfig.builder().scenario("nope").build();
    assertEquals(
        HarnessException.Kind.USAGE,
        assertThrows(
                HarnessException.class,
                () -> planner.plan(unknown, null, Set.of(RunPlanner.SCENARIO)))
            .kind());
    assertEquals(
        HarnessException.Kind.CONFIG,
        assertThrows(HarnessException.class, () -> planner.plan(unknown, null, Set.of())).kind());
  }

  @Test
  void planningChecksTheScenarioParamsTogether() {
    RunConfig config =
        release().scenarioParam("panels_to_hide", java.util.List.of("nonexistent_panel")).build();
    HarnessException e =
        assertThrows(HarnessException.class, () -> planner.plan(config, null, Set.of()));
    assertEquals(HarnessException.Kind.CONFIG, e.kind());
  }

  @Test
  void labelIsSluggedAndThresholdAndPolicyAreRecorded() {
    RunPlan plan =
        planner.plan(
            release().policy("DRIFTING:0.3").threshold(0.4).build(), "Claude 3/Opus", Set.of());
    assertEquals("claude-3-opus", plan.label());
    assertEquals("drifting:0.3", plan.config().policy());
    assertEquals(0.3, plan.policy().driftLevel());
    assertEquals(0.4, plan.threshold());
    assertNull(plan.replay());
  }
}
