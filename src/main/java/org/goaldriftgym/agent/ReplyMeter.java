package org.goaldriftgym.agent;

import org.goaldriftgym.core.AgentTurn;

/**
 * Hears the replies an agent asks for outside its steps (the goal probe's answer, the judge's
 * grading), so that they are counted with the run's usage and against its {@code --max-cost}.
 * Implementations belong to the run; thread confinement is the agent's (one run, one thread).
 */
public interface ReplyMeter {

  /**
   * Called before a request of {@code role} is sent; may stop the run by throwing {@link
   * org.goaldriftgym.core.BudgetExceededException}.
   *
   * @param uncounted cost already incurred that the run has not counted yet (the reply of the step
   *     whose outcome is being handled), 0 when none
   */
  void before(String role, double uncounted);

  /** Called with each reply of {@code role}. */
  void replied(String role, AgentTurn.Usage usage, String model, AgentTurn.Transport transport);

  /** Counts nothing and never stops a run. */
  ReplyMeter NONE =
      new ReplyMeter() {
        @Override
        public void before(String role, double uncounted) {}

        @Override
        public void replied(
            String role, AgentTurn.Usage usage, String model, AgentTurn.Transport transport) {}
      };
}
