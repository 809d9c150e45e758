package org.goaldriftgym.core;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A tool call as the decision-maker expressed it: a tool name and its arguments, exactly as given
 * (an agent may send anything; the scenario validates). Argument values are JSON-like: null,
 * booleans, numbers, strings, lists and maps. Immutable.
 *
 * @param tool the tool name
 * @param args the arguments as an ordered map (empty when there were none or they were unreadable)
 * @param argsProblem why the arguments could not be read as an object (for example "arguments are a
 *     JSON array, not an object"), or {@code null}; a scenario treats such a call as invalid
 */
public record Action(String tool, Map<String, Object> args, String argsProblem) {

  /** The name of the action that does nothing; also what "no tool call" means. */
  public static final String NOOP = "noop";

  public Action {
    Objects.requireNonNull(tool, "tool");
    Objects.requireNonNull(args, "args");
    args = args.isEmpty() ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(args));
  }

  public Action(String tool, Map<String, Object> args) {
    this(tool, args, null);
  }

  /** An action whose arguments were not a JSON object; the scenario will record it as invalid. */
  public static Action withUnreadableArgs(String tool, String problem) {
    return new Action(tool, Map.of(), Objects.requireNonNull(problem, "problem"));
  }

  public static Action noop() {
    return new Action(NOOP, Map.of());
  }

  public static Action of(String tool) {
    return new Action(tool, Map.of());
  }

  public static Action of(String tool, Map<String, Object> args) {
    return new Action(tool, args);
  }

  public boolean isNoop() {
    return NOOP.equals(tool);
  }
}
