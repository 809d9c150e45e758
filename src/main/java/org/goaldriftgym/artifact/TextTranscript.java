package org.goaldriftgym.artifact;

import java.io.IOException;
import java.io.Writer;
import org.goaldriftgym.core.AdversaryStep;
import org.goaldriftgym.core.AgentTurn;
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
    AgentTurn turn = record.turn();
    if (turn != null) {
      block("Reasoning:", turn.reasoning());
      block("Reply:", turn.content());
      for (AgentTurn.ToolCallRecord call : turn.toolCalls()) {
        line("Tool call: " + call.name() + " " + call.arguments());
      }
      line(
          "Interpretation: "
              + turn.interpretation()
              + (turn.note() == null ? "" : " (" + turn.note() + ")"));
      line("Usage: " + TextFormat.usage(turn));
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
    AdversaryStep adversary = record.adversary();
    if (adversary != null) {
      line("--- Adversary ---");
      AgentTurn adversaryTurn = adversary.decision().turn();
      if (adversaryTurn != null) {
        block("Reasoning:", adversaryTurn.reasoning());
      }
      if (adversary.decision().intervention() != null) {
        block("Message:", adversary.decision().intervention().message());
      }
      line("Action: " + TextFormat.call(adversary.decision().tool(), adversary.decision().args()));
      if (adversaryTurn != null) {
        line("Usage: " + TextFormat.usage(adversaryTurn));
      }
      line("Result: " + TextFormat.intervention(adversary.result()));
    }
  }

  private void block(String title, String text) throws IOException {
    if (text == null || text.isBlank()) {
      return;
    }
    line(title);
    for (String textLine : text.split("\n", -1)) {
      line("  " + textLine);
    }
  }

  @Override
  void footer(RunStatus status, String error, MetricsSummary metrics) throws IOException {
    line("");
    line(statusLine(status, error, metrics));
  }
}
