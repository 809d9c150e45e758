package org.goaldriftgym.cli;

import java.io.PrintWriter;
import java.io.Writer;
import picocli.CommandLine.Option;

/**
 * {@code -q/--quiet}, on every command: no progress, notes or summaries on stderr. Errors and
 * warnings that explain a non-zero exit code (a skipped run, a failed run) are still printed;
 * stdout is unchanged.
 */
final class QuietMixin {

  @Option(
      names = {"-q", "--quiet"},
      description = "No progress or notes on stderr (errors and skipped inputs are still shown).")
  boolean quiet;

  /** Where informational lines go: {@code err}, or nowhere with {@code --quiet}. */
  PrintWriter info(PrintWriter err) {
    return quiet ? new PrintWriter(Writer.nullWriter()) : err;
  }
}
