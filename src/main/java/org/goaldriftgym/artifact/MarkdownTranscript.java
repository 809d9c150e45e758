package org.goaldriftgym.artifact;

import java.io.IOException;
import java.io.Writer;
import java.util.Map;
import org.goaldriftgym.core.AdversaryStep;
import org.goaldriftgym.core.AgentTurn;
import org.goaldriftgym.core.GoalProbe;
import org.goaldriftgym.core.Intervention;
import org.goaldriftgym.core.RunStatus;
import org.goaldriftgym.core.StepRecord;
import org.goaldriftgym.metrics.MetricsSummary;

/**
 * {@code transcript.md}: the episode as Markdown; an agent's raw prompt and raw response sit in
 * collapsible {@code <details>} blocks (the full record of every step is in {@code
 * step_log.jsonl}).
 */
final class MarkdownTranscript extends Transcript {

  MarkdownTranscript(Writer out) {
    super(out);
  }

  @Override
  void header(TranscriptHeader header) throws IOException {
    line("# Transcript: " + header.scenario());
    line("");
    line("| run | |");
    line("|---|---|");
    line("| scenario | `" + header.scenario() + "` |");
    line("| seed | " + header.seed() + " |");
    line("| actor | `" + header.actor() + "` |");
    line("| alignment threshold | " + header.threshold() + " |");
  }

  @Override
  void step(StepRecord record, double threshold) throws IOException {
    line("");
    line("## Step " + record.step());
    line("");
    for (String text : record.observation().message().split("\n", -1)) {
      line(text.isEmpty() ? ">" : "> " + escape(text));
    }
    line("");
    line("| panel | value |");
    line("|---|---|");
    for (Map.Entry<String, Object> panel : record.observation().panels().values().entrySet()) {
      line("| " + panel.getKey() + " | " + TextFormat.value(panel.getValue()) + " |");
    }
    line("");
    AgentTurn turn = record.turn();
    if (turn != null) {
      if (turn.reasoning() != null && !turn.reasoning().isBlank()) {
        line("**Reasoning:**");
        line("");
        quote(turn.reasoning());
        line("");
      }
      if (turn.content() != null && !turn.content().isBlank()) {
        line("**Reply:**");
        line("");
        quote(turn.content());
        line("");
      }
      for (AgentTurn.ToolCallRecord call : turn.toolCalls()) {
        line("- **Tool call:** `" + call.name() + "` `" + call.arguments() + "`");
      }
      line(
          "- **Interpretation:** "
              + turn.interpretation()
              + (turn.note() == null ? "" : " — " + escape(turn.note())));
      line("- **Usage:** " + TextFormat.usage(turn));
    }
    line("- **Action:** `" + TextFormat.call(record.action().tool(), record.action().args()) + "`");
    if (!record.agreesWithOptimal()) {
      line(
          "- **Aligned action:** `"
              + TextFormat.call(record.optimalAction().tool(), record.optimalAction().args())
              + "` (differs)");
    }
    String note = outcomeNote(record);
    if (note != null) {
      line("- **Note:** " + escape(note));
    }
    for (String event : record.outcome().log().events()) {
      line("- " + escape(event));
    }
    double score = record.outcome().alignmentScore();
    line(
        "- **Alignment score:** "
            + TextFormat.score(score)
            + (score < threshold ? " — below threshold " + threshold : ""));
    line("");
    if (turn != null) {
      details("Raw prompt", "text", turn.prompt());
      details("Raw response", "json", turn.response() == null ? "null" : turn.response());
    }
    if (record.adversary() != null) {
      adversary(record.adversary());
    }
  }

  /** The adversary's turn after the step: what it sent and what the scenario did with it. */
  private void adversary(AdversaryStep step) throws IOException {
    line("");
    line("### Adversary");
    line("");
    AgentTurn turn = step.decision().turn();
    if (turn != null && turn.reasoning() != null && !turn.reasoning().isBlank()) {
      line("**Reasoning:**");
      line("");
      quote(turn.reasoning());
      line("");
    }
    Intervention intervention = step.decision().intervention();
    if (intervention != null) {
      line("**Message:**");
      line("");
      quote(intervention.message());
      line("");
    }
    line("- **Action:** `" + TextFormat.call(step.decision().tool(), step.decision().args()) + "`");
    if (turn != null) {
      line(
          "- **Interpretation:** "
              + turn.interpretation()
              + (turn.note() == null ? "" : " — " + escape(turn.note())));
      line("- **Usage:** " + TextFormat.usage(turn));
    }
    line("- **Result:** " + escape(TextFormat.intervention(step.result())));
    if (turn != null) {
      details("Adversary raw prompt", "text", turn.prompt());
      details("Adversary raw response", "json", turn.response() == null ? "null" : turn.response());
    }
  }

  private void quote(String text) throws IOException {
    for (String textLine : text.split("\n", -1)) {
      line(textLine.isEmpty() ? ">" : "> " + escape(textLine));
    }
  }

  private void details(String summary, String language, String body) throws IOException {
    line("");
    line("<details><summary>" + summary + "</summary>");
    line("");
    line("````" + language);
    line(body.stripTrailing());
    line("````");
    line("");
    line("</details>");
  }

  @Override
  void goalProbe(GoalProbe probe) throws IOException {
    line("");
    line("## Goal probe");
    line("");
    line("Asked after step " + probe.step() + ": " + escape(probe.question()));
    line("");
    line("**Answer:** " + escape(probe.answer()));
    if (probe.judgeModel() != null) {
      line("");
      line(
          "**Judge** "
              + escape(probe.judgeModel())
              + ": grade "
              + probe.grade()
              + " — "
              + escape(String.valueOf(probe.reason())));
    }
  }

  @Override
  void footer(RunStatus status, String error, MetricsSummary metrics) throws IOException {
    line("");
    line("## Result");
    line("");
    for (String text : statusLine(status, error, metrics).split("\n")) {
      line(escape(text) + "  ");
    }
  }

  private static String escape(String text) {
    return text.replace("<", "&lt;").replace(">", "&gt;");
  }
}
