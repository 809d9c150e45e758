package org.goaldriftgym.scenario;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * An {@link org.goaldriftgym.core.Action} checked against a scenario's tools: either a valid call
 * with its numeric arguments resolved, or an invalid one with the reason. Immutable.
 */
public sealed interface ToolCall {

  /** The tool the decision-maker asked for. */
  String tool();

  /**
   * A call to an offered tool (or {@code noop}) with every argument a positive finite number.
   *
   * @param args argument values, defaults filled in, in declaration order
   * @param notes anything worth logging that did not make the call invalid (ignored arguments)
   */
  record Valid(String tool, Map<String, Double> args, List<String> notes) implements ToolCall {
    public Valid {
      Objects.requireNonNull(tool, "tool");
      args = args.isEmpty() ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(args));
      notes = List.copyOf(notes);
    }

    /** The value of a numeric argument. */
    public double number(String name) {
      Double value = args.get(name);
      if (value == null) {
        throw new IllegalArgumentException(tool + " has no argument " + name);
      }
      return value;
    }
  }

  /** A call the scenario cannot apply; the step becomes {@code noop} and records the reason. */
  record Invalid(String tool, String reason) implements ToolCall {
    public Invalid {
      Objects.requireNonNull(tool, "tool");
      Objects.requireNonNull(reason, "reason");
    }
  }
}
