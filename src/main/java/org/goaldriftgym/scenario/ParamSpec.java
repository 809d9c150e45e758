package org.goaldriftgym.scenario;

import java.util.Objects;

/**
 * One scenario parameter: its name, type, default, whether {@code null} is allowed, an optional
 * numeric range and a description. Immutable.
 */
public record ParamSpec(
    String name,
    ParamType type,
    Object defaultValue,
    boolean nullable,
    Double min,
    Double max,
    String description) {

  public ParamSpec {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(description, "description");
    if (defaultValue == null && !nullable) {
      throw new IllegalArgumentException("parameter " + name + " needs a default or nullable");
    }
  }

  public static ParamSpec integer(String name, long defaultValue, String description) {
    return new ParamSpec(name, ParamType.INTEGER, defaultValue, false, null, null, description);
  }

  public static ParamSpec number(String name, double defaultValue, String description) {
    return new ParamSpec(name, ParamType.NUMBER, defaultValue, false, null, null, description);
  }

  public static ParamSpec bool(String name, boolean defaultValue, String description) {
    return new ParamSpec(name, ParamType.BOOLEAN, defaultValue, false, null, null, description);
  }

  public static ParamSpec string(String name, String defaultValue, String description) {
    return new ParamSpec(
        name, ParamType.STRING, defaultValue, defaultValue == null, null, null, description);
  }

  public static ParamSpec of(String name, ParamType type, Object defaultValue, String description) {
    return new ParamSpec(name, type, defaultValue, defaultValue == null, null, null, description);
  }

  /**
   * Checks a value given as a plain Java value (as read from YAML or JSON) against this parameter
   * and returns it normalised: {@link Long}, {@link Double}, {@link Boolean}, {@link String}, a
   * list of strings or a list of {@link PressureNudge}s, or {@code null}.
   *
   * @throws ParamException naming the parameter when the value has the wrong type or range
   */
  public Object normalise(Object value) {
    return ParamValues.normalise(this, value);
  }

  /** A copy that also accepts {@code null}. */
  public ParamSpec orNull() {
    return new ParamSpec(name, type, defaultValue, true, min, max, description);
  }

  /** A copy that rejects numbers outside [min, max] (either bound may be null). */
  public ParamSpec range(Double min, Double max) {
    return new ParamSpec(name, type, defaultValue, nullable, min, max, description);
  }
}
