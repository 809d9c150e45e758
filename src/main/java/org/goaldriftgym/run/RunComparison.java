package org.goaldriftgym.run;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.goaldriftgym.artifact.Json;
import org.goaldriftgym.artifact.JsonDiff;

/**
 * Compares the deterministic files of two run directories byte for byte and, where they differ,
 * says where first: the step and field for the step log, the field for JSON files, the line for
 * transcripts. Stateless.
 */
public final class RunComparison {

  /**
   * The files that must be byte-identical for the same config and seed, in the order they are
   * compared: the step log first, because its difference names the step.
   */
  public static final List<String> DETERMINISTIC_FILES =
      List.of("step_log.jsonl", "metrics.json", "transcript.txt", "transcript.md", "config.json");

  private RunComparison() {}

  /** The first difference, or empty when every deterministic file is identical. */
  public static Optional<String> firstDifference(Path recorded, Path replayed) throws IOException {
    for (String name : DETERMINISTIC_FILES) {
      byte[] expected = read(recorded.resolve(name));
      byte[] actual = read(replayed.resolve(name));
      if (java.util.Arrays.equals(expected, actual)) {
        continue;
      }
      String a = new String(expected, StandardCharsets.UTF_8);
      String b = new String(actual, StandardCharsets.UTF_8);
      return Optional.of(name + ": " + describe(name, a, b));
    }
    return Optional.empty();
  }

  private static byte[] read(Path file) throws IOException {
    try {
      return Files.readAllBytes(file);
    } catch (NoSuchFileException e) {
      throw new NoSuchFileException(file.toString(), null, "the run has no " + file.getFileName());
    }
  }

  private static String describe(String name, String expected, String actual) {
    List<String> left = expected.lines().toList();
    List<String> right = actual.lines().toList();
    int common = Math.min(left.size(), right.size());
    for (int i = 0; i < common; i++) {
      if (!left.get(i).equals(right.get(i))) {
        if (name.endsWith(".jsonl")) {
          return stepDifference(left.get(i), right.get(i), i);
        }
        if (name.endsWith(".json")) {
          return jsonDifference(expected, actual);
        }
        return "line "
            + (i + 1)
            + ": recorded \""
            + clip(left.get(i))
            + "\", replayed \""
            + clip(right.get(i))
            + "\"";
      }
    }
    if (left.size() != right.size()) {
      String unit = name.endsWith(".jsonl") ? " steps" : " lines";
      return "recorded " + left.size() + unit + ", replayed " + right.size() + unit;
    }
    return "the files differ in line endings or a final newline";
  }

  private static String stepDifference(String recorded, String replayed, int index) {
    try {
      return stepDifference(Json.MAPPER.readTree(recorded), Json.MAPPER.readTree(replayed), index)
          .orElse("step " + stepOf(recorded, index) + ": same JSON, different formatting");
    } catch (IOException e) {
      return "step " + stepOf(recorded, index) + ": not comparable as JSON: " + e.getMessage();
    }
  }

  /**
   * The first difference between two step records, {@code step N: path: recorded X, replayed Y}, or
   * empty when they are the same JSON.
   *
   * @param index the line's index, named when the recorded line has no step
   */
  public static Optional<String> stepDifference(JsonNode recorded, JsonNode replayed, int index) {
    String step =
        recorded.path("step").isInt() ? recorded.get("step").asText() : Integer.toString(index);
    return JsonDiff.first(recorded, replayed).map(d -> "step " + step + ": " + d);
  }

  private static String stepOf(String line, int index) {
    try {
      JsonNode node = Json.MAPPER.readTree(line);
      return node.path("step").isInt() ? node.get("step").asText() : Integer.toString(index);
    } catch (IOException e) {
      return Integer.toString(index);
    }
  }

  private static String jsonDifference(String expected, String actual) {
    try {
      return JsonDiff.first(Json.MAPPER.readTree(expected), Json.MAPPER.readTree(actual))
          .map(JsonDiff.Difference::toString)
          .orElse("same JSON, different formatting");
    } catch (IOException e) {
      return "not comparable as JSON: " + e.getMessage();
    }
  }

  private static String clip(String text) {
    return text.length() <= 100 ? text : text.substring(0, 97) + "...";
  }
}
