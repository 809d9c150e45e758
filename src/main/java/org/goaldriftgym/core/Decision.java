package org.goaldriftgym.core;

import java.util.Objects;

/**
 * What an actor decided on one observation: the action, and for an LLM agent the exchange that
 * produced it ({@code null} for built-in policies). Immutable.
 */
public record Decision(Action action, AgentTurn turn) {

  public Decision {
    Objects.requireNonNull(action, "action");
  }

  /** A decision with no agent exchange behind it. */
  public static Decision of(Action action) {
    return new Decision(action, null);
  }
}
