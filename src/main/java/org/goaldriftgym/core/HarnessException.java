package org.goaldriftgym.core;

/**
 * An error the user can act on, with a one-line message that names the problem and the fix. The
 * {@link Kind} decides the process exit code.
 */
public class HarnessException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  /** What kind of failure this is; each maps to one documented exit code. */
  public enum Kind {
    /** A command-line flag or argument is wrong (exit 2). */
    USAGE,
    /** A config file is missing, unreadable, malformed or has a wrong value (exit 3). */
    CONFIG,
    /** The run started but could not finish (exit 1). */
    RUN,
    /**
     * The agent's endpoint refused or failed: a missing or rejected key, no credits, moderation, an
     * unreachable server, retries exhausted, a replay cache miss (exit 4).
     */
    AGENT,
    /**
     * The user's environment refused: a full disk, a read-only file system, missing permission, a
     * file where a directory should be, a run directory missing its files (exit 6).
     */
    ENVIRONMENT
  }

  private final Kind kind;

  public HarnessException(Kind kind, String message) {
    super(message);
    this.kind = kind;
  }

  public HarnessException(Kind kind, String message, Throwable cause) {
    super(message, cause);
    this.kind = kind;
  }

  public static HarnessException usage(String message) {
    return new HarnessException(Kind.USAGE, message);
  }

  public static HarnessException config(String message) {
    return new HarnessException(Kind.CONFIG, message);
  }

  /** An environment error (exit 6) that keeps its I/O cause. */
  public static HarnessException environment(String message, Throwable cause) {
    return new HarnessException(Kind.ENVIRONMENT, message, cause);
  }

  public Kind kind() {
    return kind;
  }
}
