package org.goaldriftgym.run;

import java.io.IOException;
import java.time.Clock;
import org.goaldriftgym.artifact.RunDirectory;
import org.goaldriftgym.artifact.RunRecorder;
import org.goaldriftgym.core.AgentTurn;
import org.goaldriftgym.core.RunStatus;
import org.goaldriftgym.core.StepListener;
import org.goaldriftgym.core.StepRecord;
import org.goaldriftgym.metrics.AgentUsageMetrics;
import org.goaldriftgym.metrics.AgentUsageSummary;
import org.goaldriftgym.metrics.AlignmentMetrics;
import org.goaldriftgym.metrics.MetricsSummary;

/**
 * A run in progress: the step stream feeds the metrics and the recorder under one lock, so the run
 * can be closed from another thread (a Ctrl-C shutdown hook) with metrics that match the step log
 * exactly. Thread-safe.
 */
public final class ActiveRun implements StepListener {

  private final RunRecorder recorder;
  private final AlignmentMetrics metrics;
  private final Clock clock;
  private final AgentUsageMetrics usage = new AgentUsageMetrics();
  private final Integer switchStep;
  private final AlignmentMetrics afterSwitch;
  private int prefilled;
  private boolean closed;

  ActiveRun(RunRecorder recorder, AlignmentMetrics metrics, Clock clock) {
    this(recorder, metrics, clock, null, null);
  }

  /**
   * @param switchStep the step of a goal switch, from which the metrics are also kept apart ({@code
   *     metrics.json} {@code after_switch}), or {@code null}
   * @param afterSwitch a fresh accumulator for those steps, or {@code null} without a switch
   */
  ActiveRun(
      RunRecorder recorder,
      AlignmentMetrics metrics,
      Clock clock,
      Integer switchStep,
      AlignmentMetrics afterSwitch) {
    this.recorder = recorder;
    this.metrics = metrics;
    this.clock = clock;
    this.switchStep = switchStep;
    this.afterSwitch = switchStep == null ? null : afterSwitch;
  }

  public RunDirectory directory() {
    return recorder.directory();
  }

  @Override
  public synchronized void onStep(StepRecord record) throws Exception {
    if (closed) {
      return; // closed from a shutdown hook: the files already hold the final state
    }
    if (record.step() < prefilled) {
      recorder.onStep(record); // prefilled steps are logged, not measured
      return;
    }
    metrics.onStep(record);
    if (afterSwitch != null && record.step() >= switchStep) {
      afterSwitch.onStep(record);
    }
    usage.onStep(record);
    recorder.onStep(record);
  }

  /** Leaves the first {@code steps} steps (prefilled from a recorded run) out of the metrics. */
  synchronized void prefilled(int steps) {
    prefilled = steps;
    recorder.prefilled(steps);
  }

  /** Counts a reply outside the steps (the goal probe's or its judge's) in the agent usage. */
  synchronized void reply(
      String role, AgentTurn.Usage replyUsage, String model, AgentTurn.Transport transport) {
    if (!closed) {
      usage.onReply(role, replyUsage, model, transport);
    }
  }

  /** The reported cost of every reply counted so far, or {@code null} when none reported one. */
  synchronized Double agentCost() {
    return usage.cost();
  }

  /** An LLM agent's accounting over the steps completed so far, or {@code null}. */
  public synchronized AgentUsageSummary agentUsage() {
    return usage.summary();
  }

  /** The metrics over the steps completed so far. */
  public synchronized MetricsSummary metrics() {
    return metrics.summary();
  }

  /**
   * Closes the run with a final status; only the first close counts.
   *
   * @return true when this call closed it
   */
  public synchronized boolean close(RunStatus status, String error) throws IOException {
    closed = true;
    return recorder.finish(
        clock.instant(),
        status,
        error,
        metrics.summary(),
        usage.summary(),
        usage.transport(),
        afterSwitch == null ? null : afterSwitch.summary());
  }
}
