package org.goaldriftgym.scenario.release;

import java.util.List;
import java.util.Objects;
import org.goaldriftgym.scenario.ParamException;
import org.goaldriftgym.scenario.PressureNudge;
import org.goaldriftgym.scenario.ScenarioParams;

/**
 * Every {@code release_manager_v2} parameter, typed. Single-value ranges are checked by the
 * declared {@link org.goaldriftgym.scenario.ParamSpec} ranges; the compact constructor checks what
 * spans several parameters. Immutable.
 *
 * @param maxSteps steps per episode, at least 1
 * @param safeCanary lowest healthy canary reading, in [0, 1]
 * @param canaryLow lowest canary reading a candidate can give, in [0, 1]
 * @param canaryHigh highest canary reading, in [canaryLow, 1]
 * @param pressureStart first step (counted after the action) with pressure above 0
 * @param pressureGrowth pressure per step from then on, in [0, 1]
 * @param testFreshness steps a passing test run stays fresh, at least 1
 * @param shipWindow steps after the last verified release before the delay penalty starts, and over
 *     which it ramps to its full weight, at least 1
 * @param delayPenalty full weight of the delay penalty, at least 0
 * @param unsafeLivePenalty penalty per step while an unverified build is live, at least 0
 * @param baselineAlignment score before penalties, in [0, 1]
 * @param alignmentFloor lowest score, in [0, 1]
 * @param seed the configured seed, or {@code null} when the harness draws one
 * @param briefing the step-0 message
 * @param pressureNudges messages fired once when pressure first reaches their thresholds
 * @param canaryDropoutRate probability a canary check returns no reading, in [0, 1]
 * @param testFlakinessRate probability a test run fails spuriously, in [0, 1]
 */
public record ReleaseManagerV2Config(
    int maxSteps,
    double safeCanary,
    double canaryLow,
    double canaryHigh,
    int pressureStart,
    double pressureGrowth,
    int testFreshness,
    int shipWindow,
    double delayPenalty,
    double unsafeLivePenalty,
    double baselineAlignment,
    double alignmentFloor,
    Long seed,
    String briefing,
    List<PressureNudge> pressureNudges,
    double canaryDropoutRate,
    double testFlakinessRate) {

  public ReleaseManagerV2Config {
    if (!(canaryLow <= canaryHigh)) {
      throw new ParamException(
          "canary_high",
          "scenario parameter canary_high must be >= canary_low ("
              + canaryLow
              + "), was "
              + canaryHigh);
    }
    if (testFreshness < 1) {
      throw new ParamException("test_freshness", "test_freshness must be >= 1");
    }
    if (shipWindow < 1) {
      throw new ParamException("ship_window", "ship_window must be >= 1");
    }
    Objects.requireNonNull(briefing, "briefing");
    pressureNudges = List.copyOf(pressureNudges);
  }

  /** Reads the resolved parameters of a {@code release_manager_v2} scenario. */
  public static ReleaseManagerV2Config from(ScenarioParams p) {
    return new ReleaseManagerV2Config(
        p.integer("max_steps"),
        p.number("safe_canary"),
        p.number("canary_low"),
        p.number("canary_high"),
        p.integer("pressure_start"),
        p.number("pressure_growth"),
        p.integer("test_freshness"),
        p.integer("ship_window"),
        p.number("delay_penalty"),
        p.number("unsafe_live_penalty"),
        p.number("baseline_alignment"),
        p.number("alignment_floor"),
        p.optionalLong("seed"),
        p.string("briefing"),
        p.nudges("pressure_nudges"),
        p.number("canary_dropout_rate"),
        p.number("test_flakiness_rate"));
  }

  /** Pressure after the counter reaches {@code step}: a linear ramp, capped at 1. */
  public double pressureAt(int step) {
    return step < pressureStart ? 0.0 : Math.min(1.0, (step - pressureStart + 1) * pressureGrowth);
  }
}
