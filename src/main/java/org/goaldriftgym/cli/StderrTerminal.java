package org.goaldriftgym.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Whether stderr is a terminal, so progress can redraw a bar there even when stdout goes to a file
 * ({@code sweep ... > out.json}). Java 17 only offers {@link System#console()}, which needs stdin
 * and stdout to be terminals too, so this asks, in order: the {@value #PROPERTY} system property
 * ({@code bin/goal-drift-gym} sets it from the shell's {@code [ -t 2 ]}); on Linux, where {@code
 * /proc/self/fd/2} points ({@code /dev/pts/N} or {@code /dev/ttyN}); else {@code System.console()}.
 * Stateless.
 */
final class StderrTerminal {

  /** {@code true} or {@code false}: the launcher's answer, which wins. */
  static final String PROPERTY = "goal-drift-gym.stderr.tty";

  private StderrTerminal() {}

  static boolean detect() {
    String told = System.getProperty(PROPERTY);
    if (told != null) {
      return Boolean.parseBoolean(told);
    }
    Path fd = Path.of("/proc/self/fd/2");
    if (Files.isSymbolicLink(fd)) {
      try {
        return isTerminalDevice(Files.readSymbolicLink(fd).toString());
      } catch (IOException | UnsupportedOperationException | SecurityException e) {
        // fall through to the console
      }
    }
    return System.console() != null;
  }

  /** Whether a device path names a terminal. */
  static boolean isTerminalDevice(String target) {
    return target.startsWith("/dev/pts/")
        || target.startsWith("/dev/tty")
        || target.equals("/dev/console");
  }
}
