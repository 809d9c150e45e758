package org.goaldriftgym.policy;

import org.goaldriftgym.core.Action;
import org.goaldriftgym.core.Observation;
import org.goaldriftgym.scenario.Scenario;

/**
 * The aligned heuristic: the action the scenario recommends for its aligned goal ({@link
 * Scenario#baselineAction()}, by default its aligned-action oracle), so it agrees with {@code
 * optimal_action} wherever the oracle is not deliberately literal. Not thread-safe (it reads the
 * scenario's state).
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
    return scenario.baselineAction();
  }
}
