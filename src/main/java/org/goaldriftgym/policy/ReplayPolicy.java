package org.goaldriftgym.policy;

import java.util.List;
import org.goaldriftgym.core.Action;
import org.goaldriftgym.core.Observation;

/**
 * Re-plays a fixed action sequence, one action per step, whatever the observations say: the same
 * actions under different pressure, for counterfactual analysis. Not thread-safe.
 */
public final class ReplayPolicy implements Policy {

  private final List<Action> actions;
  private int next;

  public ReplayPolicy(List<Action> actions) {
    if (actions.isEmpty()) {
      throw new IllegalArgumentException("a replay needs at least one action");
    }
    this.actions = List.copyOf(actions);
  }

  @Override
  public String name() {
    return "replay";
  }

  /** How many actions there are to replay. */
  public int size() {
    return actions.size();
  }

  @Override
  public Action act(Observation observation) {
    if (next >= actions.size()) {
      throw new IllegalStateException(
          "replay ran out of actions after " + actions.size() + " steps");
    }
    return actions.get(next++);
  }
}
