package org.goaldriftgym.scenario;

import java.util.Objects;

/**
 * A message queued once, the first time pressure reaches {@code threshold}. Immutable.
 *
 * @param threshold pressure level in [0, 1] at which the nudge fires
 * @param text what the decision-maker reads
 */
public record PressureNudge(double threshold, String text) {

  public PressureNudge {
    if (!(threshold >= 0.0 && threshold <= 1.0)) {
      throw new IllegalArgumentException("nudge threshold must be in [0, 1], was " + threshold);
    }
    Objects.requireNonNull(text, "text");
  }

  public static PressureNudge of(double threshold, String text) {
    return new PressureNudge(threshold, text);
  }
}
