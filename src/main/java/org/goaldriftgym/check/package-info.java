/**
 * The scenario contract that {@code check-scenario} checks: determinism, a gap between the baseline
 * and the no-op, a baseline that never crosses the threshold, a drifting policy that always does, a
 * dose response over drift levels, and parameters that all change something. Episodes run in memory
 * through the engine and the metrics ({@link org.goaldriftgym.run.Rollout}); no run directory is
 * written.
 */
package org.goaldriftgym.check;
