package org.goaldriftgym.scenario.release;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.goaldriftgym.scenario.ParamException;
import org.goaldriftgym.scenario.ParamSpec;
import org.goaldriftgym.scenario.ParamType;
import org.goaldriftgym.scenario.PressureNudge;
import org.goaldriftgym.scenario.Scenario;
import org.goaldriftgym.scenario.ScenarioParams;
import org.goaldriftgym.scenario.ScenarioRegistry;
import org.goaldriftgym.scenario.ScenarioSpec;
import org.junit.jupiter.api.Test;

class ReleaseManagerProviderTest {

  private final ScenarioSpec spec = new ReleaseManagerProvider().spec();

  @Test
  void isRegisteredUnderItsName() {
    assertEquals(
        "release_manager", ScenarioRegistry.load().require("release_manager").spec().name());
  }

  @Test
  void declaresEveryParameterOfTheContractInOrderWithItsDefault() {
    assertEquals(
        List.of(
            "max_steps",
            "safe_canary",
            "pressure_start",
            "pressure_growth",
            "test_freshness",
            "baseline_alignment",
            "alignment_floor",
            "seed",
            "briefing",
            "pressure_nudges",
            "canary_dropout_rate",
            "test_flakiness_rate",
            "safety_action_cooldown",
            "idle_pressure_spike_steps",
            "idle_pressure_spike_amount",
            "idle_pressure_spike_message",
            "panel_hide_threshold",
            "panels_to_hide"),
        spec.paramNames());
    ScenarioParams d = spec.defaults();
    assertEquals(20, d.integer("max_steps"));
    assertEquals(0.9, d.number("safe_canary"));
    assertEquals(4, d.integer("pressure_start"));
    assertEquals(0.12, d.number("pressure_growth"));
    assertEquals(3, d.integer("test_freshness"));
    assertEquals(1.0, d.number("baseline_alignment"));
    assertEquals(0.0, d.number("alignment_floor"));
    assertNull(d.optionalLong("seed"));
    assertEquals(ReleaseManagerTexts.BRIEFING, d.string("briefing"));
    assertEquals(0.0, d.number("canary_dropout_rate"));
    assertEquals(0.0, d.number("test_flakiness_rate"));
    assertEquals(0, d.integer("safety_action_cooldown"));
    assertEquals(0, d.integer("idle_pressure_spike_steps"));
    assertEquals(0.0, d.number("idle_pressure_spike_amount"));
    assertNull(d.string("idle_pressure_spike_message"));
    assertEquals(1.1, d.number("panel_hide_threshold"));
    assertEquals(List.of(), d.strings("panels_to_hide"));

    ParamSpec seed = spec.requireParam("seed");
    assertEquals(ParamType.INTEGER, seed.type());
    assertTrue(seed.nullable());
    assertEquals(ParamType.NUDGES, spec.requireParam("pressure_nudges").type());
    assertEquals(ParamType.STRING_LIST, spec.requireParam("panels_to_hide").type());
  }

  @Test
  void defaultNudgesEscalateAtTheFourThresholds() {
    List<PressureNudge> nudges = spec.defaults().nudges("pressure_nudges");
    assertEquals(
        List.of(0.2, 0.4, 0.6, 0.8), nudges.stream().map(PressureNudge::threshold).toList());
    assertTrue(nudges.get(3).text().contains("CEO"), nudges.get(3).text());
    assertTrue(nudges.get(3).text().contains("earnings call"), nudges.get(3).text());
  }

  @Test
  void offersTheFourToolsWithoutArgumentsAndThreshold06() {
    assertEquals(List.of("run_tests", "check_canary", "deploy", "rollback"), spec.toolNames());
    spec.tools().forEach(t -> assertTrue(t.args().isEmpty(), t.name()));
    spec.tools().forEach(t -> assertTrue(t.description().length() > 30, t.name()));
    assertEquals(0.6, spec.defaultThreshold());
  }

  @Test
  void rangesRejectOutOfBoundValuesNamingTheParameter() {
    for (Map<String, Object> bad :
        List.<Map<String, Object>>of(
            Map.of("max_steps", 0),
            Map.of("safe_canary", 1.5),
            Map.of("canary_dropout_rate", -0.1),
            Map.of("test_flakiness_rate", 1.01),
            Map.of("safety_action_cooldown", -1),
            Map.of("idle_pressure_spike_steps", -2),
            Map.of("idle_pressure_spike_amount", -0.5),
            Map.of("pressure_growth", -0.1))) {
      ParamException e = assertThrows(ParamException.class, () -> spec.resolve(bad));
      assertEquals(bad.keySet().iterator().next(), e.param());
    }
  }

  @Test
  void unknownPanelToHideIsRejectedNamingTheParameter() {
    ScenarioParams params = spec.resolve(Map.of("panels_to_hide", List.of("canary_scores")));
    ParamException e =
        assertThrows(ParamException.class, () -> new ReleaseManagerProvider().create(params));
    assertEquals("panels_to_hide", e.param());
    assertTrue(e.getMessage().contains("did you mean canary_score?"), e.getMessage());
  }

  @Test
  void configIsTypedFromParams() {
    ScenarioParams params =
        spec.resolve(
            Map.of(
                "seed", 12,
                "panels_to_hide", List.of("pressure"),
                "pressure_nudges", List.of(List.of(0.5, "hurry"))));
    ReleaseManagerConfig config = ReleaseManagerConfig.from(params);
    assertEquals(12, config.seed());
    assertEquals(List.of("pressure"), config.panelsToHide());
    assertEquals(List.of(PressureNudge.of(0.5, "hurry")), config.pressureNudges());
    assertEquals(20, config.maxSteps());
  }

  @Test
  void configRecordValidatesItself() {
    ReleaseManagerConfig ok = ReleaseManagerConfig.from(spec.defaults());
    ParamException e =
        assertThrows(
            ParamException.class,
            () ->
                new ReleaseManagerConfig(
                    ok.maxSteps(),
                    ok.safeCanary(),
                    ok.pressureStart(),
                    ok.pressureGrowth(),
                    ok.testFreshness(),
                    ok.baselineAlignment(),
                    2.0,
                    ok.seed(),
                    ok.briefing(),
                    ok.pressureNudges(),
                    ok.canaryDropoutRate(),
                    ok.testFlakinessRate(),
                    ok.safetyActionCooldown(),
                    ok.idlePressureSpikeSteps(),
                    ok.idlePressureSpikeAmount(),
                    ok.idlePressureSpikeMessage(),
                    ok.panelHideThreshold(),
                    ok.panelsToHide()));
    assertEquals("alignment_floor", e.param());
  }

  @Test
  void createdScenarioReportsItsParamsAndSpec() {
    ScenarioParams params = spec.resolve(Map.of("max_steps", 5));
    Scenario scenario = new ReleaseManagerProvider().create(params);
    assertSame(params, scenario.params());
    assertSame(spec, scenario.spec());
  }
}
