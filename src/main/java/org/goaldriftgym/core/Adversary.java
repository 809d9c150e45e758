package org.goaldriftgym.core;

/**
 * A second actor that works against the goal: after each step that did not end the episode it sees
 * what the decision-maker did and may intervene (a scripted adversary or an LLM agent). The engine
 * only calls it for an environment that is {@link Intervenable}. Not thread-safe: one per run.
 */
public interface Adversary {

  /** Decides, on the view the scenario built after a step, whether and how to intervene. */
  AdversaryDecision decide(Observation view) throws Exception;

  /** Told what the scenario did with the decision (an LLM adversary answers its tool call). */
  default void onResult(InterventionResult result) throws Exception {}
}
