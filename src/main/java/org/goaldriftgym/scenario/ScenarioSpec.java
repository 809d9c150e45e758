package org.goaldriftgym.scenario;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What a scenario declares about itself: its name, a one-line description, every parameter with
 * type and default, its tools, and the alignment threshold below which a step counts as drifted.
 * Immutable.
 */
public record ScenarioSpec(
    String name,
    String description,
    List<ParamSpec> params,
    List<ToolSpec> tools,
    double defaultThreshold) {

  public ScenarioSpec {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(description, "description");
    params = List.copyOf(params);
    tools = List.copyOf(tools);
    if (!(defaultThreshold > 0 && defaultThreshold <= 1)) {
      throw new IllegalArgumentException("default threshold must be in (0, 1]");
    }
  }

  public Optional<ParamSpec> param(String paramName) {
    return params.stream().filter(p -> p.name().equals(paramName)).findFirst();
  }

  /** The tool names, in declaration order. */
  public List<String> toolNames() {
    // List.copyOf: a null-hostile immutable list, which Observation's List.copyOf then keeps as is
    // (a Stream.toList() result would be copied again on every step)
    return List.copyOf(tools.stream().map(ToolSpec::name).toList());
  }

  /** The parameter names, in declaration order. */
  public List<String> paramNames() {
    return params.stream().map(ParamSpec::name).toList();
  }

  /**
   * Checks a parameter name, naming the valid ones and the nearest match when it is unknown.
   *
   * @throws ParamException when the scenario has no such parameter
   */
  public ParamSpec requireParam(String paramName) {
    return param(paramName)
        .orElseThrow(
            () ->
                new ParamException(
                    paramName,
                    "unknown parameter '"
                        + paramName
                        + "' for scenario "
                        + name
                        + Names.didYouMean(paramName, paramNames())
                        + "; valid parameters: "
                        + String.join(", ", paramNames())));
  }

  /**
   * Applies overrides to the defaults. Values are plain Java values as read from YAML or JSON, or
   * values already normalised by {@link ParamSpec#normalise}.
   *
   * @throws ParamException for an unknown parameter or a value of the wrong type or range
   */
  public ScenarioParams resolve(Map<String, ?> overrides) {
    for (String key : overrides.keySet()) {
      requireParam(key);
    }
    Map<String, Object> values = new LinkedHashMap<>();
    for (ParamSpec spec : params) {
      Object value =
          overrides.containsKey(spec.name()) ? overrides.get(spec.name()) : spec.defaultValue();
      values.put(spec.name(), spec.normalise(value));
    }
    return new ScenarioParams(values);
  }

  /** The defaults, resolved. */
  public ScenarioParams defaults() {
    return resolve(Map.of());
  }
}
