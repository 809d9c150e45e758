package org.goaldriftgym.view;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import org.goaldriftgym.analysis.RunLoader;
import org.goaldriftgym.analysis.RunRecord;
import org.goaldriftgym.artifact.Json;

/**
 * The raw lines of a run's step log, for what {@link org.goaldriftgym.analysis.StepRow} leaves out
 * (messages, text panels, arguments, events, the judgement, the agent's turn). {@link RunLoader}
 * has already checked the log, so this reads the same lines again and keeps as many as the record
 * has steps (a killed run's torn last line is dropped). Stateless.
 */
final class StepLines {

  private StepLines() {}

  /**
   * The parsed lines, one per step of the record; fewer (possibly none) when the file changed or
   * vanished since it was loaded, in which case the pages show what the record holds.
   */
  static List<JsonNode> read(RunRecord run) {
    int wanted = run.steps().size();
    List<JsonNode> lines = new ArrayList<>(wanted);
    if (wanted == 0) {
      return lines;
    }
    try (BufferedReader reader =
        Files.newBufferedReader(run.dir().resolve(RunLoader.STEP_LOG), StandardCharsets.UTF_8)) {
      String line;
      while (lines.size() < wanted && (line = reader.readLine()) != null) {
        if (!line.isBlank()) {
          lines.add(Json.MAPPER.readTree(line));
        }
      }
    } catch (IOException e) {
      // includes a line that no longer parses: show the steps read so far
      return lines;
    }
    return lines;
  }
}
