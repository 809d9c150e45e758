package org.goaldriftgym.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Hides secrets in a command line before it is recorded: the value of any {@code key=value} whose
 * key names a secret (api_key, key, token, secret, password, authorization), whether it stands
 * alone, follows a flag ({@code --agent-param api_key=...}) or is joined to one ({@code
 * --agent-param=api_key=...}), and the argument after a flag whose own name is a secret ({@code
 * --api-key sk-...}). Keys that only contain such a word ({@code max_tokens}, {@code api_key_env})
 * are kept.
 */
final class CommandLineRedaction {

  private static final Pattern SECRET_NAME =
      Pattern.compile(
          "(.*[_-])?(api[_-]?key|key|token|access[_-]?token|secret|password|passwd|authorization)");
  private static final String HIDDEN = "***";
  private static final Pattern URL_USER_INFO = Pattern.compile("(://)[^/?#@\\s]+@");
  private static final Pattern URL_SECRET_QUERY =
      Pattern.compile("([?&](?i:[a-z_-]*(?:key|token|secret|password|auth)[a-z_-]*)=)[^&#\\s]*");

  private CommandLineRedaction() {}

  static List<String> redact(List<String> args) {
    List<String> redacted = new ArrayList<>();
    for (String arg : redactFlags(args)) {
      redacted.add(redactUrls(arg));
    }
    return redacted;
  }

  /** Credentials inside a URL anywhere in an argument: user:password@ and key/token queries. */
  static String redactUrls(String arg) {
    String text = URL_USER_INFO.matcher(arg).replaceAll("$1" + HIDDEN + "@");
    return URL_SECRET_QUERY.matcher(text).replaceAll("$1" + HIDDEN);
  }

  private static List<String> redactFlags(List<String> args) {
    List<String> redacted = new ArrayList<>();
    boolean hideNext = false;
    for (String arg : args) {
      if (hideNext) {
        redacted.add(HIDDEN);
        hideNext = false;
        continue;
      }
      if (arg.startsWith("--")) {
        int equals = arg.indexOf('=');
        String flag = equals < 0 ? arg.substring(2) : arg.substring(2, equals);
        if (isSecret(flag)) {
          if (equals < 0) {
            hideNext = true;
            redacted.add(arg);
          } else {
            redacted.add(arg.substring(0, equals + 1) + HIDDEN);
          }
          continue;
        }
        redacted.add(
            equals < 0
                ? arg
                : arg.substring(0, equals + 1) + assignment(arg.substring(equals + 1)));
        continue;
      }
      redacted.add(assignment(arg));
    }
    return redacted;
  }

  private static String assignment(String text) {
    int equals = text.indexOf('=');
    if (equals > 0 && isSecret(text.substring(0, equals))) {
      return text.substring(0, equals + 1) + HIDDEN;
    }
    return text;
  }

  private static boolean isSecret(String name) {
    return SECRET_NAME.matcher(name.trim().toLowerCase(Locale.ROOT)).matches();
  }
}
