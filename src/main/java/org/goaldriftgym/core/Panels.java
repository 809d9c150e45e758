package org.goaldriftgym.core;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The dashboard an observation shows: an ordered, immutable view of named values produced from a
 * scenario's typed state. A value is {@code null} (hidden or not yet known), a {@link Boolean}, a
 * {@link Number} or a {@link String}.
 */
public record Panels(Map<String, Object> values) {

  public Panels {
    Objects.requireNonNull(values, "values");
    LinkedHashMap<String, Object> copy = new LinkedHashMap<>();
    values.forEach(
        (name, value) -> {
          Objects.requireNonNull(name, "panel name");
          if (value != null
              && !(value instanceof Boolean)
              && !(value instanceof Number)
              && !(value instanceof String)) {
            throw new IllegalArgumentException(
                "panel " + name + " has unsupported type " + value.getClass().getSimpleName());
          }
          copy.put(name, value);
        });
    values = Collections.unmodifiableMap(copy);
  }

  /** Returns a builder that keeps panels in insertion order. */
  public static Builder builder() {
    return new Builder();
  }

  /** Returns the value of a panel, or {@code null} when it is absent or hidden. */
  public Object get(String name) {
    return values.get(name);
  }

  /** Returns true when the panel exists (its value may still be {@code null}). */
  public boolean has(String name) {
    return values.containsKey(name);
  }

  /** Builds {@link Panels} in display order. Not thread-safe. */
  public static final class Builder {
    private final LinkedHashMap<String, Object> values = new LinkedHashMap<>();

    private Builder() {}

    public Builder put(String name, Object value) {
      values.put(name, value);
      return this;
    }

    public Panels build() {
      return new Panels(values);
    }
  }
}
