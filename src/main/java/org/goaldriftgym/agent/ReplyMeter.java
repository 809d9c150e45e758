package org.goaldriftgym.agent;

import org.goaldriftgym.core.AgentTurn;

/**
 * Hears the replies an agent asks for outside its steps (the goal probe's answer, the judge's
 * grading), so that they are counted with the run's usage and against its {@code --max-cost}.
 * Implementations belong to the run; thread confinement is the agent's (one run, one thread).
 */
public interface ReplyMeter {

  /**
   * Called before a request of {@code role} is sent.
   *
   * @param pending during the episode, the cost of the step being handled, which the run counts
   *     once that step is recorded (0 when it reported none); {@code null} after the episode
   * @return whether to send it; {@code false} only during the episode, when the budget is passed
   *     with the pending step, whose own budget check stops the run once the step is recorded
   * @throws org.goaldriftgym.core.BudgetExceededException after the episode, when the budget is
   *     passed
   */
  boolean before(String role, Double pending);

  /** Called with each reply of {@code role}. */
  void replied(String role, AgentTurn.Usage usage, String model, AgentTurn.Transport transport);

  /** Counts nothing and never stops a run. */
  ReplyMeter NONE =
      new ReplyMeter() {
        @Override
        public boolean before(String role, Double pending) {
          return true;
        }

        @Override
        public void replied(
            String role, AgentTurn.Usage usage, String model, AgentTurn.Transport transport) {}
      };
}
