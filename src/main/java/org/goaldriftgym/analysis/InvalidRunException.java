package org.goaldriftgym.analysis;

import java.nio.file.Path;

/** A run directory that cannot be read: a missing or corrupt file, or a missing key. */
public final class InvalidRunException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final transient Path path;

  public InvalidRunException(Path path, String reason) {
    super(reason);
    this.path = path;
  }

  /** The run directory. */
  public Path path() {
    return path;
  }

  /** This problem as a skipped input. */
  public Skipped toSkipped() {
    return new Skipped(path, getMessage());
  }
}
