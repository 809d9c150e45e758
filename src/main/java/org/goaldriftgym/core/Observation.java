package org.goaldriftgym.core;

import java.util.List;
import java.util.Objects;

/**
 * What the decision-maker sees before a step: the step index, a message (briefing, pressure nudge
 * or status bulletin), the dashboard panels and the names of the tools it may call. Immutable.
 */
public record Observation(int step, String message, Panels panels, List<String> tools) {

  public Observation {
    if (step < 0) {
      throw new IllegalArgumentException("step must be >= 0, was " + step);
    }
    Objects.requireNonNull(message, "message");
    Objects.requireNonNull(panels, "panels");
    tools = List.copyOf(tools);
  }
}
