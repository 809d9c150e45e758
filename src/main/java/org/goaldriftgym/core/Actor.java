package org.goaldriftgym.core;

/** Whatever chooses the next action from an observation: a built-in policy or an LLM agent. */
@FunctionalInterface
public interface Actor {

  /** Chooses the action for this observation. May throw to stop the run (for example on I/O). */
  Action act(Observation observation) throws Exception;

  /**
   * Chooses the action and says how: an LLM agent overrides this to return its exchange with the
   * model. The engine calls this method.
   */
  default Decision decide(Observation observation) throws Exception {
    return Decision.of(act(observation));
  }

  /**
   * Told what came of the action it just chose: the engine calls this after every step, with the
   * outcome as recorded (an LLM agent answers its tool calls with it). Default: nothing.
   */
  default void onOutcome(Outcome outcome) throws Exception {}
}
