package org.goaldriftgym.run;

import java.math.BigDecimal;
import java.util.Locale;
import org.goaldriftgym.agent.LlmAgent;
import org.goaldriftgym.agent.ReplyMeter;
import org.goaldriftgym.core.AgentTurn;
import org.goaldriftgym.core.BudgetExceededException;
import org.goaldriftgym.core.HarnessException;

/**
 * Counts an agent's replies outside its steps (goal probe, judge) in the run's usage, and holds
 * them to the run's {@code --max-cost} as the steps are held: a request is not sent once the
 * reported cost has passed the budget (the run stops {@code budget_exceeded} with its steps kept:
 * at once after the episode; during it, once the step being handled is recorded, by the step's own
 * budget check), and a reply without a usable cost stops the run as a step's would. Not
 * thread-safe: one per run.
 */
final class RunMeter implements ReplyMeter {

  private final ActiveRun run;
  private final Double maxCost;

  /**
   * @param maxCost the run's budget, or {@code null} for none
   */
  RunMeter(ActiveRun run, Double maxCost) {
    this.run = run;
    this.maxCost = maxCost;
  }

  @Override
  public boolean before(String role, Double pending) {
    if (maxCost == null) {
      return true;
    }
    Double counted = run.agentCost();
    double spent = (counted == null ? 0 : counted) + (pending == null ? 0 : pending);
    if (spent <= maxCost) {
      return true;
    }
    if (pending != null) {
      return false; // the step being handled passed it: its budget check stops the run
    }
    throw new BudgetExceededException(
        String.format(
            Locale.ROOT,
            "the reported cost %.6f passed the budget --max-cost %s before %s; the run stopped"
                + " with its steps kept and without it (raise --max-cost to go further)",
            spent,
            budget(maxCost),
            what(role)));
  }

  @Override
  public void replied(
      String role, AgentTurn.Usage usage, String model, AgentTurn.Transport transport) {
    run.reply(role, usage, model, transport);
    if (maxCost != null && (usage == null || usage.cost() == null)) {
      throw new HarnessException(
          HarnessException.Kind.AGENT,
          "the endpoint reported no usable cost for "
              + what(role)
              + " (usage.cost missing, negative or not a finite number), so --max-cost cannot be"
              + " enforced; use an endpoint that reports usage.cost (OpenRouter does) or drop"
              + " --max-cost");
    }
  }

  /**
   * Stops the run when the replies after the last step passed the budget, as a step's reply that
   * passes it does.
   */
  void afterProbes() {
    if (maxCost == null) {
      return;
    }
    Double cost = run.agentCost();
    if (cost != null && cost > maxCost) {
      throw new BudgetExceededException(
          String.format(
              Locale.ROOT,
              "the reported cost %.6f passed the budget --max-cost %s with the goal probe; the"
                  + " run's steps and probe are kept (raise --max-cost to stay within it)",
              cost,
              budget(maxCost)));
    }
  }

  private static String what(String role) {
    return role.equals(LlmAgent.JUDGE_ROLE)
        ? "the judge model's grading of the goal probe"
        : "the goal probe";
  }

  static String budget(double maxCost) {
    return BigDecimal.valueOf(maxCost).stripTrailingZeros().toPlainString();
  }
}
