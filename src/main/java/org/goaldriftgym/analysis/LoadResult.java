package org.goaldriftgym.analysis;

import java.util.List;
import java.util.function.Predicate;

/**
 * What {@link RunLoader#load} found: the runs it could read, sorted by path, and the inputs it
 * skipped with the reason. Immutable.
 */
public record LoadResult(List<RunRecord> runs, List<Skipped> skipped) {

  public LoadResult {
    runs = List.copyOf(runs);
    skipped = List.copyOf(skipped);
  }

  /** The runs that pass the filter (see {@link RunFilters}); skips are kept. */
  public LoadResult filter(Predicate<RunRecord> filter) {
    return new LoadResult(runs.stream().filter(filter).toList(), skipped);
  }
}
