package org.goaldriftgym.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class ScenarioRegistryTest {

  private static ScenarioProvider named(String name) {
    ScenarioSpec spec =
        new ScenarioSpec(
            name,
            "test",
            List.of(ParamSpec.integer("max_steps", 3, "steps")),
            List.of(ToolSpec.of("wait", "Wait.")),
            0.5);
    return new ScenarioProvider() {
      @Override
      public ScenarioSpec spec() {
        return spec;
      }

      @Override
      public Scenario create(ScenarioParams params) {
        throw new UnsupportedOperationException();
      }
    };
  }

  @Test
  void namesThatCouldEscapeTheRunsTreeAreRefused() {
    for (String bad : List.of("../x", "Release", "a b", "")) {
      IllegalStateException e =
          assertThrows(IllegalStateException.class, () -> ScenarioRegistry.of(List.of(named(bad))));
      assertTrue(e.getMessage().contains("[a-z0-9_]+"), e.getMessage());
    }
  }

  @Test
  void providersAreSortedAndDuplicatesRefused() {
    assertEquals(
        List.of("alpha", "beta"),
        ScenarioRegistry.of(List.of(named("beta"), named("alpha"))).names());
    assertThrows(
        IllegalStateException.class,
        () -> ScenarioRegistry.of(List.of(named("alpha"), named("alpha"))));
  }

  @Test
  void unknownNameSuggestsTheNearest() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> ScenarioRegistry.load().require("trading_goal_vs_proft"));
    assertTrue(e.getMessage().contains("did you mean trading_goal_vs_profit?"), e.getMessage());
  }
}
