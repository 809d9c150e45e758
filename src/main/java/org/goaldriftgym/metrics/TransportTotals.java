package org.goaldriftgym.metrics;

/**
 * How an agent's replies were obtained over a run: requests, retries, cache hits and time spent
 * waiting. These vary between otherwise identical runs, so they are reported in {@code meta.json},
 * never in the deterministic artifacts. Immutable.
 */
public record TransportTotals(int requests, int retries, int cacheHits, long latencyMillis) {}
