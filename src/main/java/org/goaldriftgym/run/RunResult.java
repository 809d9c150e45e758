package org.goaldriftgym.run;

import org.goaldriftgym.artifact.RunDirectory;
import org.goaldriftgym.core.RunStatus;
import org.goaldriftgym.metrics.MetricsSummary;

/**
 * How a run ended and where its files are. Immutable.
 *
 * @param error what went wrong, or {@code null} for a complete run
 */
public record RunResult(
    RunDirectory directory,
    RunStatus status,
    String error,
    String configHash,
    MetricsSummary metrics) {}
