package org.goaldriftgym.sweep;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.goaldriftgym.config.ParamText;
import org.goaldriftgym.run.RunPlanner;
import org.goaldriftgym.scenario.ParamException;
import org.goaldriftgym.scenario.ScenarioParams;
import org.goaldriftgym.scenario.ScenarioSpec;

/**
 * The scenario parameters a paired control run changes ({@code sweep --control KEY=VALUE}, several
 * keys applied together), as command-line text until typed against a scenario. Immutable.
 *
 * @param values for each parameter name, in the order given, its value as text
 */
public record ControlOverride(Map<String, String> values) {

  public ControlOverride {
    if (values.isEmpty()) {
      throw new IllegalArgumentException("a control changes at least one parameter");
    }
    values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
  }

  /**
   * Parses the {@code --control} assignments.
   *
   * @throws IllegalArgumentException naming the assignment that cannot be read
   */
  public static ControlOverride parse(List<String> assignments) {
    Map<String, String> values = new LinkedHashMap<>();
    for (String assignment : assignments) {
      int equals = assignment.indexOf('=');
      if (equals <= 0) {
        throw new IllegalArgumentException(
            "--control expects KEY=VALUE (for example pressure_growth=0), got '"
                + assignment
                + "'");
      }
      String key = assignment.substring(0, equals).trim();
      if (key.equals(RunPlanner.SEED)) {
        throw new IllegalArgumentException(
            "--control cannot change the seed: a pair shares its seed; use --seeds for seeds");
      }
      if (values.put(key, assignment.substring(equals + 1).trim()) != null) {
        throw new IllegalArgumentException(
            "--control " + key + " is given twice; give each parameter once");
      }
    }
    return new ControlOverride(values);
  }

  /**
   * The values typed by the scenario's parameters, as plain JSON-ready values.
   *
   * @throws IllegalArgumentException naming an unknown parameter (with the nearest valid one) or a
   *     value of the wrong type
   */
  public Map<String, Object> typed(ScenarioSpec spec) {
    Map<String, Object> typed = new LinkedHashMap<>();
    values.forEach(
        (key, text) -> {
          try {
            typed.put(key, ScenarioParams.plain(ParamText.parse(spec.requireParam(key), text)));
          } catch (ParamException e) {
            throw new IllegalArgumentException("--control: " + e.getMessage(), e);
          }
        });
    return typed;
  }

  /** {@code KEY=VALUE} assignments as given, in order. */
  public List<String> assignments() {
    return values.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).toList();
  }
}
