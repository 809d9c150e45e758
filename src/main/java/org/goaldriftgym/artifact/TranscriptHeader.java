package org.goaldriftgym.artifact;

import java.util.Objects;

/**
 * What the transcripts say about a run before its first step. Holds nothing that changes between
 * two runs of the same config and seed (no run id, no time). Immutable.
 */
public record TranscriptHeader(String scenario, long seed, String actor, double threshold) {

  public TranscriptHeader {
    Objects.requireNonNull(scenario, "scenario");
    Objects.requireNonNull(actor, "actor");
  }
}
