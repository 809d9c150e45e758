package org.goaldriftgym.policy;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.goaldriftgym.scenario.Names;

/**
 * A parsed {@code --policy} value: {@code baseline}, {@code noop}, {@code drifting} or {@code
 * drifting:<level>}, {@code replay:<path>}. Immutable.
 *
 * @param kind one of {@link #KINDS}
 * @param argument the text after the first colon, or {@code null}
 */
public record PolicySpec(String kind, String argument) {

  public static final List<String> KINDS = List.of("baseline", "noop", "drifting", "replay");

  public PolicySpec {
    Objects.requireNonNull(kind, "kind");
  }

  /**
   * Parses a policy value.
   *
   * @throws IllegalArgumentException with a message naming the valid policies
   */
  public static PolicySpec parse(String text) {
    String trimmed = text.trim();
    int colon = trimmed.indexOf(':');
    String kind = (colon < 0 ? trimmed : trimmed.substring(0, colon)).toLowerCase(Locale.ROOT);
    String argument = colon < 0 ? null : trimmed.substring(colon + 1);
    if (!KINDS.contains(kind)) {
      throw new IllegalArgumentException(
          "unknown policy '"
              + text
              + "'"
              + Names.didYouMean(kind, KINDS)
              + "; valid policies: baseline, noop, drifting[:level], replay:<path>");
    }
    if (kind.equals("replay") && (argument == null || argument.isBlank())) {
      throw new IllegalArgumentException(
          "policy replay needs a path: replay:<run-dir or step_log.jsonl or actions.jsonl>");
    }
    if ((kind.equals("baseline") || kind.equals("noop")) && argument != null) {
      throw new IllegalArgumentException("policy " + kind + " takes no argument, got " + text);
    }
    if (kind.equals("drifting") && argument != null) {
      driftLevel(argument);
    }
    return new PolicySpec(kind, argument);
  }

  /** The drift level of a {@code drifting} policy. */
  public double driftLevel() {
    return argument == null ? DriftingPolicy.DEFAULT_LEVEL : driftLevel(argument);
  }

  private static double driftLevel(String argument) {
    try {
      double level = Double.parseDouble(argument);
      if (level >= 0 && level <= 1) {
        return level;
      }
    } catch (NumberFormatException e) {
      // fall through to the message below
    }
    throw new IllegalArgumentException(
        "drifting level must be a number in [0, 1] (for example drifting:0.5), got " + argument);
  }

  @Override
  public String toString() {
    return argument == null ? kind : kind + ":" + argument;
  }
}
