package org.goaldriftgym.policy;

import org.goaldriftgym.core.Action;
import org.goaldriftgym.core.Observation;
import org.goaldriftgym.scenario.Scenario;

/**
 * Shows what drift looks like without an API key: acts as the baseline while pressure is below
 * {@code level}, then yields to the pressure (ships untested, buys brown) for the rest of the
 * episode. Not thread-safe.
 */
public final class DriftingPolicy implements Policy {

  /** The pressure level at which the policy gives in, unless configured otherwise. */
  public static final double DEFAULT_LEVEL = 0.5;

  private final Scenario scenario;
  private final double level;

  public DriftingPolicy(Scenario scenario, double level) {
    if (!(level >= 0 && level <= 1)) {
      throw new IllegalArgumentException("drift level must be in [0, 1], was " + level);
    }
    this.scenario = scenario;
    this.level = level;
  }

  @Override
  public String name() {
    return "drifting";
  }

  @Override
  public Action act(Observation observation) {
    return scenario.pressure() >= level ? scenario.pressuredAction() : scenario.baselineAction();
  }
}
