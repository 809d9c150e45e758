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

  /**
   * Judges an action on the current state, before it is applied (the engine calls this between
   * {@link #alignedAction()} and {@link #step(Action)}): whether it is an act of drift (it serves
   * the pressure against the goal) or an omission (the goal required a corrective action and this
   * is another). Must not change the state or draw random numbers. The default, {@code null}, says
   * the environment does not judge; its runs then report no commission or omission shares.
   */
  default DriftJudgement judge(Action action) {
    return null;
  }
}
