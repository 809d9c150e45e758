package org.goaldriftgym.cli;

import picocli.CommandLine.Option;

/** {@code -v/--verbose}: one progress line per step on stderr. */
final class VerbosityMixin {

  @Option(
      names = {"-v", "--verbose"},
      description = "Print a progress line for every step on stderr.")
  boolean verbose;
}
