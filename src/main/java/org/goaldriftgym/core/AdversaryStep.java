package org.goaldriftgym.core;

import java.util.Objects;

/**
 * The adversary's part of one step: the view it decided on, its decision and what the environment
 * did with it. Immutable.
 */
public record AdversaryStep(
    Observation view, AdversaryDecision decision, InterventionResult result) {

  public AdversaryStep {
    Objects.requireNonNull(view, "view");
    Objects.requireNonNull(decision, "decision");
    Objects.requireNonNull(result, "result");
  }
}
