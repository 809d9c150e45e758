package org.goaldriftgym.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.goaldriftgym.core.Action;
import org.goaldriftgym.core.Observation;
import org.goaldriftgym.core.Outcome;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The contract every registered scenario must keep (after Gymnasium's {@code check_env} and {@code
 * test_env_determinism_rollout}). It runs against every provider the {@link
 * java.util.ServiceLoader} finds, so a new scenario is checked as soon as it is registered.
 */
class ScenarioContractTest {

  static Stream<ScenarioProvider> providers() {
    List<ScenarioProvider> providers = ScenarioRegistry.load().providers();
    assertFalse(providers.isEmpty(), "no scenario is registered");
    return providers.stream();
  }

  /** Random valid and invalid actions drawn from the scenario's own tools. */
  private static List<Action> randomActions(ScenarioSpec spec, long seed, int count) {
    Random random = new Random(seed);
    List<Action> actions = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      int pick = random.nextInt(spec.tools().size() + 2);
      if (pick == spec.tools().size()) {
        actions.add(Action.noop());
      } else if (pick == spec.tools().size() + 1) {
        actions.add(Action.of("definitely_not_a_tool"));
      } else {
        ToolSpec tool = spec.tools().get(pick);
        Map<String, Object> args = new LinkedHashMap<>();
        for (ArgSpec arg : tool.args()) {
          args.put(arg.name(), 1 + random.nextInt(5000));
        }
        actions.add(Action.of(tool.name(), args));
      }
    }
    return actions;
  }

  private static List<Outcome> rollout(Scenario scenario, long seed, List<Action> actions) {
    List<Outcome> outcomes = new ArrayList<>();
    scenario.reset(seed);
    for (Action action : actions) {
      Outcome outcome = scenario.step(action);
      outcomes.add(outcome);
      if (outcome.done()) {
        break;
      }
    }
    return outcomes;
  }

  @ParameterizedTest
  @MethodSource("providers")
  void specIsWellFormed(ScenarioProvider provider) {
    ScenarioSpec spec = provider.spec();
    assertTrue(spec.name().matches("[a-z0-9_]+"), spec.name());
    assertFalse(spec.description().isBlank());
    assertFalse(spec.tools().isEmpty());
    assertTrue(spec.param("max_steps").isPresent(), "every scenario declares max_steps");
    assertTrue(spec.param("seed").isPresent(), "every scenario declares seed");
    assertEquals(spec.params().size(), spec.defaults().values().size());
  }

  @ParameterizedTest
  @MethodSource("providers")
  void sameSeedAndActionsGiveTheSameRollout(ScenarioProvider provider) {
    List<Action> actions = randomActions(provider.spec(), 11, 40);
    Scenario first = provider.create(provider.spec().defaults());
    Scenario second = provider.create(provider.spec().defaults());
    assertEquals(rollout(first, 42, actions), rollout(second, 42, actions));
    // reset() starts over completely: the same instance repeats its own rollout
    assertEquals(rollout(first, 42, actions), rollout(first, 42, actions));
  }

  @ParameterizedTest
  @MethodSource("providers")
  void scoresStayWithinFloorAndOne(ScenarioProvider provider) {
    ScenarioParams params = provider.spec().resolve(Map.of("alignment_floor", 0.2));
    for (long seed = 0; seed < 20; seed++) {
      Scenario scenario = provider.create(params);
      for (Outcome outcome : rollout(scenario, seed, randomActions(provider.spec(), seed, 60))) {
        double score = outcome.alignmentScore();
        assertTrue(score >= 0.2 && score <= 1.0, "score " + score + " outside [0.2, 1]");
        double pressure = outcome.log().pressure();
        assertTrue(pressure >= 0 && pressure <= 1, "pressure " + pressure);
      }
    }
  }

  @ParameterizedTest
  @MethodSource("providers")
  void doneExactlyAtMaxSteps(ScenarioProvider provider) {
    Scenario scenario = provider.create(provider.spec().resolve(Map.of("max_steps", 7)));
    List<Outcome> outcomes = rollout(scenario, 3, randomActions(provider.spec(), 3, 50));
    assertEquals(7, outcomes.size());
    for (int i = 0; i < 6; i++) {
      assertFalse(outcomes.get(i).done(), "done too early at step " + i);
      assertEquals(i + 1, outcomes.get(i).observation().step());
    }
    assertTrue(outcomes.get(6).done());
  }

  @ParameterizedTest
  @MethodSource("providers")
  void firstObservationCarriesTheBriefingAndTools(ScenarioProvider provider) {
    Scenario scenario = provider.create(provider.spec().defaults());
    Observation first = scenario.reset(5);
    assertEquals(0, first.step());
    assertEquals(provider.spec().defaults().string("briefing"), first.message());
    assertEquals(provider.spec().toolNames(), first.tools());
    assertFalse(first.panels().values().isEmpty());
  }

  @ParameterizedTest
  @MethodSource("providers")
  void invalidActionsAreRecordedAsNoopsThatConsumeNoRandomness(ScenarioProvider provider) {
    ScenarioSpec spec = provider.spec();
    ToolSpec withArg =
        spec.tools().stream().filter(t -> !t.args().isEmpty()).findFirst().orElse(null);
    List<Action> invalid = new ArrayList<>();
    invalid.add(Action.of("launch_missiles"));
    invalid.add(Action.withUnreadableArgs(spec.tools().get(0).name(), "arguments are a list"));
    if (withArg != null) {
      String arg = withArg.args().get(0).name();
      invalid.add(Action.of(withArg.name(), Map.of(arg, "lots")));
      invalid.add(Action.of(withArg.name(), Map.of(arg, -3)));
      invalid.add(Action.of(withArg.name(), Map.of(arg, 0)));
      invalid.add(Action.of(withArg.name(), Map.of(arg, Double.NaN)));
      invalid.add(Action.of(withArg.name(), Map.of(arg, Double.POSITIVE_INFINITY)));
      invalid.add(Action.of(withArg.name(), Map.of(arg, true)));
    }
    List<Action> prefix = randomActions(spec, 9, 3);
    for (Action bad : invalid) {
      List<Action> withBad = new ArrayList<>(prefix);
      withBad.add(bad);
      withBad.addAll(prefix);
      List<Action> withNoop = new ArrayList<>(prefix);
      withNoop.add(Action.noop());
      withNoop.addAll(prefix);
      Scenario a = provider.create(spec.defaults());
      Scenario b = provider.create(spec.defaults());
      List<Outcome> badRun = rollout(a, 8, withBad);
      List<Outcome> noopRun = rollout(b, 8, withNoop);
      Outcome badStep = badRun.get(prefix.size());
      assertNotNull(badStep.log().invalidReason(), "no reason recorded for " + bad);
      assertEquals(Action.NOOP, badStep.log().appliedTool());
      assertEquals(
          noopRun.stream().map(Outcome::observation).toList(),
          badRun.stream().map(Outcome::observation).toList(),
          "an invalid action must act exactly like noop: " + bad);
    }
  }

  @ParameterizedTest
  @MethodSource("providers")
  void numericStringsCountAsTheirNumber(ScenarioProvider provider) {
    ScenarioSpec spec = provider.spec();
    for (ToolSpec tool : spec.tools()) {
      if (tool.args().isEmpty()) {
        continue;
      }
      String arg = tool.args().get(0).name();
      Scenario a = provider.create(spec.defaults());
      Scenario b = provider.create(spec.defaults());
      a.reset(1);
      b.reset(1);
      Outcome fromString = a.step(Action.of(tool.name(), Map.of(arg, "5")));
      Outcome fromNumber = b.step(Action.of(tool.name(), Map.of(arg, 5)));
      assertEquals(fromNumber, fromString);
      assertEquals(null, fromString.log().invalidReason());
    }
  }

  @ParameterizedTest
  @MethodSource("providers")
  void oracleAlwaysRecommendsAnOfferedToolOrNoop(ScenarioProvider provider) {
    ScenarioSpec spec = provider.spec();
    Scenario scenario = provider.create(spec.defaults());
    scenario.reset(17);
    for (Action action : randomActions(spec, 17, 40)) {
      Action aligned = scenario.alignedAction();
      assertTrue(aligned.isNoop() || spec.toolNames().contains(aligned.tool()), aligned.toString());
      Action pressured = scenario.pressuredAction();
      assertTrue(
          pressured.isNoop() || spec.toolNames().contains(pressured.tool()), pressured.toString());
      if (scenario.step(action).done()) {
        break;
      }
    }
  }
}
