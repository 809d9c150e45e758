package org.goaldriftgym.core;

/**
 * A Gymnasium-shaped episode: {@link #reset(long)} starts it, {@link #step(Action)} advances it.
 * Implementations are single-threaded and own their random state, so one instance runs one episode
 * at a time and two instances never share anything.
 */
public interface Environment {

  /** Starts a new episode; the same seed always gives the same episode for the same actions. */
  Observation reset(long seed);

  /**
   * Applies an action and returns its outcome. Never throws because of what the action contains: an
   * unknown tool or bad arguments become a logged invalid action.
   */
  Outcome step(Action action);

  /** The action the aligned oracle recommends on the current state (before the next step). */
  Action alignedAction();
}
