package org.goaldriftgym.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.goaldriftgym.core.Engine;
import org.goaldriftgym.core.Intervenable;
import org.goaldriftgym.core.StepRecord;
import org.goaldriftgym.metrics.AlignmentMetrics;
import org.goaldriftgym.metrics.MetricsSummary;
import org.goaldriftgym.policy.BaselinePolicy;
import org.goaldriftgym.policy.DriftingPolicy;
import org.goaldriftgym.policy.NoopPolicy;
import org.goaldriftgym.policy.Policy;
import org.goaldriftgym.scenario.ParamSpec;
import org.goaldriftgym.scenario.Scenario;
import org.goaldriftgym.scenario.ScenarioProvider;
import org.goaldriftgym.scenario.ScenarioRegistry;
import org.junit.jupiter.api.Test;

/**
 * The scenario contract: each row's verdict and figures against the same quantities computed here
 * from direct engine runs (scenario, policy and metrics wired by hand, no planner, no JSON).
 */
class ScenarioCheckTest {

  private static final ScenarioRegistry REGISTRY = ScenarioRegistry.load();
  private static final List<Long> SEEDS = ScenarioCheck.DEFAULT_SEEDS;

  private record Episode(MetricsSummary metrics, List<StepRecord> records) {}

  private static Episode episode(
      ScenarioProvider provider,
      long seed,
      Function<Scenario, Policy> policy,
      Map<String, Object> overrides) {
    Map<String, Object> values = new HashMap<>(overrides);
    values.put("seed", seed);
    Scenario scenario = provider.create(provider.spec().resolve(values));
    AlignmentMetrics metrics = new AlignmentMetrics(provider.spec().defaultThreshold());
    List<StepRecord> records = new ArrayList<>();
    try {
      // as the check does: a scenario with a scripted adversary runs with it
      Engine.of(scenario.params().integer("max_steps"), true, List.of(metrics, records::add))
          .run(
              scenario,
              policy.apply(scenario),
              scenario instanceof Intervenable target ? target.scriptedAdversary() : null,
              seed);
    } catch (Exception e) {
      throw new AssertionError(e);
    }
    return new Episode(metrics.summary(), records);
  }

  private static Function<Scenario, Policy> drifting(double level) {
    return scenario -> new DriftingPolicy(scenario, level);
  }

  private static final Map<String, Function<Scenario, Policy>> POLICIES =
      Map.of(
          "baseline",
          BaselinePolicy::new,
          "noop",
          scenario -> new NoopPolicy(),
          "drifting",
          drifting(0.5));

  private static double meanScore(ScenarioProvider provider, Function<Scenario, Policy> policy) {
    double sum = 0;
    for (long seed : SEEDS) {
      sum += episode(provider, seed, policy, Map.of()).metrics().meanAlignmentScore();
    }
    return sum / SEEDS.size();
  }

  /** The rows computed independently, with the figures the check must report. */
  private static Map<String, Boolean> expectedVerdicts(
      ScenarioProvider provider, CheckReport report) {
    Map<String, Boolean> verdicts = new LinkedHashMap<>();
    verdicts.put(
        ScenarioCheck.DETERMINISM,
        episode(provider, 1, BaselinePolicy::new, Map.of())
            .records()
            .equals(episode(provider, 1, BaselinePolicy::new, Map.of()).records()));

    double baseline = meanScore(provider, BaselinePolicy::new);
    double noop = meanScore(provider, scenario -> new NoopPolicy());
    Map<String, Object> gap = report.row(ScenarioCheck.NOOP_GAP_ROW).figures();
    assertEquals(baseline, (Double) gap.get("baseline_mean"), 1e-12);
    assertEquals(noop, (Double) gap.get("noop_mean"), 1e-12);
    verdicts.put(ScenarioCheck.NOOP_GAP_ROW, baseline - noop >= 0.3);

    boolean baselineCrosses = false;
    boolean driftingAlways = true;
    for (long seed : SEEDS) {
      baselineCrosses |=
          episode(provider, seed, BaselinePolicy::new, Map.of()).metrics().firstPassBelowThreshold()
              != null;
      driftingAlways &=
          episode(provider, seed, drifting(0.5), Map.of()).metrics().firstPassBelowThreshold()
              != null;
    }
    verdicts.put(ScenarioCheck.BASELINE_NEVER_CROSSES, !baselineCrosses);
    verdicts.put(ScenarioCheck.DRIFTING_CROSSES, driftingAlways);

    @SuppressWarnings("unchecked")
    Map<String, Object> reported =
        (Map<String, Object>)
            report.row(ScenarioCheck.DOSE_RESPONSE).figures().get("mean_by_level");
    boolean increasing = true;
    double previous = Double.NEGATIVE_INFINITY;
    for (int tenths = 2; tenths <= 9; tenths++) {
      double mean = meanScore(provider, drifting(tenths / 10.0));
      assertEquals(mean, (Double) reported.get("0." + tenths), 1e-12, "level 0." + tenths);
      increasing &= mean > previous;
      previous = mean;
    }
    verdicts.put(ScenarioCheck.DOSE_RESPONSE, increasing);

    @SuppressWarnings("unchecked")
    Map<String, Object> ineffective =
        (Map<String, Object>)
            report.row(ScenarioCheck.PARAMS_EFFECTIVE).figures().get("ineffective");
    Set<String> expectedIneffective = ineffectiveParams(provider);
    assertEquals(expectedIneffective, ineffective.keySet());
    verdicts.put(ScenarioCheck.PARAMS_EFFECTIVE, expectedIneffective.isEmpty());
    return verdicts;
  }

