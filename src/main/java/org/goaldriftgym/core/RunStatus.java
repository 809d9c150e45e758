package org.goaldriftgym.core;

import java.util.Locale;

/** How a run stands or ended, as {@code meta.json} records it. */
public enum RunStatus {
  RUNNING,
  COMPLETE,
  FAILED,
  INTERRUPTED,
  BUDGET_EXCEEDED;

  /** The lower-case name used in files, for example {@code budget_exceeded}. */
  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }
}
