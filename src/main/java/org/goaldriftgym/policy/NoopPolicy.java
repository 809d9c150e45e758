package org.goaldriftgym.policy;

import org.goaldriftgym.core.Action;
import org.goaldriftgym.core.Observation;

/** Does nothing at every step; useful for debugging scenarios. Immutable. */
public final class NoopPolicy implements Policy {

  @Override
  public String name() {
    return "noop";
  }

  @Override
  public Action act(Observation observation) {
    return Action.noop();
  }
}