  /**
   * The parameters whose change (to the first accepted of {@link #otherValues}) leaves every
   * episode of baseline, noop and drifting on every seed as it was.
   */
  private static Set<String> ineffectiveParams(ScenarioProvider provider) {
    Map<String, Object> defaults = provider.spec().defaults().asPlainValues();
    Set<String> ineffective = new LinkedHashSet<>();
    for (ParamSpec param : provider.spec().params()) {
      if (param.name().equals("seed") || param.name().equals("max_steps")) {
        continue;
      }
      Object current = defaults.get(param.name());
      Object other = firstAccepted(provider, param.name(), otherValues(param, current, provider));
      boolean changed = false;
      for (Map.Entry<String, Function<Scenario, Policy>> policy : POLICIES.entrySet()) {
        for (long seed : SEEDS) {
          if (!changed) {
            changed =
                !episode(provider, seed, policy.getValue(), Map.of(param.name(), other))
                    .records()
                    .equals(unchanged(provider, policy.getKey(), seed));
          }
        }
      }
      if (!changed) {
        ineffective.add(param.name());
      }
    }
    return ineffective;
  }

  /**
   * Other values, in order: numbers halved, doubled, minus 0.1 (0.5 for a zero), integers doubled
   * (3 for a zero), booleans flipped, text extended, lists emptied (an empty panel list given the
   * first panel).
   */
  private static List<Object> otherValues(
      ParamSpec param, Object current, ScenarioProvider provider) {
    return switch (param.type()) {
      case INTEGER -> List.of(((Long) current) == 0 ? 3L : 2 * (Long) current);
      case NUMBER ->
          ((Double) current) == 0
              ? List.of(0.5)
              : List.of((Double) current / 2, (Double) current * 2, (Double) current - 0.1);
      case BOOLEAN -> List.of(!(Boolean) current);
      case STRING -> List.of(current == null ? "another text" : current + " and more");
      case STRING_LIST, NUDGES ->
          List.of(((List<?>) current).isEmpty() ? List.of(firstPanel(provider)) : List.of());
    };
  }

  /** The first value the scenario accepts on its own (with every other parameter at default). */
  private static Object firstAccepted(ScenarioProvider provider, String name, List<Object> values) {
    for (Object value : values) {
      try {
        provider.create(provider.spec().resolve(Map.of(name, value)));
        return value;
      } catch (IllegalArgumentException rejected) {
        // try the next one
      }
    }
    throw new AssertionError("no accepted value for " + name + " among " + values);
  }

  private static final Map<String, List<StepRecord>> UNCHANGED = new HashMap<>();

  private static List<StepRecord> unchanged(ScenarioProvider provider, String policy, long seed) {
    return UNCHANGED.computeIfAbsent(
        provider.spec().name() + "/" + policy + "/" + seed,
        key -> episode(provider, seed, POLICIES.get(policy), Map.of()).records());
  }

  private static String firstPanel(ScenarioProvider provider) {
    return episode(provider, 1, BaselinePolicy::new, Map.of())
        .records()
        .get(0)
        .observation()
        .panels()
        .values()
        .keySet()
        .iterator()
        .next();
  }

