package org.goaldriftgym.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunLoaderTest {

  @TempDir static Path root;
  static Path runs;

  @BeforeAll
  static void makeRuns() {
    runs = Fixtures.makeRuns(root);
  }

  @Test
  void findsEveryRunBeneathSortedByPath() {
    LoadResult result = RunLoader.load(List.of(runs));
    assertEquals(List.of(), result.skipped());
    List<Path> dirs = result.runs().stream().map(RunRecord::dir).toList();
    assertEquals(Fixtures.runDirs(runs), dirs);
    assertEquals(6, dirs.size());
  }

  @Test
  void overlappingInputsListARunOnce() {
    Path one = Fixtures.runDirs(runs).get(0);
    LoadResult result = RunLoader.load(List.of(one, runs.resolve("release_manager"), one));
    assertEquals(5, result.runs().size());
  }

  @Test
  void recordsMatchTheStepLog() {
    for (RunRecord run : RunLoader.load(List.of(runs)).runs()) {
      double[] scores = Fixtures.scores(run.dir());
      double threshold = Fixtures.threshold(run.dir());
      assertEquals(scores.length, run.steps().size());
      assertEquals(scores.length, run.metrics().numSteps());
      assertEquals(Fixtures.mean(scores), run.metrics().meanAlignmentScore(), 1e-12);
      assertEquals(Fixtures.slope(scores), run.metrics().alignmentSlope(), 1e-12);
      assertEquals(Fixtures.firstBelow(scores, threshold), run.metrics().firstPassBelowThreshold());
      assertEquals(Fixtures.stickiness(scores, threshold), run.metrics().stickiness(), 1e-12);
      List<JsonNode> steps = Fixtures.steps(run.dir());
      for (int i = 0; i < steps.size(); i++) {
        JsonNode step = steps.get(i);
        StepRow row = run.steps().get(i);
        assertEquals(step.at("/action/tool").asText(), row.tool());
        assertEquals(step.at("/action/optimal_action").asText(), row.alignedAction());
        assertEquals(step.at("/outcome/log/pressure").asDouble(), row.pressure());
        assertEquals(
            step.at("/action/tool").asText().equals(step.at("/action/optimal_action").asText()),
            row.agree());
      }
      RunMetrics recomputed = RunMetrics.fromSteps(run.steps(), run.threshold());
      assertEquals(run.metrics().meanAlignmentScore(), recomputed.meanAlignmentScore(), 1e-12);
      assertEquals(run.metrics().toolUsage(), recomputed.toolUsage());
    }
  }

  @Test
  void booleanPanelsAreOneOrZeroAndTextPanelsAreLeftOut() {
    RunRecord run =
        RunLoader.load(List.of(runs.resolve("release_manager"))).runs().stream()
            .filter(r -> r.label().equals("policy-drifting"))
            .findFirst()
            .orElseThrow();
    assertEquals(List.of("tests_passed", "canary_score", "pressure"), run.numericPanels());
    assertEquals(0.0, run.steps().get(0).panels().get("tests_passed"));
    assertEquals(1.0, run.steps().get(1).panels().get("tests_passed"));
    assertNull(run.steps().get(0).panels().get("canary_score"));
    assertFalse(run.steps().get(0).panels().containsKey("deployment"));
  }

  @Test
  void badInputsAreSkippedWithTheReasonAndTheRestIsLoaded(@TempDir Path tmp) throws IOException {
    Path copy = tmp.resolve("runs");
    copyTree(runs, copy);
    List<Path> dirs = Fixtures.runDirs(copy);
    Files.delete(dirs.get(0).resolve("meta.json"));
    Files.writeString(
        dirs.get(1).resolve("step_log.jsonl"),
        "{\"step\": 0,\n",
        java.nio.charset.StandardCharsets.UTF_8);
    Files.writeString(dirs.get(2).resolve("metrics.json"), "not json");
    Path empty = Files.createDirectory(tmp.resolve("empty"));
    Path notes = Files.createDirectory(tmp.resolve("notes"));
    Files.writeString(notes.resolve("readme.txt"), "hello");
    Path missing = tmp.resolve("nope");

    LoadResult result =
        RunLoader.load(List.of(copy, empty, notes, missing, notes.resolve("readme.txt")));

    assertEquals(3, result.runs().size());
    List<String> messages = result.skipped().stream().map(Skipped::message).toList();
    assertEquals(7, messages.size(), messages.toString());
    assertTrue(messages.contains(empty + ": is an empty directory"), messages.toString());
    assertTrue(messages.contains(missing + ": does not exist"));
    assertTrue(messages.stream().anyMatch(m -> m.startsWith(notes + ": holds no run")));
    assertTrue(messages.contains(dirs.get(0) + ": meta.json is missing"), messages.toString());
    assertTrue(
        messages.stream()
            .anyMatch(m -> m.startsWith(dirs.get(1) + ": step_log.jsonl line 1 is not valid JSON")),
        messages.toString());
    assertTrue(
        messages.stream()
            .anyMatch(m -> m.startsWith(dirs.get(2) + ": metrics.json is not valid JSON (line 1")),
        messages.toString());
  }

  @Test
  void aRunningRunIsReadWithMetricsFromItsStepLog(@TempDir Path tmp) throws IOException {
    Path dir = tmp.resolve("release_manager/policy-x/20260101-000000-s1");
    copyTree(Fixtures.runDirs(runs).get(2), dir);
    Files.delete(dir.resolve("metrics.json"));
    String meta = Files.readString(dir.resolve("meta.json")).replace("\"complete\"", "\"running\"");
    Files.writeString(dir.resolve("meta.json"), meta);
    List<String> lines = Files.readAllLines(dir.resolve("step_log.jsonl"));
    String kept = String.join("\n", lines.subList(0, 12)) + "\n" + lines.get(12).substring(0, 40);
    Files.writeString(dir.resolve("step_log.jsonl"), kept);

    LoadResult result = RunLoader.load(List.of(tmp));

    assertEquals(List.of(), result.skipped());
    RunRecord run = result.runs().get(0);
    assertEquals("running", run.status());
    assertFalse(run.complete());
    assertTrue(run.metrics().recomputed());
    assertEquals(12, run.metrics().numSteps());
    double[] scores = java.util.Arrays.copyOf(Fixtures.scores(Fixtures.runDirs(runs).get(2)), 12);
    assertEquals(Fixtures.mean(scores), run.metrics().meanAlignmentScore(), 1e-12);
    assertEquals(Fixtures.slope(scores), run.metrics().alignmentSlope(), 1e-12);
  }

  static void copyTree(Path from, Path to) throws IOException {
    try (Stream<Path> files = Files.walk(from)) {
      for (Path file : files.sorted(Comparator.naturalOrder()).toList()) {
        Path target = to.resolve(from.relativize(file).toString());
        if (Files.isDirectory(file)) {
          Files.createDirectories(target);
        } else {
          Files.copy(file, target);
        }
      }
    }
  }
}
