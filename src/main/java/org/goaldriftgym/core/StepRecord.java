package org.goaldriftgym.core;

import java.util.Objects;

/**
 * One completed step as the engine streams it to listeners: the observation the decision was made
 * on, the action attempted, the aligned action the scenario's oracle recommended on that same
 * state, and the outcome. Immutable.
 */
public record StepRecord(
    int step, Observation observation, Action action, Action optimalAction, Outcome outcome) {

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
