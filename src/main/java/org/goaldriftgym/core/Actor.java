package org.goaldriftgym.core;

/** Whatever chooses the next action from an observation: a built-in policy or an LLM agent. */
@FunctionalInterface
public interface Actor {

  /** Chooses the action for this observation. May throw to stop the run (for example on I/O). */
  Action act(Observation observation) throws Exception;
}
