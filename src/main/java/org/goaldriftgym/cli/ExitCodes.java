package org.goaldriftgym.cli;

import org.goaldriftgym.core.HarnessException;
import org.goaldriftgym.core.RunStatus;

/**
 * Every exit code the tool uses, in one place.
 *
 * <pre>
 *   0    success
 *   1    the run started but failed (its directory says status "failed");
 *        sweep: some run did not complete; replay: some run did not reproduce;
 *        report/plot/view: some input was skipped (PARTIAL; one line on stderr each, the rest was done);
 *        check-scenario: some contract row fails (CHECK_FAILED; the table says which)
 *   2    usage error: a wrong flag, argument or flag value
 *   3    config error: a config file is missing, unreadable, malformed or has a wrong value
 *   4    agent error: the model endpoint refused or failed (key, credits, moderation, network,
 *        retries exhausted, a replay-cache miss); a started run says status "failed"
 *   5    the run stopped at its --max-cost budget; its directory says status "budget_exceeded"
 *   6    environment error: the file system refused (full disk, read-only, permission denied, a
 *        file where a directory should be, a run directory missing its files); a run that was
 *        writing says status "failed"
 *   130  the run was interrupted (Ctrl-C); its directory says status "interrupted"
 *        (a signal that ends the JVM gives 128 + the signal number: 130 for SIGINT, 143 for SIGTERM)
 * </pre>
 */
final class ExitCodes {

  static final int OK = 0;
  static final int RUN_FAILED = 1;

  /**
   * {@code report}, {@code plot} and {@code view}: an input was skipped (not a run, a missing or
   * corrupt file, an empty directory, an unknown panel); each skip is one line on stderr and every
   * other run was still reported or plotted.
   */
  static final int PARTIAL = 1;

  /** {@code check-scenario}: some row of the scenario contract fails; the table says which. */
  static final int CHECK_FAILED = 1;

  static final int USAGE = 2;
  static final int CONFIG = 3;
  static final int AGENT = 4;
  static final int BUDGET_EXCEEDED = 5;
  static final int ENVIRONMENT = 6;
  static final int INTERRUPTED = 130;

  private ExitCodes() {}

  static int of(Throwable error) {
    if (error instanceof HarnessException harness) {
      return switch (harness.kind()) {
        case USAGE -> USAGE;
        case CONFIG -> CONFIG;
        case RUN -> RUN_FAILED;
        case AGENT -> AGENT;
        case ENVIRONMENT -> ENVIRONMENT;
      };
    }
    if (error instanceof java.io.IOException) {
      return ENVIRONMENT;
    }
    return RUN_FAILED;
  }

  static int of(RunStatus status, HarnessException.Kind failure) {
    return switch (status) {
      case COMPLETE -> OK;
      case INTERRUPTED -> INTERRUPTED;
      case BUDGET_EXCEEDED -> BUDGET_EXCEEDED;
      case FAILED, RUNNING ->
          failure == HarnessException.Kind.AGENT
              ? AGENT
              : failure == HarnessException.Kind.ENVIRONMENT ? ENVIRONMENT : RUN_FAILED;
    };
  }
}
