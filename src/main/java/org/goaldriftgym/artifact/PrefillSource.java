package org.goaldriftgym.artifact;

import static java.nio.charset.StandardCharsets.UTF_8;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.goaldriftgym.core.Action;

/**
 * The first steps of a recorded run (the harness's or the reference tool's) to prefill an episode
 * with: their actions, and their step records, against which the re-simulated steps are checked.
 * Immutable (the records are private parsed copies; do not modify them).
 *
 * @param source the recorded run's directory
 * @param steps how many steps are prefilled
 * @param sourceConfigHash the recorded run's config hash ({@code meta.json}), or {@code null} when
 *     it has none (a reference run)
 * @param actions the first {@code steps} actions
 * @param records the first {@code steps} lines of the source's {@code step_log.jsonl}, parsed
 * @param format who wrote the source: this harness, or the reference tool (another record format)
 */
public record PrefillSource(
    Path source,
    int steps,
    String sourceConfigHash,
    List<Action> actions,
    List<JsonNode> records,
    RunFormat format) {

  public PrefillSource {
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(format, "format");
    actions = List.copyOf(actions);
    records = List.copyOf(records);
    if (steps < 1 || actions.size() != steps || records.size() != steps) {
      throw new IllegalArgumentException("a prefill needs 1 or more steps with their actions");
    }
  }

  /**
   * Reads {@code RUN_DIR} or {@code RUN_DIR:K} (the first K steps; all by default).
   *
   * @throws IllegalArgumentException naming the problem and the fix
   */
  public static PrefillSource load(String spec) {
    String dirText = spec;
    Integer limit = null;
    int colon = spec.lastIndexOf(':');
    if (colon > 0 && spec.substring(colon + 1).matches("\\d+")) {
      dirText = spec.substring(0, colon);
      limit = Integer.parseInt(spec.substring(colon + 1));
      if (limit < 1) {
        throw new IllegalArgumentException("--prefill " + spec + ": K must be at least 1");
      }
    }
    Path dir = Path.of(dirText);
    if (!Files.isDirectory(dir)) {
      throw new IllegalArgumentException(
          "--prefill " + dirText + " is not a run directory (one holding step_log.jsonl)");
    }
    RecordedActions recorded = RecordedActions.load(dir);
    int available = recorded.actions().size();
    int steps = limit == null ? available : limit;
    if (steps > available) {
      throw new IllegalArgumentException(
          "--prefill "
              + spec
              + ": the run has only "
              + available
              + " steps; pass K <= "
              + available);
    }
    List<JsonNode> records = new ArrayList<>();
    try {
      List<String> lines = Files.readAllLines(dir.resolve("step_log.jsonl"), UTF_8);
      for (String line : lines) {
        if (line.isBlank() || records.size() == steps) {
          continue;
        }
        records.add(Json.MAPPER.readTree(line));
      }
    } catch (IOException e) {
      throw new IllegalArgumentException(
          "cannot read " + dir.resolve("step_log.jsonl") + ": " + e.getMessage());
    }
    String hash = null;
    Path meta = dir.resolve("meta.json");
    if (Files.exists(meta)) {
      try {
        JsonNode node = Json.MAPPER.readTree(meta.toFile()).path("config_hash");
        hash = node.isTextual() ? node.asText() : null;
      } catch (IOException e) {
        throw new IllegalArgumentException("cannot read " + meta + ": " + e.getMessage());
      }
    }
    return new PrefillSource(
        dir, steps, hash, recorded.actions().subList(0, steps), records, RunFormat.of(dir));
  }

  /** sha256 of the canonical JSON of the prefilled actions, which the config hash covers. */
  public String digest() {
    return new RecordedActions(source, actions, actions.stream().map(a -> false).toList()).digest();
  }
}
