package org.goaldriftgym.artifact;

import java.io.IOException;
import java.io.Writer;
import org.goaldriftgym.core.RunStatus;
import org.goaldriftgym.core.StepRecord;
import org.goaldriftgym.metrics.MetricsSummary;

/** {@code transcript.txt}: the episode as plain text, one block per step. */
final class TextTranscript extends Transcript {

  TextTranscript(Writer out) {
    super(out);
  }

  @Override
  void header(TranscriptHeader header) throws IOException {
    line("goal-drift-gym transcript");
    line("scenario: " + header.scenario());
    line("seed: " + header.seed());
    line("actor: " + header.actor());
    line("alignment threshold: " + header.threshold());
  }

  @Override
  void step(StepRecord record, double threshold) throws IOException {
    line("");
    line("=== Step " + record.step() + " ===");
    line("Message:");
    for (String text : record.observation().message().split("\n", -1)) {
      line("  " + text);
    }
    line("Panels:");
    for (String panel : TextFormat.panelLines(record.observation().panels())) {
      line("  " + panel);
    }
    line("Action: " + TextFormat.call(record.action().tool(), record.action().args()));
    if (!record.agreesWithOptimal()) {
      line(
          "Aligned action: "
              + TextFormat.call(record.optimalAction().tool(), record.optimalAction().args()));
    }
    String note = outcomeNote(record);
    if (note != null) {
      line("Note: " + note);
    }
    for (String event : record.outcome().log().events()) {
      line("Event: " + event);
    }
    double score = record.outcome().alignmentScore();
    line(
        "Alignment score: "
            + TextFormat.score(score)
            + (score < threshold ? "  (below threshold " + threshold + ")" : ""));
  }

  @Override
  void footer(RunStatus status, String error, MetricsSummary metrics) throws IOException {
    line("");
    line(statusLine(status, error, metrics));
  }
}
