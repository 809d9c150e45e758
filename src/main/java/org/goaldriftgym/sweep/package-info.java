/**
 * Many runs in one JVM: the cross product of configs, seeds, policies, models and parameter values
 * ({@link org.goaldriftgym.sweep.SweepPlan}), sharded deterministically, executed in parallel
 * exactly as {@code run} would execute each one ({@link org.goaldriftgym.sweep.SweepRunner}),
 * resumable, and recorded in a manifest.
 */
package org.goaldriftgym.sweep;
