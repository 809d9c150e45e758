package org.goaldriftgym.analysis;

import java.nio.file.Path;
import java.util.Objects;

/**
 * An input that was not used, and why: a path that does not exist, a directory with no run beneath
 * it, a run with a missing or corrupt file, a panel that a run does not have. Immutable.
 *
 * @param path the path the problem is about
 * @param reason what is wrong, as a phrase ("meta.json is missing")
 */
public record Skipped(Path path, String reason) {

  public Skipped {
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(reason, "reason");
  }

  /** {@code <path>: <reason>}, the form used for one line on stderr. */
  public String message() {
    return path + ": " + reason;
  }
}
