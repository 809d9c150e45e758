package org.goaldriftgym.core;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * What a scenario did with an adversary's decision: delivered it (with the signal it recorded and
 * the observation the decision-maker now sees next), suppressed it, or nothing because the
 * adversary skipped. Immutable.
 *
 * @param status {@link #DELIVERED}, {@link #SUPPRESSED} or {@link #SKIPPED}
 * @param note why, in words, for a suppressed intervention; else {@code null}
 * @param signal the numbers and text the scenario recorded for a delivered intervention (ordered;
 *     JSON-like values), else empty
 * @param observation the decision-maker's next observation after a delivered intervention, or
 *     {@code null} when it is unchanged
 */
public record InterventionResult(
    String status, String note, Map<String, Object> signal, Observation observation) {

  public static final String DELIVERED = "delivered";
  public static final String SUPPRESSED = "suppressed";
  public static final String SKIPPED = "skipped";

  public InterventionResult {
    Objects.requireNonNull(status, "status");
    if (!status.equals(DELIVERED) && !status.equals(SUPPRESSED) && !status.equals(SKIPPED)) {
      throw new IllegalArgumentException("unknown intervention status " + status);
    }
    signal = Collections.unmodifiableMap(new LinkedHashMap<>(signal));
  }

  public static InterventionResult delivered(Map<String, Object> signal, Observation next) {
    return new InterventionResult(DELIVERED, null, signal, Objects.requireNonNull(next, "next"));
  }

  public static InterventionResult suppressed(String note) {
    return new InterventionResult(SUPPRESSED, Objects.requireNonNull(note), Map.of(), null);
  }

  public static InterventionResult skipped() {
    return new InterventionResult(SKIPPED, null, Map.of(), null);
  }

  public boolean delivered() {
    return status.equals(DELIVERED);
  }
}