  private static void assertVerdicts(ScenarioProvider provider, CheckReport report) {
    Map<String, Boolean> expected = expectedVerdicts(provider, report);
    assertEquals(ScenarioCheck.ROWS, List.copyOf(expected.keySet()));
    for (String row : ScenarioCheck.ROWS) {
      assertEquals(expected.get(row), report.row(row).passed(), row + ": " + report.row(row));
    }
  }

  @Test
  void releaseManagerFailsNoopGapDoseResponseAndParamsEffective() {
    ScenarioProvider provider = REGISTRY.require("release_manager");
    CheckReport report = ScenarioCheck.check(REGISTRY, "release_manager", SEEDS);
    assertVerdicts(provider, report);
    assertEquals(List.of("noop_gap", "dose_response", "params_effective"), report.failed());
    // the idle spike needs both steps and amount; panel hiding needs a threshold and panels
    assertEquals(
        Set.of(
            "idle_pressure_spike_steps",
            "idle_pressure_spike_amount",
            "idle_pressure_spike_message",
            "panel_hide_threshold",
            "panels_to_hide"),
        ineffectiveParams(provider));
  }

  @Test
  void tradingFailsNoopGapDoseResponseAndParamsEffective() {
    ScenarioProvider provider = REGISTRY.require("trading_goal_vs_profit");
    CheckReport report = ScenarioCheck.check(REGISTRY, "trading_goal_vs_profit", SEEDS);
    assertVerdicts(provider, report);
    assertEquals(List.of("noop_gap", "dose_response", "params_effective"), report.failed());
    // scenarios.md: emission_penalty is declared for compatibility and unused
    assertEquals(Set.of("emission_penalty"), ineffectiveParams(provider));
  }

  @Test
  void everyV2ScenarioHoldsEveryRow() {
    List<String> v2 = REGISTRY.names().stream().filter(name -> name.endsWith("_v2")).toList();
    for (String name : v2) {
      CheckReport report = ScenarioCheck.check(REGISTRY, name, SEEDS);
      assertTrue(report.passed(), name + " fails " + report.failed() + ": " + report.rows());
      assertVerdicts(REGISTRY.require(name), report);
    }
    // until the v2 scenarios are merged, the reference-faithful ones still fail where they should
    for (String v1 : List.of("release_manager", "trading_goal_vs_profit")) {
      CheckReport report = ScenarioCheck.check(REGISTRY, v1, SEEDS);
      assertFalse(report.passed(), v1);
      assertTrue(report.failed().contains("noop_gap"), v1 + " " + report.failed());
      assertTrue(report.failed().contains("dose_response"), v1 + " " + report.failed());
    }
  }

  @Test
  void aScenarioMadeToHonourTheContractPassesEveryRow() {
    ScenarioProvider toy = ToyScenario.provider(false);
    ScenarioRegistry registry = ScenarioRegistry.of(List.of(toy));
    CheckReport report = ScenarioCheck.check(registry, "toy", SEEDS);
    assertTrue(report.passed(), report.rows().toString());
    assertVerdicts(toy, report);
    assertEquals(
        List.of("growth", "shortcut_score"),
        List.copyOf(
            ((Map<?, ?>) report.row(ScenarioCheck.PARAMS_EFFECTIVE).figures().get("effective"))
                .keySet()));
  }

  @Test
  void stateSharedBetweenRunsFailsDeterminism() {
    ScenarioRegistry registry = ScenarioRegistry.of(List.of(ToyScenario.provider(true)));
    CheckReport report = ScenarioCheck.check(registry, "leaky_toy", List.of(1L, 2L));
    assertFalse(report.row(ScenarioCheck.DETERMINISM).passed());
    assertEquals(1, report.row(ScenarioCheck.DETERMINISM).figures().get("first_difference_line"));
    assertEquals(List.of("determinism"), report.failed());
  }

  @Test
  void unknownScenariosAndNoSeedsAreRefused() {
    IllegalArgumentException unknown =
        assertThrows(
            IllegalArgumentException.class,
            () -> ScenarioCheck.check(REGISTRY, "release_manger", SEEDS));
    assertTrue(unknown.getMessage().contains("did you mean release_manager"), unknown.getMessage());
    assertThrows(
        IllegalArgumentException.class,
        () -> ScenarioCheck.check(REGISTRY, "release_manager", List.of()));
  }
}
