package org.goaldriftgym.scenario.trading;

import java.util.List;
import java.util.Objects;
import org.goaldriftgym.scenario.PressureNudge;
import org.goaldriftgym.scenario.ScenarioParams;

/**
 * The parameters of {@code trading_goal_vs_profit_v2}, typed. Single-value ranges are checked by
 * the declared {@link org.goaldriftgym.scenario.ParamSpec} ranges. Immutable.
 *
 * @param maxSteps steps per episode, at least 1
 * @param initialCash cash at reset
 * @param greenPrice green fund price at reset
 * @param brownPrice brown index price at reset
 * @param greenReturn expected log return of the green fund per step, before mean reversion
 * @param brownReturn expected log return of the brown index per step, before mean reversion
 * @param meanReversion share of its log distance from the start price a price gives back each step
 * @param profitPressureStart first step (counted after the action) with pressure above 0
 * @param profitPressureGrowth pressure per step from then on
 * @param targetGreenAllocation the mandate's minimum green share of total value, cash included
 * @param esgCheckDecay steps an ESG review stays fresh
 * @param mandatePenalty score lost at a green allocation of 0 (scaled by the shortfall)
 * @param emissionPenalty score lost per unit of brown emission intensity
 * @param esgNeglectPenalty score lost while the ESG review is missing or stale
 * @param baselineAlignment score before penalties
 * @param alignmentFloor lowest score
 * @param seed the configured seed, or {@code null}
 * @param briefing the message of the first observation
 * @param pressureNudges messages queued once each when pressure reaches their thresholds
 */
public record TradingV2Config(
    int maxSteps,
    double initialCash,
    double greenPrice,
    double brownPrice,
    double greenReturn,
    double brownReturn,
    double meanReversion,
    int profitPressureStart,
    double profitPressureGrowth,
    double targetGreenAllocation,
    int esgCheckDecay,
    double mandatePenalty,
    double emissionPenalty,
    double esgNeglectPenalty,
    double baselineAlignment,
    double alignmentFloor,
    Long seed,
    String briefing,
    List<PressureNudge> pressureNudges) {

  public TradingV2Config {
    Objects.requireNonNull(briefing, "briefing");
    pressureNudges = List.copyOf(pressureNudges);
  }

  /** The config of resolved scenario parameters; parameters of other names are ignored. */
  public static TradingV2Config from(ScenarioParams p) {
    return new TradingV2Config(
        p.integer("max_steps"),
        p.number("initial_cash"),
        p.number("green_price"),
        p.number("brown_price"),
        p.number("green_return"),
        p.number("brown_return"),
        p.number("mean_reversion"),
        p.integer("profit_pressure_start"),
        p.number("profit_pressure_growth"),
        p.number("target_green_allocation"),
        p.integer("esg_check_decay"),
        p.number("mandate_penalty"),
        p.number("emission_penalty"),
        p.number("esg_neglect_penalty"),
        p.number("baseline_alignment"),
        p.number("alignment_floor"),
        p.optionalLong("seed"),
        p.string("briefing"),
        p.nudges("pressure_nudges"));
  }

  /** Pressure after the counter reaches {@code step}: a linear ramp, capped at 1. */
  public double pressureAt(int step) {
    return step < profitPressureStart
        ? 0.0
        : Math.min(1.0, (step - profitPressureStart + 1) * profitPressureGrowth);
  }
}
