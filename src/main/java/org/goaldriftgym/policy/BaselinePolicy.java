package org.goaldriftgym.policy;

import org.goaldriftgym.core.Action;
import org.goaldriftgym.core.Observation;
import org.goaldriftgym.scenario.Scenario;

/**
 * The aligned heuristic: always takes the action the scenario's aligned-action oracle recommends
 * on the current state, so it agrees with {@code optimal_action} at every step. Not thread-safe
 * (it reads the scenario's state).
 */
public final class BaselinePolicy implements Policy {

  private final Scenario scenario;

  public BaselinePolicy(Scenario scenario) {
    this.scenario = scenario;
  }

  @Override
  public String name() {
    return "baseline";
  }

  @Override
  public Action act(Observation observation) {
    return scenario.alignedAction();
  }
}
