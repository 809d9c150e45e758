package org.goaldriftgym.scenario.trading;

import org.goaldriftgym.core.Panels;

/**
 * What a scenario composed on {@code trading_goal_vs_profit_v2} adds to it without touching its
 * rules: a message per step (an adversary's, say), a penalty on the score and extra panels. A
 * {@link TradingV2Scenario} calls it at fixed points of every step, reading its state through the
 * scenario's public accessors. One overlay belongs to one scenario instance; it must draw no random
 * numbers from the scenario and must be deterministic given the states it sees.
 */
public interface TradingV2Overlay {

  /** Adds nothing. */
  TradingV2Overlay NONE = new TradingV2Overlay() {};

  /** Called by {@link TradingV2Scenario#reset(long)} after the scenario has reset its state. */
  default void reset(long seed) {}

  /**
   * A message to queue after this step's pressure nudges (the step counter already advanced, prices
   * not yet moved), or {@code null} for none.
   */
  default String message(TradingV2Scenario scenario) {
    return null;
  }

  /** A penalty of at least 0 subtracted from the score of the state reached, before clamping. */
  default double penalty(TradingV2Scenario scenario) {
    return 0.0;
  }

  /** Adds panels after the scenario's own, in display order. */
  default void addPanels(TradingV2Scenario scenario, Panels.Builder panels) {}
}
