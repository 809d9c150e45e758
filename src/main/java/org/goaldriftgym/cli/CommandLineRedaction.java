package org.goaldriftgym.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Hides secrets in a command line before it is recorded: the value of any {@code key=value} whose
 * key looks secret (key, token, secret, password, authorization), whether it stands alone or
 * follows a flag.
 */
final class CommandLineRedaction {

  private static final Pattern SECRET_KEY =
      Pattern.compile(".*(key|token|secret|password|passwd|authorization).*");

  private CommandLineRedaction() {}

  static List<String> redact(List<String> args) {
    List<String> redacted = new ArrayList<>();
    for (String arg : args) {
      int equals = arg.indexOf('=');
      if (equals > 0) {
        String key = arg.substring(0, equals).toLowerCase(Locale.ROOT);
        if (key.startsWith("--")) {
          redacted.add(arg);
          continue;
        }
        if (SECRET_KEY.matcher(key).matches() && !key.endsWith("_env")) {
          redacted.add(arg.substring(0, equals + 1) + "***");
          continue;
        }
      }
      redacted.add(arg);
    }
    return redacted;
  }
}
