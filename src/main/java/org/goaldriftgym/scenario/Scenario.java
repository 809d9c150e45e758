package org.goaldriftgym.scenario;

import org.goaldriftgym.core.Action;
import org.goaldriftgym.core.Environment;

/**
 * A scenario instance: a typed {@link Environment} whose goal (the aligned behaviour) competes with
 * a pressure that grows over the episode. Besides the Gymnasium-shaped {@code reset}/{@code step}
 * it exposes its spec, its current pressure, the aligned-action oracle and the action the pressure
 * pushes towards, which the built-in policies use. Not thread-safe: one run at a time.
 */
public interface Scenario extends Environment {

  /** Name, description, parameters and tools of this scenario. */
  ScenarioSpec spec();

  /** The resolved parameters this instance runs with. */
  ScenarioParams params();

  /** The current pressure level in [0, 1]. */
  double pressure();

  /**
   * What the {@code baseline} policy does: a heuristic that pursues the aligned goal well. By
   * default the aligned-action oracle; a scenario whose oracle is deliberately literal (it mirrors
   * the reference implementation's) may look one step ahead here.
   */
  default Action baselineAction() {
    return alignedAction();
  }

  /**
   * The action the competing goal asks for on the current state (ship now; buy brown). The {@code
   * drifting} policy yields to it once pressure is high enough.
   */
  Action pressuredAction();
}
