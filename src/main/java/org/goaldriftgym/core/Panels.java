package org.goaldriftgym.core;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The dashboard an observation shows: an ordered, immutable view of named values produced from a
 * scenario's typed state. A value is {@code null} (hidden or not yet known), a {@link Boolean}, a
 * {@link Number}, a {@link String} or a group: an ordered map of such scalar values under names
 * (for example the last adversary signal's intensity and the action it answered).
 */
public record Panels(Map<String, Object> values) {

  public Panels {
    Objects.requireNonNull(values, "values");
    LinkedHashMap<String, Object> copy = new LinkedHashMap<>();
    values.forEach(
        (name, value) -> {
          Objects.requireNonNull(name, "panel name");
          if (value instanceof Map<?, ?> group) {
            LinkedHashMap<String, Object> members = new LinkedHashMap<>();
            group.forEach(
                (member, memberValue) -> {
                  String memberName = (String) Objects.requireNonNull(member, "member name");
                  members.put(memberName, scalar(name + "." + memberName, memberValue));
                });
            copy.put(name, Collections.unmodifiableMap(members));
          } else {
            copy.put(name, scalar(name, value));
          }
        });
    values = Collections.unmodifiableMap(copy);
  }

  private static Object scalar(String name, Object value) {
    if (value != null
        && !(value instanceof Boolean)
        && !(value instanceof Number)
        && !(value instanceof String)) {
      throw new IllegalArgumentException(
          "panel " + name + " has unsupported type " + value.getClass().getSimpleName());
    }
    return value;
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
