package org.goaldriftgym.agent;

import java.util.Objects;

/** A bad agent type or parameter, naming the parameter at fault. Never carries a secret. */
public final class AgentOptionException extends IllegalArgumentException {

  private static final long serialVersionUID = 1L;

  private final String param;

  public AgentOptionException(String param, String message) {
    super(message);
    this.param = Objects.requireNonNull(param, "param");
  }

  /** The parameter at fault ({@code type} for the agent type). */
  public String param() {
    return param;
  }
}
