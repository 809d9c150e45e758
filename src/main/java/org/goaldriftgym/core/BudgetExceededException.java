package org.goaldriftgym.core;

/** Stops a run cleanly when its spending passes the configured limit. */
public final class BudgetExceededException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public BudgetExceededException(String message) {
    super(message);
  }
}
