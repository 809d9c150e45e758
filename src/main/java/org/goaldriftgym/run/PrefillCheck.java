package org.goaldriftgym.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.goaldriftgym.artifact.PrefillSource;
import org.goaldriftgym.artifact.RunFormat;
import org.goaldriftgym.artifact.StepRecordJson;
import org.goaldriftgym.core.HarnessException;
import org.goaldriftgym.core.StepListener;
import org.goaldriftgym.core.StepRecord;

/**
 * Checks each prefilled step, as re-simulated, against the source run's record ({@code --prefill}),
 * and stops the run at the first difference with one line naming the step and the field. A source
 * of this harness is compared with {@link RunComparison#stepDifference}: the whole record
 * (observation, action, aligned action, judgement, outcome with its panels, events, score and done
 * flag, adversary) except what a prefilled step cannot reproduce: the source agent's exchange with
 * its model (prompt, reply, usage) and the {@code prefilled} mark. A reference tool's source is
 * compared with {@link ReferenceReplay#stepDifference}: what its records hold. Listens before the
 * recorder, so a step that differs is not logged. Not thread-safe: one per run.
 */
final class PrefillCheck implements StepListener {

  /** The fields of an agent's exchange in a step record: what the source's model said. */
  static final List<String> EXCHANGE =
      List.of(
          "prompt",
          "response",
          "reasoning",
          "content",
          "tool_calls",
          "interpretation",
          "interpretation_note",
          "model",
          "usage");

  private final PrefillSource prefill;

  PrefillCheck(PrefillSource prefill) {
    this.prefill = Objects.requireNonNull(prefill, "prefill");
  }

  @Override
  public void onStep(StepRecord record) {
    int step = record.step();
    if (step >= prefill.steps()) {
      return;
    }
    JsonNode recorded = prefill.records().get(step);
    ObjectNode replayed = StepRecordJson.encode(record);
    Optional<String> difference =
        prefill.format() == RunFormat.REFERENCE
            ? ReferenceReplay.stepDifference(recorded, replayed, step)
            : RunComparison.stepDifference(comparable(recorded), comparable(replayed), step);
    if (difference.isPresent()) {
      throw new HarnessException(
          HarnessException.Kind.RUN,
          "--prefill "
              + prefill.source()
              + ": the re-simulated prefix differs from the record at "
              + difference.get()
              + "; run with the source's scenario, parameters and seed (--config "
              + prefill.source().resolve("config.json")
              + ")");
    }
  }

  /** A copy of a step record without the {@code prefilled} mark and the agents' exchanges. */
  private static JsonNode comparable(JsonNode record) {
    ObjectNode copy = record.deepCopy();
    copy.remove("prefilled");
    if (copy.get("action") instanceof ObjectNode action) {
      action.remove(EXCHANGE);
    }
    if (copy.get("adversary") instanceof ObjectNode adversary) {
      adversary.remove(EXCHANGE);
    }
    return copy;
  }
}
