package org.goaldriftgym.cli;

import picocli.CommandLine;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParameterException;

/** Prints a wrong command line as one error line plus a hint, and exits with 2. */
final class UsageErrorHandler implements IParameterExceptionHandler {

  @Override
  public int handleParseException(ParameterException exception, String[] args) {
    CommandLine commandLine = exception.getCommandLine();
    commandLine.getErr().println("goal-drift-gym: usage error: " + exception.getMessage());
    CommandLine.UnmatchedArgumentException.printSuggestions(exception, commandLine.getErr());
    commandLine
        .getErr()
        .println("Try '" + commandLine.getCommandSpec().qualifiedName() + " --help'.");
    commandLine.getErr().flush();
    return ExitCodes.USAGE;
  }
}
