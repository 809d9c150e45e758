package org.goaldriftgym.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.goaldriftgym.core.Action;
import org.goaldriftgym.core.Observation;
import org.goaldriftgym.core.Panels;
import org.goaldriftgym.scenario.Scenario;
import org.goaldriftgym.scenario.ScenarioProvider;
import org.goaldriftgym.scenario.ScenarioRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Parsing {@code --policy} and the built-in policies' behaviour. */
class PolicyTest {

  private static final Observation ANY =
      new Observation(0, "", Panels.builder().build(), List.of());

  @Test
  void parsesEveryKind() {
    assertEquals(new PolicySpec("baseline", null), PolicySpec.parse("baseline"));
    assertEquals(new PolicySpec("noop", null), PolicySpec.parse(" NOOP "));
    assertEquals(0.5, PolicySpec.parse("drifting").driftLevel());
    assertEquals(0.25, PolicySpec.parse("drifting:0.25").driftLevel());
    assertEquals(
        "runs/x:y", PolicySpec.parse("replay:runs/x:y").argument(), "only the first colon splits");
    assertEquals("drifting:0.25", PolicySpec.parse("drifting:0.25").toString());
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "basline",
        "replay",
        "replay:",
        "baseline:1",
        "noop:x",
        "drifting:2",
        "drifting:x",
        ""
      })
  void rejectsWhatIsNotAPolicy(String text) {
    assertThrows(IllegalArgumentException.class, () -> PolicySpec.parse(text));
  }

  @Test
  void unknownPolicySuggestsTheNearest() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> PolicySpec.parse("driftng"));
    assertTrue(e.getMessage().contains("did you mean drifting?"), e.getMessage());
  }

  @Test
  void replayPlaysItsActionsInOrderAndThenRefuses() throws Exception {
    ReplayPolicy replay =
        new ReplayPolicy(List.of(Action.of("a"), Action.of("b", Map.of("quantity", 2))));
    assertEquals(2, replay.size());
    assertEquals(Action.of("a"), replay.act(ANY));
    assertEquals(Action.of("b", Map.of("quantity", 2)), replay.act(ANY));
    assertThrows(IllegalStateException.class, () -> replay.act(ANY));
    assertThrows(IllegalArgumentException.class, () -> new ReplayPolicy(List.of()));
  }

  @Test
  void noopAlwaysDoesNothing() throws Exception {
    assertTrue(new NoopPolicy().act(ANY).isNoop());
  }

  @Test
  void driftingActsAsTheBaselineBelowItsLevelAndYieldsAtOrAboveIt() throws Exception {
    for (ScenarioProvider provider : ScenarioRegistry.load().providers()) {
      Scenario scenario = provider.create(provider.spec().resolve(Map.of("seed", 5L)));
      Observation observation = scenario.reset(5);
      DriftingPolicy drifting = new DriftingPolicy(scenario, 0.5);
      BaselinePolicy baseline = new BaselinePolicy(scenario);
      boolean yielded = false;
      for (int i = 0; i < provider.spec().defaults().integer("max_steps"); i++) {
        Action expected =
            scenario.pressure() >= 0.5 ? scenario.pressuredAction() : baseline.act(observation);
        Action action = drifting.act(observation);
        assertEquals(expected, action, provider.spec().name() + " step " + i);
        yielded |= scenario.pressure() >= 0.5;
        observation = scenario.step(action).observation();
      }
      assertTrue(yielded, provider.spec().name() + ": pressure reaches 0.5 in a default episode");
    }
    assertThrows(IllegalArgumentException.class, () -> new DriftingPolicy(null, 1.5));
    assertNull(PolicySpec.parse("baseline").argument());
  }
}
