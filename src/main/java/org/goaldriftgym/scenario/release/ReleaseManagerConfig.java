package org.goaldriftgym.scenario.release;

import java.util.List;
import java.util.Objects;
import org.goaldriftgym.scenario.Names;
import org.goaldriftgym.scenario.ParamException;
import org.goaldriftgym.scenario.PressureNudge;
import org.goaldriftgym.scenario.ScenarioParams;

/**
 * Every {@code release_manager} parameter, typed. The compact constructor checks ranges and panel
 * names and throws {@link ParamException} naming the offending parameter. Immutable.
 *
 * @param maxSteps steps per episode, at least 1
 * @param safeCanary lowest healthy canary score, in [0, 1]
 * @param pressureStart step counter value from which pressure grows
 * @param pressureGrowth pressure added per step once started, in [0, 1]
 * @param testFreshness steps after a test run before passing tests go stale
 * @param baselineAlignment score before penalties, in [0, 1]
 * @param alignmentFloor lowest score, in [0, 1]
 * @param seed the configured seed, or {@code null} when the harness draws one
 * @param briefing the step-0 message
 * @param pressureNudges messages fired once when pressure first reaches their thresholds
 * @param canaryDropoutRate probability a canary check returns nothing, in [0, 1]
 * @param testFlakinessRate probability a test run fails spuriously, in [0, 1]
 * @param safetyActionCooldown steps held after a check (0 disables)
 * @param idlePressureSpikeSteps steps without shipping before a spike (0 disables)
 * @param idlePressureSpikeAmount pressure added by a spike, at least 0 (0 disables)
 * @param idlePressureSpikeMessage message queued with a spike, or {@code null}
 * @param panelHideThreshold pressure from which panels are hidden (above 1 disables)
 * @param panelsToHide names of the panels to hide, each one of {@link
 *     ReleaseManagerScenario#PANEL_NAMES}
 */
public record ReleaseManagerConfig(
    int maxSteps,
    double safeCanary,
    int pressureStart,
    double pressureGrowth,
    int testFreshness,
    double baselineAlignment,
    double alignmentFloor,
    Long seed,
    String briefing,
    List<PressureNudge> pressureNudges,
    double canaryDropoutRate,
    double testFlakinessRate,
    int safetyActionCooldown,
    int idlePressureSpikeSteps,
    double idlePressureSpikeAmount,
    String idlePressureSpikeMessage,
    double panelHideThreshold,
    List<String> panelsToHide) {

  public ReleaseManagerConfig {
    atLeast("max_steps", maxSteps, 1);
    unit("safe_canary", safeCanary);
    atLeast("pressure_start", pressureStart, 0);
    unit("pressure_growth", pressureGrowth);
    atLeast("test_freshness", testFreshness, 0);
    unit("baseline_alignment", baselineAlignment);
    unit("alignment_floor", alignmentFloor);
    if (briefing == null) {
      throw new ParamException("briefing", "scenario parameter briefing may not be null");
    }
    if (pressureNudges == null) {
      throw new ParamException(
          "pressure_nudges", "scenario parameter pressure_nudges may not be null");
    }
    pressureNudges = List.copyOf(pressureNudges);
    unit("canary_dropout_rate", canaryDropoutRate);
    unit("test_flakiness_rate", testFlakinessRate);
    atLeast("safety_action_cooldown", safetyActionCooldown, 0);
    atLeast("idle_pressure_spike_steps", idlePressureSpikeSteps, 0);
    if (!(idlePressureSpikeAmount >= 0) || !Double.isFinite(idlePressureSpikeAmount)) {
      throw new ParamException(
          "idle_pressure_spike_amount",
          "scenario parameter idle_pressure_spike_amount must be a finite number >= 0, was "
              + idlePressureSpikeAmount);
    }
    if (!(panelHideThreshold >= 0) || !Double.isFinite(panelHideThreshold)) {
      throw new ParamException(
          "panel_hide_threshold",
          "scenario parameter panel_hide_threshold must be a finite number >= 0, was "
              + panelHideThreshold);
    }
    if (panelsToHide == null) {
      throw new ParamException(
          "panels_to_hide", "scenario parameter panels_to_hide may not be null");
    }
    for (String panel : panelsToHide) {
      if (panel == null || !ReleaseManagerScenario.PANEL_NAMES.contains(panel)) {
        throw new ParamException(
            "panels_to_hide",
            "scenario parameter panels_to_hide names unknown panel '"
                + panel
                + "'"
                + Names.didYouMean(String.valueOf(panel), ReleaseManagerScenario.PANEL_NAMES)
                + "; panels: "
                + String.join(", ", ReleaseManagerScenario.PANEL_NAMES));
      }
    }
    panelsToHide = List.copyOf(panelsToHide);
  }

  /**
   * Reads the resolved parameters of a {@code release_manager} scenario.
   *
   * @throws ParamException naming the parameter when a value is out of range
   */
  public static ReleaseManagerConfig from(ScenarioParams p) {
    Objects.requireNonNull(p, "params");
    return new ReleaseManagerConfig(
        p.integer("max_steps"),
        p.number("safe_canary"),
        p.integer("pressure_start"),
        p.number("pressure_growth"),
        p.integer("test_freshness"),
        p.number("baseline_alignment"),
        p.number("alignment_floor"),
        p.optionalLong("seed"),
        p.string("briefing"),
        p.nudges("pressure_nudges"),
        p.number("canary_dropout_rate"),
        p.number("test_flakiness_rate"),
        p.integer("safety_action_cooldown"),
        p.integer("idle_pressure_spike_steps"),
        p.number("idle_pressure_spike_amount"),
        p.string("idle_pressure_spike_message"),
        p.number("panel_hide_threshold"),
        p.strings("panels_to_hide"));
  }

  /** True when idle pressure spikes are enabled (both steps and amount positive). */
  public boolean idleSpikesEnabled() {
    return idlePressureSpikeSteps > 0 && idlePressureSpikeAmount > 0;
  }

  /** True when panel hiding can ever apply (threshold at most 1). */
  public boolean panelHidingEnabled() {
    return panelHideThreshold <= 1.0;
  }

  private static void atLeast(String name, int value, int min) {
    if (value < min) {
      throw new ParamException(
          name, "scenario parameter " + name + " must be >= " + min + ", was " + value);
    }
  }

  private static void unit(String name, double value) {
    if (!(value >= 0.0 && value <= 1.0)) {
      throw new ParamException(
          name, "scenario parameter " + name + " must be in [0, 1], was " + value);
    }
  }
}
