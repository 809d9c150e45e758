package org.goaldriftgym.agent;

import java.util.Locale;

/**
 * How observations are rendered for an LLM agent: {@code annotated} (the scenario's own text, which
 * judges the state for the agent and shows the pressure) or {@code raw} (facts only; see {@link
 * RawView}). A view, never a change to the scenario: both modes run the same episode. Immutable.
 */
public enum ObservationMode {
  ANNOTATED,
  RAW;

  /** The default, which keeps existing runs, hashes and golden files unchanged. */
  public static final ObservationMode DEFAULT = ANNOTATED;

  /** The name in configs and on the command line. */
  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * Parses {@code raw} or {@code annotated}.
   *
   * @throws AgentOptionException for any other text
   */
  public static ObservationMode parse(String text) {
    for (ObservationMode mode : values()) {
      if (mode.wireName().equals(text)) {
        return mode;
      }
    }
    throw new AgentOptionException(
        "observation_mode",
        "observation_mode (--observation-mode) must be raw or annotated, got '" + text + "'");
  }
}
