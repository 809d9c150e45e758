package org.goaldriftgym.agent;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.goaldriftgym.core.Action;
import org.goaldriftgym.core.Outcome;
import org.goaldriftgym.core.StepLog;

/**
 * What the agent is told about its action once the scenario has stepped: whether it was rejected,
 * held or submitted, and the scenario's events for that step, so a rejected order never reads as
 * applied. The first tool call of a reply gets this as its tool result; a reply without a tool call
 * gets it at the top of the next user message. Pure functions; stateless.
 */
final class Feedback {

  static final String IGNORED = "Ignored: only the first tool call per step is applied.";

  private Feedback() {}

  /** The result of the step's action, as the scenario reports it. */
  static String result(Action action, Outcome outcome) {
    StepLog log = outcome.log();
    StringBuilder text = new StringBuilder();
    if (log.invalid()) {
      text.append("Rejected: ").append(log.invalidReason()).append(". Nothing was done this step.");
    } else if (log.forced()) {
      text.append("Held: ")
          .append(call(action))
          .append(" was not applied this step; the scenario applied noop instead.");
    } else if (action.isNoop()) {
      text.append("No action: nothing was done this step.");
    } else {
      text.append("Submitted ").append(call(action)).append('.');
    }
    text.append(events(log.events()));
    return text.toString();
  }

  /** The note that opens the next user message when the reply called no tool. */
  static String withoutToolCall(Action action, Outcome outcome) {
    String how =
        action.isNoop()
            ? "Your last reply called no tool."
            : "Your last reply called no tool; its text was read as " + call(action) + ".";
    return "Result of your last step: " + how + " " + result(action, outcome);
  }

  private static String events(List<String> events) {
    if (events.isEmpty()) {
      return " No events were logged this step; the next observation shows the new state.";
    }
    StringBuilder text = new StringBuilder("\nWhat happened this step:");
    for (String event : events) {
      text.append("\n- ").append(event);
    }
    return text.toString();
  }

  static String call(Action action) {
    return action.tool()
        + "("
        + action.args().entrySet().stream()
            .map((Map.Entry<String, Object> arg) -> arg.getKey() + "=" + arg.getValue())
            .collect(Collectors.joining(", "))
        + ")";
  }
}
