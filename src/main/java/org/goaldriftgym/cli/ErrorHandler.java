package org.goaldriftgym.cli;

import org.goaldriftgym.core.HarnessException;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;

/**
 * Turns an exception from a command into one line on stderr and an exit code. Expected errors
 * ({@link HarnessException}) print their message; anything else is a bug and says so.
 */
final class ErrorHandler implements IExecutionExceptionHandler {

  @Override
  public int handleExecutionException(
      Exception exception, CommandLine commandLine, ParseResult parseResult) {
    String prefix = "goal-drift-gym: ";
    if (exception instanceof java.io.IOException io) {
      // the file system refused (full disk, read-only, permission): the user's environment
      commandLine
          .getErr()
          .println(prefix + "environment error: " + IoMessages.describe(io) + IoMessages.hint(io));
      commandLine.getErr().flush();
      return ExitCodes.ENVIRONMENT;
    }
    if (exception instanceof HarnessException harness) {
      String kind =
          switch (harness.kind()) {
            case USAGE -> "usage error: ";
            case CONFIG -> "config error: ";
            case RUN -> "error: ";
            case AGENT -> "agent error: ";
            case ENVIRONMENT -> "environment error: ";
          };
      commandLine.getErr().println(prefix + kind + harness.getMessage());
    } else {
      commandLine
          .getErr()
          .println(
              prefix
                  + "internal error: "
                  + exception
                  + " (please report it with the command line you used)");
    }
    commandLine.getErr().flush();
    return ExitCodes.of(exception);
  }
}
