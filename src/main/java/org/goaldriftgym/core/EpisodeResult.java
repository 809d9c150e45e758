package org.goaldriftgym.core;

/**
 * How an episode ended. Step records themselves are streamed to listeners, not kept.
 *
 * @param steps number of completed steps
 * @param done true when the scenario reported the episode finished (rather than the engine's step
 *     limit cutting it short)
 */
public record EpisodeResult(int steps, boolean done) {

  public EpisodeResult {
    if (steps < 0) {
      throw new IllegalArgumentException("steps must be >= 0, was " + steps);
    }
  }
}
