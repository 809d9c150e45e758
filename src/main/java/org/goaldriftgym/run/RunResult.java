package org.goaldriftgym.run;

import org.goaldriftgym.artifact.RunDirectory;
import org.goaldriftgym.core.HarnessException;
import org.goaldriftgym.core.RunStatus;
import org.goaldriftgym.metrics.AgentUsageSummary;
import org.goaldriftgym.metrics.MetricsSummary;

/**
 * How a run ended and where its files are. Immutable.
 *
 * @param error what went wrong, or {@code null} for a complete run
 * @param agentUsage an LLM agent's accounting, or {@code null} for built-in policies
 * @param failureKind for a failed run stopped by a {@link HarnessException}, its kind (for example
 *     {@code AGENT}); otherwise {@code null}
 */
public record RunResult(
    RunDirectory directory,
    RunStatus status,
    String error,
    String configHash,
    MetricsSummary metrics,
    AgentUsageSummary agentUsage,
    HarnessException.Kind failureKind) {}
