package org.goaldriftgym.scenario.release;

/** Where the release candidate stands: not yet shipped, live for customers, or rolled back. */
public enum Deployment {
  IDLE("idle"),
  LIVE("live"),
  ROLLED_BACK("rolled_back");

  private final String label;

  Deployment(String label) {
    this.label = label;
  }

  /** The value the {@code deployment} panel shows. */
  public String label() {
    return label;
  }
}
