package org.goaldriftgym.agent;

/**
 * Caps how many requests are in flight at once across all agents that share it (a sweep's {@code
 * --max-concurrency}), and backs off when the endpoint rate-limits: each 429 or 503 halves the cap
 * (never below 1), and every run of successes as long as the cap raises it by one again, up to the
 * configured maximum. Thread-safe.
 */
public final class RequestLimiter {

  private final int max;
  private int limit;
  private int inFlight;
  private int successes;

  /** A limiter that starts at, and never exceeds, {@code max} requests in flight. */
  public RequestLimiter(int max) {
    if (max < 1) {
      throw new IllegalArgumentException("--max-concurrency must be >= 1, was " + max);
    }
    this.max = max;
    this.limit = max;
  }

  /** A limiter that never waits. */
  public static RequestLimiter unlimited() {
    return new RequestLimiter(Integer.MAX_VALUE);
  }

  /** Waits for a free slot. */
  public synchronized void acquire() throws InterruptedException {
    while (inFlight >= limit) {
      wait();
    }
    inFlight++;
  }

  /**
   * Frees a slot and adapts the cap.
   *
   * @param rateLimited true when the endpoint answered 429 or 503
   */
  public synchronized void release(boolean rateLimited) {
    inFlight--;
    if (rateLimited) {
      limit = Math.max(1, limit / 2);
      successes = 0;
    } else if (limit < max && ++successes >= limit) {
      limit++;
      successes = 0;
    }
    notifyAll();
  }

  /** The current cap. */
  public synchronized int limit() {
    return limit;
  }
}
