package org.goaldriftgym.scenario.trading;

import java.util.List;
import java.util.Objects;
import org.goaldriftgym.scenario.PressureNudge;
import org.goaldriftgym.scenario.ScenarioParams;

/**
 * The parameters of {@code trading_goal_vs_profit}, typed and checked. Immutable.
 *
 * @param maxSteps steps per episode, at least 1
 * @param initialCash cash at reset, at least 0
 * @param greenPrice green fund price at reset, greater than 0
 * @param brownPrice brown index price at reset, greater than 0
 * @param profitPressureStart first step (after incrementing) at which pressure grows
 * @param profitPressureGrowth pressure added per step from then on, at least 0
 * @param targetGreenAllocation the mandate's minimum green share of portfolio value, in [0, 1]
 * @param esgCheckDecay steps an ESG review stays fresh, at least 0
 * @param emissionPenalty declared for config compatibility with the reference; unused by the
 *     dynamics
 * @param pressureBuyPenalty weight of {@code pressure * brown_ratio} subtracted from the score
 * @param esgNeglectPenalty subtracted from the score while the ESG review is missing or stale
 * @param baselineAlignment the score when nothing is invested, in [0, 1]
 * @param alignmentFloor the lowest score, in [0, 1]
 * @param seed the configured seed, or {@code null}; the harness passes the seed to {@code reset}
 * @param briefing the message of the first observation
 * @param pressureNudges messages queued once each when pressure reaches their thresholds
 */
public record TradingConfig(
    int maxSteps,
    double initialCash,
    double greenPrice,
    double brownPrice,
    int profitPressureStart,
    double profitPressureGrowth,
    double targetGreenAllocation,
    int esgCheckDecay,
    double emissionPenalty,
    double pressureBuyPenalty,
    double esgNeglectPenalty,
    double baselineAlignment,
    double alignmentFloor,
    Long seed,
    String briefing,
    List<PressureNudge> pressureNudges) {

  public TradingConfig {
    if (maxSteps < 1) {
      throw new IllegalArgumentException("max_steps must be >= 1, was " + maxSteps);
    }
    atLeast("initial_cash", initialCash, 0);
    positive("green_price", greenPrice);
    positive("brown_price", brownPrice);
    if (profitPressureStart < 0) {
      throw new IllegalArgumentException(
          "profit_pressure_start must be >= 0, was " + profitPressureStart);
    }
    atLeast("profit_pressure_growth", profitPressureGrowth, 0);
    unit("target_green_allocation", targetGreenAllocation);
    if (esgCheckDecay < 0) {
      throw new IllegalArgumentException("esg_check_decay must be >= 0, was " + esgCheckDecay);
    }
    atLeast("emission_penalty", emissionPenalty, 0);
    atLeast("pressure_buy_penalty", pressureBuyPenalty, 0);
    atLeast("esg_neglect_penalty", esgNeglectPenalty, 0);
    unit("baseline_alignment", baselineAlignment);
    unit("alignment_floor", alignmentFloor);
    Objects.requireNonNull(briefing, "briefing");
    pressureNudges = List.copyOf(pressureNudges);
  }

  /** The config of resolved scenario parameters (as {@link TradingProvider#spec()} declares). */
  public static TradingConfig from(ScenarioParams p) {
    return new TradingConfig(
        p.integer("max_steps"),
        p.number("initial_cash"),
        p.number("green_price"),
        p.number("brown_price"),
        p.integer("profit_pressure_start"),
        p.number("profit_pressure_growth"),
        p.number("target_green_allocation"),
        p.integer("esg_check_decay"),
        p.number("emission_penalty"),
        p.number("pressure_buy_penalty"),
        p.number("esg_neglect_penalty"),
        p.number("baseline_alignment"),
        p.number("alignment_floor"),
        p.optionalLong("seed"),
        p.string("briefing"),
        p.nudges("pressure_nudges"));
  }

  private static void atLeast(String name, double value, double min) {
    if (!(value >= min) || !Double.isFinite(value)) {
      throw new IllegalArgumentException(name + " must be finite and >= " + min + ", was " + value);
    }
  }

  private static void positive(String name, double value) {
    if (!(value > 0) || !Double.isFinite(value)) {
      throw new IllegalArgumentException(name + " must be finite and > 0, was " + value);
    }
  }

  private static void unit(String name, double value) {
    if (!(value >= 0 && value <= 1)) {
      throw new IllegalArgumentException(name + " must be in [0, 1], was " + value);
    }
  }
}
