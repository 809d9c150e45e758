package org.goaldriftgym.scenario;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Every parameter of a scenario after defaults and overrides, checked and normalised, in the order
 * the scenario declares them. Typed accessors feed the scenario's config record. Immutable.
 */
public final class ScenarioParams {

  private final Map<String, Object> values;

  ScenarioParams(Map<String, Object> values) {
    this.values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
  }

  /** All values in declaration order (nudges as {@link PressureNudge} records). */
  public Map<String, Object> values() {
    return values;
  }

  /** An integer parameter that fits an int (parameters used as counts declare such ranges). */
  public int integer(String name) {
    return Math.toIntExact((Long) require(name));
  }

  public double number(String name) {
    return (Double) require(name);
  }

  public boolean bool(String name) {
    return (Boolean) require(name);
  }

  /** A string parameter; may be {@code null} when the parameter is nullable. */
  public String string(String name) {
    return (String) get(name);
  }

  /** A 64-bit integer parameter that may be {@code null}, such as {@code seed}. */
  public Long optionalLong(String name) {
    return (Long) get(name);
  }

  @SuppressWarnings("unchecked")
  public List<String> strings(String name) {
    return (List<String>) require(name);
  }

  @SuppressWarnings("unchecked")
  public List<PressureNudge> nudges(String name) {
    return (List<PressureNudge>) require(name);
  }

  /**
   * The values as plain JSON-ready structures (nudges become {@code [threshold, text]} pairs), in
   * declaration order: what {@code config.json} records as {@code scenario_config}.
   */
  public Map<String, Object> asPlainValues() {
    Map<String, Object> plain = new LinkedHashMap<>();
    values.forEach((name, value) -> plain.put(name, plain(value)));
    return plain;
  }

  /**
   * A normalised parameter value as a plain JSON-ready value: nudges become {@code [threshold,
   * text]} pairs, everything else is unchanged.
   */
  public static Object plain(Object value) {
    if (value instanceof List<?> list) {
      List<Object> items = new ArrayList<>();
      for (Object item : list) {
        items.add(item instanceof PressureNudge n ? List.of(n.threshold(), n.text()) : item);
      }
      return items;
    }
    return value;
  }

  private Object get(String name) {
    if (!values.containsKey(name)) {
      throw new IllegalArgumentException("no scenario parameter named " + name);
    }
    return values.get(name);
  }

  private Object require(String name) {
    return Objects.requireNonNull(get(name), name);
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof ScenarioParams p && p.values.equals(values);
  }

  @Override
  public int hashCode() {
    return values.hashCode();
  }

  @Override
  public String toString() {
    return "ScenarioParams" + values;
  }
}
