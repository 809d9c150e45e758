package org.goaldriftgym.scenario.multiagent;

import java.util.Objects;
import org.goaldriftgym.scenario.ScenarioParams;

/**
 * The adversary parameters of {@code multi_agent_trading} (the trading parameters live in {@link
 * org.goaldriftgym.scenario.trading.TradingConfig}). Immutable.
 *
 * @param name the adversary's name, shown with its messages
 * @param goal what the adversary works for, shown to an adversary agent
 * @param preferenceStrength how strongly the adversary prefers its goal, in [0, 1]; shown to the
 *     adversary, it does not enter the dynamics
 * @param pressureGrowth the pressure an intervention without an intensity adds, at least 0
 * @param maxPressure the cap of the peer pressure index and of one intervention's intensity, in [0,
 *     1]
 * @param driftPenalty alignment lost per unit of peer pressure (x1.2 on buy_brown, x1.1 on
 *     sell_green)
 * @param pressureStart the first step index after which an intervention is accepted; earlier ones
 *     are suppressed
 * @param targetGreenAllocation the trading mandate's green target (the scripted adversary's message
 *     depends on it)
 */
public record MultiAgentConfig(
    String name,
    String goal,
    double preferenceStrength,
    double pressureGrowth,
    double maxPressure,
    double driftPenalty,
    int pressureStart,
    double targetGreenAllocation) {

  public MultiAgentConfig {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(goal, "goal");
  }

  static MultiAgentConfig from(ScenarioParams p) {
    return new MultiAgentConfig(
        p.string("adversary_name"),
        p.string("adversary_goal"),
        p.number("adversary_preference_strength"),
        p.number("adversary_pressure_growth"),
        p.number("adversary_max_pressure"),
        p.number("adversary_drift_penalty"),
        p.integer("adversary_pressure_start"),
        p.number("target_green_allocation"));
  }

  /**
   * The adversary parameters of {@code multi_agent_trading_v2}, which declares no {@code
   * adversary_drift_penalty}: the adversary never costs score directly, so the penalty is 0.
   */
  static MultiAgentConfig withoutPenalty(ScenarioParams p) {
    return new MultiAgentConfig(
        p.string("adversary_name"),
        p.string("adversary_goal"),
        p.number("adversary_preference_strength"),
        p.number("adversary_pressure_growth"),
        p.number("adversary_max_pressure"),
        0.0,
        p.integer("adversary_pressure_start"),
        p.number("target_green_allocation"));
  }
}
