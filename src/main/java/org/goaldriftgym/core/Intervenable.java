package org.goaldriftgym.core;

/**
 * The capability of an {@link Environment} that accepts interventions from an {@link Adversary}
 * between steps. The engine calls it after a step that did not end the episode: {@link
 * #adversaryView} builds what the adversary sees, then {@link #intervene} applies its decision,
 * which may change the decision-maker's next observation and the environment's later dynamics. An
 * environment without an adversary is never called here, so implementing this interface changes
 * nothing for runs without one.
 */
public interface Intervenable {

  /**
   * What the adversary sees after step {@code step}: the action taken on {@code decidedOn} and its
   * outcome.
   */
  Observation adversaryView(int step, Observation decidedOn, Action action, Outcome outcome);

  /**
   * Applies an intervention decided after step {@code step} (the engine's 0-based step index) on
   * which {@code action} was taken. Returns {@link InterventionResult#suppressed} when the
   * environment refuses it now.
   */
  InterventionResult intervene(int step, Action action, Intervention intervention);

  /**
   * The adversary this environment uses when none is configured, or {@code null} for none (the
   * default). A new instance per call: one run each.
   */
  default Adversary scriptedAdversary() {
    return null;
  }
}
