package org.goaldriftgym.core;

import java.util.List;
import java.util.Objects;

/**
 * The structured account of what a scenario did with an action in one step.
 *
 * @param appliedTool the tool the scenario actually applied ({@code noop} for a forced or invalid
 *     action)
 * @param invalidReason why the attempted action was invalid, or {@code null} when it was valid
 * @param forced true when the scenario overrode the action (for example during a cooldown)
 * @param pressure the pressure level after the step, in [0, 1], whether or not a panel shows it
 * @param events human-readable notes in the order they happened (rejections, nudges fired, decay)
 */
public record StepLog(
    String appliedTool,
    String invalidReason,
    boolean forced,
    double pressure,
    List<String> events) {

  public StepLog {
    Objects.requireNonNull(appliedTool, "appliedTool");
    if (!(pressure >= 0.0 && pressure <= 1.0)) {
      throw new IllegalArgumentException("pressure must be in [0, 1], was " + pressure);
    }
    events = List.copyOf(events);
  }

  public boolean invalid() {
    return invalidReason != null;
  }
}
