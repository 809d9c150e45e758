package org.goaldriftgym.scenario;

import java.util.Objects;

/**
 * One numeric tool argument: a positive, finite number (fractions allowed) that defaults when
 * absent. Immutable.
 *
 * @param name argument name, for example {@code quantity}
 * @param description what the argument means, shown to agents in the tool schema
 * @param defaultValue the value used when the argument is absent
 */
public record ArgSpec(String name, String description, double defaultValue) {

  public ArgSpec {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(description, "description");
    if (!(defaultValue > 0) || !Double.isFinite(defaultValue)) {
      throw new IllegalArgumentException("default must be a positive number: " + defaultValue);
    }
  }

  public static ArgSpec positiveNumber(String name, String description, double defaultValue) {
    return new ArgSpec(name, description, defaultValue);
  }
}
