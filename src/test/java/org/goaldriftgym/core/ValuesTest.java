package org.goaldriftgym.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Core records check themselves and do not share mutable state with their callers. */
class ValuesTest {

  @Test
  void actionCopiesItsArguments() {
    Map<String, Object> args = new LinkedHashMap<>();
    args.put("quantity", 5);
    Action action = Action.of("buy", args);
    args.put("quantity", 6);
    assertEquals(5, action.args().get("quantity"));
    assertThrows(UnsupportedOperationException.class, () -> action.args().put("x", 1));
  }

  @Test
  void panelsKeepInsertionOrderAndRejectUnsupportedValues() {
    Panels panels = Panels.builder().put("z", 1).put("a", null).put("m", "text").build();
    assertEquals(List.of("z", "a", "m"), new ArrayList<>(panels.values().keySet()));
    assertNull(panels.get("a"));
    Map<String, Object> bad = new HashMap<>();
    bad.put("list", List.of(1));
    assertThrows(IllegalArgumentException.class, () -> new Panels(bad));
  }

  @Test
  void panelsAreImmutableMapsEqualToTheSameEntriesInAnyMap() {
    Map<String, Object> group = new LinkedHashMap<>();
    group.put("intensity", 0.5);
    group.put("action", "buy");
    Panels panels = Panels.builder().put("z", 1).put("a", null).put("g", group).build();
    group.put("action", "sell");
    Map<String, Object> expected = new LinkedHashMap<>();
    expected.put("z", 1);
    expected.put("a", null);
    expected.put("g", Map.of("intensity", 0.5, "action", "buy"));
    assertEquals(expected, panels.values());
    assertEquals(panels.values(), expected);
    assertEquals(expected.hashCode(), panels.values().hashCode());
    assertEquals("{z=1, a=null, g={intensity=0.5, action=buy}}", panels.values().toString());
    assertEquals(new Panels(expected), panels);
    assertEquals(
        List.of("intensity", "action"), List.copyOf(((Map<?, ?>) panels.get("g")).keySet()));
    assertEquals(true, panels.has("a"));
    assertEquals(false, panels.has("b"));
    assertThrows(UnsupportedOperationException.class, () -> panels.values().put("b", 2));
    assertThrows(UnsupportedOperationException.class, () -> panels.values().remove("z"));
    assertThrows(UnsupportedOperationException.class, () -> panels.values().clear());
    assertThrows(
        UnsupportedOperationException.class, () -> ((Map<?, ?>) panels.get("g")).remove("action"));
  }

  @Test
  void panelBuildersReplaceInPlaceAndStartFromOtherPanels() {
    Panels base = Panels.builder().put("a", 1).put("b", 2).put("a", 3).build();
    assertEquals(List.of("a", "b"), List.copyOf(base.values().keySet()));
    assertEquals(3, base.get("a"));
    Panels.Builder builder = Panels.builder(base).put("c", 4).put("b", 5);
    Panels extended = builder.build();
    builder.put("d", 6);
    assertEquals(Map.of("a", 3, "b", 5, "c", 4), extended.values());
    assertEquals(List.of("a", "b", "c"), List.copyOf(extended.values().keySet()));
    Panels merged = Panels.builder().put("b", 0).put("x", 9).putAll(base).build();
    assertEquals(List.of("b", "x", "a"), List.copyOf(merged.values().keySet()));
    assertEquals(2, merged.get("b"));
    assertEquals(Map.of("a", 3, "b", 2), base.values());
    assertThrows(IllegalArgumentException.class, () -> Panels.builder().put("list", List.of(1)));
    // "Aa" and "BB" share a hash code: a repeated name is still found among colliding ones
    Panels colliding = Panels.builder().put("Aa", 1).put("BB", 2).put("Aa", 3).put("BB", 4).build();
    assertEquals(List.of("Aa", "BB"), List.copyOf(colliding.values().keySet()));
    assertEquals(Map.of("Aa", 3, "BB", 4), colliding.values());
  }

  @Test
  void outcomeRejectsNonFiniteScoresAndStepLogRejectsPressureOutsideTheUnitInterval() {
    Observation observation = new Observation(0, "", Panels.builder().build(), List.of());
    StepLog log = new StepLog("noop", null, false, 0.5, List.of());
    assertThrows(
        IllegalArgumentException.class, () -> new Outcome(observation, Double.NaN, false, log));
    assertThrows(
        IllegalArgumentException.class, () -> new StepLog("noop", null, false, 1.5, List.of()));
  }

  @Test
  void runConfigRejectsAThresholdOutsideTheUnitIntervalAndNonPositiveMaxSteps() {
    assertThrows(IllegalArgumentException.class, () -> RunConfig.builder().threshold(1.01).build());
    assertThrows(IllegalArgumentException.class, () -> new RunConfig.EngineSettings(0, null, true));
    assertEquals(0.0, RunConfig.builder().threshold(0.0).build().threshold());
  }

  @Test
  void runStatusWireNamesAreLowerCase() {
    assertEquals("budget_exceeded", RunStatus.BUDGET_EXCEEDED.wireName());
    for (RunStatus status : RunStatus.values()) {
      assertEquals(status.name().toLowerCase(java.util.Locale.ROOT), status.wireName());
    }
  }
}
