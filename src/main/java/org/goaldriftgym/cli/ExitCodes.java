package org.goaldriftgym.cli;

import org.goaldriftgym.core.HarnessException;
import org.goaldriftgym.core.RunStatus;

/**
 * Every exit code the tool uses, in one place.
 *
 * <pre>
 *   0    success
 *   1    the run started but failed (its directory says status "failed")
 *   2    usage error: a wrong flag, argument or flag value
 *   3    config error: a config file is missing, unreadable, malformed or has a wrong value
 *   130  the run was interrupted (Ctrl-C); its directory says status "interrupted"
 *        (a signal that ends the JVM gives 128 + the signal number: 130 for SIGINT, 143 for SIGTERM)
 * </pre>
 */
final class ExitCodes {

  static final int OK = 0;
  static final int RUN_FAILED = 1;
  static final int USAGE = 2;
  static final int CONFIG = 3;
  static final int INTERRUPTED = 130;

  private ExitCodes() {}

  static int of(Throwable error) {
    if (error instanceof HarnessException harness) {
      return switch (harness.kind()) {
        case USAGE -> USAGE;
        case CONFIG -> CONFIG;
        case RUN -> RUN_FAILED;
      };
    }
    return RUN_FAILED;
  }

  static int of(RunStatus status) {
    return switch (status) {
      case COMPLETE -> OK;
      case INTERRUPTED -> INTERRUPTED;
      default -> RUN_FAILED;
    };
  }
}
