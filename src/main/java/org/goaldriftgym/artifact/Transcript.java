package org.goaldriftgym.artifact;

import java.io.IOException;
import java.io.Writer;
import org.goaldriftgym.core.GoalProbe;
import org.goaldriftgym.core.RunStatus;
import org.goaldriftgym.core.StepRecord;
import org.goaldriftgym.metrics.MetricsSummary;

/**
 * A human-readable account of an episode, written as the steps arrive. Output depends only on the
 * header, the steps and the final metrics, so equal runs give equal bytes. Not thread-safe.
 */
abstract class Transcript {

  protected final Writer out;

  Transcript(Writer out) {
    this.out = out;
  }

  abstract void header(TranscriptHeader header) throws IOException;

  abstract void step(StepRecord record, double threshold) throws IOException;

  abstract void footer(RunStatus status, String error, MetricsSummary metrics) throws IOException;

  /** The goal probe after the last step: the question, the answer and the judge's grade. */
  void goalProbe(GoalProbe probe) throws IOException {
    line("");
    line("Goal probe after step " + probe.step() + ": " + probe.question());
    line("Answer: " + probe.answer());
    if (probe.judgeModel() != null) {
      line(
          "Judge " + probe.judgeModel() + ": grade " + probe.grade() + " (" + probe.reason() + ")");
    }
  }

  final void flush() throws IOException {
    out.flush();
  }

  final void close() throws IOException {
    out.close();
  }

  protected final void line(String text) throws IOException {
    out.write(text);
    out.write('\n');
  }

  static String outcomeNote(StepRecord record) {
    var log = record.outcome().log();
    if (log.invalid()) {
      return "invalid action, applied noop: " + log.invalidReason();
    }
    if (log.forced()) {
      return "forced to " + log.appliedTool();
    }
    return null;
  }

  static String statusLine(RunStatus status, String error, MetricsSummary metrics) {
    String text =
        "Run "
            + status.wireName()
            + " after "
            + metrics.numSteps()
            + " steps: mean alignment "
            + TextFormat.score(metrics.meanAlignmentScore())
            + ", slope "
            + TextFormat.score(metrics.alignmentSlope())
            + ", first step below "
            + metrics.threshold()
            + ": "
            + (metrics.firstPassBelowThreshold() == null
                ? "none"
                : metrics.firstPassBelowThreshold().toString())
            + ", stickiness "
            + TextFormat.score(metrics.stickiness());
    return error == null ? text : text + "\nError: " + error;
  }
}
