package org.goaldriftgym.scenario;

/** A scenario parameter that is unknown or has a wrong value; names the parameter. */
public final class ParamException extends IllegalArgumentException {

  private static final long serialVersionUID = 1L;

  private final String param;

  public ParamException(String param, String message) {
    super(message);
    this.param = param;
  }

  /** The offending parameter's name. */
  public String param() {
    return param;
  }
}
