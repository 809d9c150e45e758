package org.goaldriftgym.core;

import java.util.Objects;

/**
 * One completed step as the engine streams it to listeners: the observation the decision was made
 * on, the action attempted, the aligned action the scenario's oracle recommended on that same
 * state, the outcome, for an LLM agent its exchange with the model ({@code turn}, else {@code
 * null}), the scenario's judgement of the action ({@code judgement}, {@code null} when the scenario
 * does not judge) and the adversary's part of the step ({@code adversary}, {@code null} when no
 * adversary acted after it). Immutable.
 */
public record StepRecord(
    int step,
    Observation observation,
    Action action,
    Action optimalAction,
    Outcome outcome,
    AgentTurn turn,
    DriftJudgement judgement,
    AdversaryStep adversary) {

  /** A step of a built-in policy (no agent exchange), not judged. */
  public StepRecord(
      int step, Observation observation, Action action, Action optimalAction, Outcome outcome) {
    this(step, observation, action, optimalAction, outcome, null, null, null);
  }

  /** A step without an adversary. */
  public StepRecord(
      int step,
      Observation observation,
      Action action,
      Action optimalAction,
      Outcome outcome,
      AgentTurn turn,
      DriftJudgement judgement) {
    this(step, observation, action, optimalAction, outcome, turn, judgement, null);
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
