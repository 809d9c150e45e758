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
