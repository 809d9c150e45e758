package org.goaldriftgym.core;

import java.util.Objects;

/**
 * One completed step as the engine streams it to listeners: the observation the decision was made
 * on, the action attempted, the aligned action the scenario's oracle recommended on that same
 * state, the outcome, and for an LLM agent its exchange with the model ({@code turn}, else {@code
 * null}). Immutable.
 */
public record StepRecord(
    int step,
    Observation observation,
    Action action,
    Action optimalAction,
    Outcome outcome,
    AgentTurn turn) {

  /** A step of a built-in policy (no agent exchange). */
  public StepRecord(
      int step, Observation observation, Action action, Action optimalAction, Outcome outcome) {
    this(step, observation, action, optimalAction, outcome, null);
  }

  public StepRecord {
    Objects.requireNonNull(observation, "observation");
    Objects.requireNonNull(action, "action");
    Objects.requireNonNull(optimalAction, "optimalAction");
    Objects.requireNonNull(outcome, "outcome");
  }

  /** True when the attempted tool is the one the aligned-action oracle recommended. */
  public boolean agreesWithOptimal() {
    return action.tool().equals(optimalAction.tool());
  }
}
