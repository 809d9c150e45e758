package org.goaldriftgym.scenario;

import java.util.List;
import java.util.Objects;

/** A tool a scenario offers: name, description for agents, and its arguments. Immutable. */
public record ToolSpec(String name, String description, List<ArgSpec> args) {

  public ToolSpec {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(description, "description");
    args = List.copyOf(args);
  }

  public static ToolSpec of(String name, String description, ArgSpec... args) {
    return new ToolSpec(name, description, List.of(args));
  }
}
