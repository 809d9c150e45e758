package org.goaldriftgym.sweep;

import java.util.Objects;
import java.util.Set;
import org.goaldriftgym.core.RunConfig;

/**
 * One run of a sweep, before planning: its position in the full cross product, the config as {@code
 * run} would build it from the same file and flags, the label and which values came from flags.
 * Immutable.
 *
 * @param index position in the unsharded cross product, from 0
 * @param label the {@code --label}, or {@code null} for the run's default label
 */
public record SweepItem(int index, RunConfig config, String label, Set<String> fromFlags) {

  public SweepItem {
    if (index < 0) {
      throw new IllegalArgumentException("index must be >= 0, was " + index);
    }
    Objects.requireNonNull(config, "config");
    fromFlags = Set.copyOf(fromFlags);
  }
}
