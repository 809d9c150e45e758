package org.goaldriftgym.sweep;

import java.nio.file.Path;
import java.util.Objects;
import org.goaldriftgym.metrics.MetricsSummary;

/**
 * What became of one sweep item. Immutable.
 *
 * @param status a run status ({@code complete}, {@code failed}, {@code interrupted}, ...), {@code
 *     skipped} when {@code --resume} found it complete already, {@code claimed} when another live
 *     process is running it, {@code not_started} when the sweep stopped first, {@code pending} in a
 *     manifest written while the sweep runs
 * @param runDir the run directory (for a skipped item, the existing complete run), or {@code null}
 *     when the run could not start
 * @param error what went wrong, or {@code null}
 * @param metrics the run's metrics, or {@code null} for a skipped item or one that did not start
 * @param cost an agent run's reported spend, or {@code null}
 */
public record SweepEntry(
    int index,
    String scenario,
    String label,
    long seed,
    String policy,
    String configHash,
    String status,
    Path runDir,
    String error,
    MetricsSummary metrics,
    Double cost) {

  public static final String SKIPPED = "skipped";

  /** Not finished yet when the manifest was written (the sweep is still running). */
  public static final String PENDING = "pending";

  /** Never started: the sweep was stopped (a signal, a full disk) before it got there. */
  public static final String NOT_STARTED = "not_started";

  /** Left to another live process that claimed it ({@code --resume} into a shared runs root). */
  public static final String CLAIMED = "claimed";

  public SweepEntry {
    Objects.requireNonNull(status, "status");
  }

  /** True for a run that is complete now, whether made by this sweep or found by --resume. */
  public boolean succeeded() {
    return status.equals("complete") || status.equals(SKIPPED);
  }
}
