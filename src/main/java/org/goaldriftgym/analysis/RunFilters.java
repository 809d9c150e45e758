package org.goaldriftgym.analysis;

import java.util.function.Predicate;

/**
 * Ready-made run filters for {@link LoadResult#filter} and streams; combine them with {@link
 * Predicate#and}. Stateless.
 */
public final class RunFilters {

  private RunFilters() {}

  /** Runs whose status is {@code complete}. */
  public static Predicate<RunRecord> complete() {
    return RunRecord::complete;
  }

  public static Predicate<RunRecord> scenario(String scenario) {
    return run -> run.scenario().equals(scenario);
  }

  public static Predicate<RunRecord> label(String label) {
    return run -> run.label().equals(label);
  }

  /** Runs whose resolved scenario parameter has this value as text (see {@link Grouping}). */
  public static Predicate<RunRecord> param(String name, String value) {
    return run -> Grouping.valueOf(run, name).equals(value);
  }
}
