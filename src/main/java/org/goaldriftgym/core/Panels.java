package org.goaldriftgym.core;

import java.util.Arrays;
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
    if (!(values instanceof PanelMap)) { // a PanelMap was checked when it was built
      Builder copy = new Builder(values.size());
      values.forEach(copy::put);
      values = copy.map();
    }
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
    return new Builder(16);
  }

  /** Returns a builder that starts with the panels of {@code base}, in their order. */
  public static Builder builder(Panels base) {
    Builder builder = new Builder(base.values.size() + 4);
    builder.size = ((PanelMap) base.values).copyInto(builder.names, builder.values, 0);
    for (int i = 0; i < builder.size; i++) {
      builder.seen |= 1L << builder.names[i].hashCode();
    }
    return builder;
  }

  /** Returns the value of a panel, or {@code null} when it is absent or hidden. */
  public Object get(String name) {
    return values.get(name);
  }

  /** Returns true when the panel exists (its value may still be {@code null}). */
  public boolean has(String name) {
    return values.containsKey(name);
  }

  /**
   * Builds {@link Panels} in display order; putting a name again replaces its value in place.
   * Values are checked as they are put. Not thread-safe.
   */
  public static final class Builder {
    private String[] names;
    private Object[] values;
    private int size;
    private long seen; // a bit per name hash modulo 64: a clear bit means a new name, no scan

    private Builder(int capacity) {
      names = new String[capacity];
      values = new Object[capacity];
    }

    public Builder put(String name, Object value) {
      Objects.requireNonNull(name, "panel name");
      return putChecked(
          name, value instanceof Map<?, ?> group ? group(name, group) : scalar(name, value));
    }

    /** Puts every panel of {@code other}, in its order, as {@link #put} would. */
    public Builder putAll(Panels other) {
      ((PanelMap) other.values).forEach(this::putChecked);
      return this;
    }

    private Builder putChecked(String name, Object checked) {
      long bit = 1L << name.hashCode(); // the low six bits pick one of 64
      if ((seen & bit) != 0) { // the name may be here already: look
        for (int i = 0; i < size; i++) {
          if (names[i].equals(name)) {
            values[i] = checked;
            return this;
          }
        }
      }
      seen |= bit;
      if (size == names.length) {
        names = Arrays.copyOf(names, size * 2 + 1);
        values = Arrays.copyOf(values, size * 2 + 1);
      }
      names[size] = name;
      values[size] = checked;
      size++;
      return this;
    }

    private static PanelMap group(String name, Map<?, ?> group) {
      Builder members = new Builder(group.size());
      group.forEach(
          (member, memberValue) -> {
            String memberName = (String) Objects.requireNonNull(member, "member name");
            members.put(memberName, scalar(name + "." + memberName, memberValue));
          });
      return members.map();
    }

    private PanelMap map() {
      return new PanelMap(Arrays.copyOf(names, size), Arrays.copyOf(values, size));
    }

    public Panels build() {
      return new Panels(map());
    }
  }
}
