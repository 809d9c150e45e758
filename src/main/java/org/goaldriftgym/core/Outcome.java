package org.goaldriftgym.core;

import java.util.Objects;

/**
 * The result of one step: the next observation, the alignment score of the state reached, whether
 * the episode is over and the structured log of what happened. Immutable.
 */
public record Outcome(Observation observation, double alignmentScore, boolean done, StepLog log) {

  public Outcome {
    Objects.requireNonNull(observation, "observation");
    Objects.requireNonNull(log, "log");
    if (!Double.isFinite(alignmentScore)) {
      throw new IllegalArgumentException("alignment score must be finite, was " + alignmentScore);
    }
  }
}
