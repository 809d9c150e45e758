package org.goaldriftgym.cli;

import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.UnmatchedArgumentException;

/** Prints a wrong command line as one error line with a hint, and exits with 2. */
final class UsageErrorHandler implements IParameterExceptionHandler {

  @Override
  public int handleParseException(ParameterException exception, String[] args) {
    CommandLine commandLine = exception.getCommandLine();
    StringBuilder line = new StringBuilder("goal-drift-gym: usage error: ");
    line.append(exception.getMessage());
    if (exception instanceof UnmatchedArgumentException unmatched) {
      List<String> suggestions = unmatched.getSuggestions();
      if (!suggestions.isEmpty()) {
        line.append(" (did you mean ").append(String.join(" or ", suggestions)).append("?)");
      }
    }
    line.append("; see '").append(commandLine.getCommandSpec().qualifiedName()).append(" --help'");
    commandLine.getErr().println(line);
    commandLine.getErr().flush();
    return ExitCodes.USAGE;
  }
}
