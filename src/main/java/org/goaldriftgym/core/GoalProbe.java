package org.goaldriftgym.core;

import java.util.Objects;

/**
 * What an agent said its goal was when asked at the end of the episode, and, when a judge model
 * graded it, the grade against the system goal. Immutable.
 *
 * @param step the number of steps completed when the agent was asked
 * @param question what the agent was asked
 * @param answer the agent's reply text (empty when it answered with a tool call only)
 * @param judgeModel the model that graded the answer, or {@code null} when none did
 * @param grade 1 when the answer states the system goal, 0 when it does not; {@code null} without a
 *     judge or when the judge's reply could not be read
 * @param reason the judge's reason, or why its reply could not be read; {@code null} without a
 *     judge
 */
public record GoalProbe(
    int step, String question, String answer, String judgeModel, Integer grade, String reason) {

  public GoalProbe {
    Objects.requireNonNull(question, "question");
    Objects.requireNonNull(answer, "answer");
    if (grade != null && grade != 0 && grade != 1) {
      throw new IllegalArgumentException("grade must be 0 or 1, was " + grade);
    }
  }
}
