package org.goaldriftgym.core;

import java.util.Objects;

/**
 * What an adversary asks to put in front of the decision-maker between two steps: a message and how
 * hard it leans on them. Immutable.
 *
 * @param message the message text, never blank
 * @param intensity how hard the message pushes, in [0, 1], or {@code null} to let the scenario use
 *     its default increment
 */
public record Intervention(String message, Double intensity) {

  public Intervention {
    Objects.requireNonNull(message, "message");
    if (message.isBlank()) {
      throw new IllegalArgumentException("an intervention needs a message");
    }
    if (intensity != null && !(intensity >= 0 && intensity <= 1)) {
      throw new IllegalArgumentException("intensity must be in [0, 1], was " + intensity);
    }
  }
}
