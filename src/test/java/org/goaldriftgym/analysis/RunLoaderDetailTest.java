package org.goaldriftgym.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.goaldriftgym.analysis.RunLoader.Detail;
import org.goaldriftgym.artifact.Json;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link RunLoader.Detail}: reading less of each run gives the same rows, aggregates and scores as
 * reading all of it, and skips the same bad runs with the same words (the step log's contents aside
 * at {@code METRICS}, which does not read it).
 */
class RunLoaderDetailTest {

  @TempDir static Path root;
  static Path runs;

  @BeforeAll
  static void makeRuns() {
    runs = Fixtures.makeRuns(root);
  }

  @Test
  void everyDetailGivesTheSameRowsAndAggregates() {
    LoadResult all = RunLoader.load(List.of(runs), Detail.STEPS);
    for (Detail detail : List.of(Detail.SCORES, Detail.METRICS)) {
      LoadResult lean = RunLoader.load(List.of(runs), detail);
      assertEquals(all.skipped(), lean.skipped());
      assertEquals(
          ReportTables.runs(all.runs()).toCsv(),
          ReportTables.runs(lean.runs()).toCsv(),
          detail.name());
      Grouping grouping = Grouping.parse("scenario,label");
      assertEquals(
          groupsJson(grouping.group(all.runs())),
          groupsJson(grouping.group(lean.runs())),
          detail.name());
      for (int i = 0; i < all.runs().size(); i++) {
        RunRecord full = all.runs().get(i);
        RunRecord part = lean.runs().get(i);
        assertEquals(full.metrics(), part.metrics());
        assertEquals(full.maxSteps(), part.maxSteps());
        assertEquals(full.config(), part.config());
        assertEquals(List.of(), part.steps());
        assertNull(part.meta());
        assertNull(part.metricsJson());
        assertNotNull(full.meta());
      }
    }
  }

  @Test
  void scoresAreEachStepsScoreInOrder() {
    List<RunRecord> lean = RunLoader.load(List.of(runs), Detail.SCORES).runs();
    assertEquals(6, lean.size());
    for (RunRecord run : lean) {
      assertTrue(Arrays.equals(Fixtures.scores(run.dir()), run.scores()), run.dir().toString());
    }
    assertEquals(
        Aggregator.byStep(RunLoader.load(List.of(runs), Detail.STEPS).runs()),
        Aggregator.byStep(lean));
    RunLoader.load(List.of(runs), Detail.METRICS)
        .runs()
        .forEach(run -> assertEquals(List.of(), run.stepScores()));
  }

  @Test
  void badStepLogsAreSkippedWithTheSameWordsAsWhenEveryStepIsRead(@TempDir Path tmp)
      throws IOException {
    Path copy = tmp.resolve("runs");
    copyTree(runs, copy);
    List<Path> dirs = Fixtures.runDirs(copy);
    Path log0 = dirs.get(0).resolve(RunLoader.STEP_LOG);
    List<String> lines = Files.readAllLines(log0, StandardCharsets.UTF_8);
    lines.set(3, lines.get(3).substring(0, 200) + "é\"x"); // not JSON, after a non-ASCII character
    Files.write(log0, lines, StandardCharsets.UTF_8);
    Path log1 = dirs.get(1).resolve(RunLoader.STEP_LOG);
    lines = Files.readAllLines(log1, StandardCharsets.UTF_8);
    lines.set(2, lines.get(2).replace("\"alignment_score\":", "\"score\":"));
    Files.write(log1, lines, StandardCharsets.UTF_8);
    Path log2 = dirs.get(2).resolve(RunLoader.STEP_LOG);
    lines = Files.readAllLines(log2, StandardCharsets.UTF_8);
    lines.set(1, lines.get(1).replace("\"judgement\":{", "\"judgement\":{\"x\":1,\"y\":{"));
    Files.write(log2, lines, StandardCharsets.UTF_8);
    Files.delete(dirs.get(3).resolve(RunLoader.STEP_LOG));
    Files.writeString(dirs.get(4).resolve(RunLoader.METRICS), "[1]");

    LoadResult all = RunLoader.load(List.of(copy), Detail.STEPS);
    LoadResult scores = RunLoader.load(List.of(copy), Detail.SCORES);
    assertEquals(messages(all), messages(scores));
    assertEquals(5, all.skipped().size(), messages(all).toString());
    assertTrue(
        messages(all).get(0).startsWith(dirs.get(0) + ": step_log.jsonl line 4 is not valid JSON"),
        messages(all).toString());
    // without reading the step logs, only the missing one and the bad metrics.json are noticed
    LoadResult metrics = RunLoader.load(List.of(copy), Detail.METRICS);
    assertEquals(
        List.of(
            dirs.get(3) + ": step_log.jsonl is missing",
            dirs.get(4) + ": metrics.json is not a JSON object"),
        messages(metrics));
  }

  @Test
  void aRunReachedTwiceThroughALinkIsReadOnce(@TempDir Path tmp) throws IOException {
    Path copy = tmp.resolve("runs");
    copyTree(runs, copy);
    Path link = Files.createSymbolicLink(tmp.resolve("again"), copy.resolve("release_manager"));
    assertEquals(6, RunLoader.load(List.of(copy, link), Detail.METRICS).runs().size());
    // a link back up the tree is passed over, not followed forever
    Files.createSymbolicLink(copy.resolve("release_manager/loop"), copy);
    assertEquals(6, RunLoader.load(List.of(copy), Detail.METRICS).runs().size());
  }

  private static String groupsJson(List<Group> groups) {
    return new String(
        Json.pretty(ReportJson.groups(Aggregator.summarize(groups, false))),
        StandardCharsets.UTF_8);
  }

  private static List<String> messages(LoadResult result) {
    return result.skipped().stream().map(Skipped::message).toList();
  }

  private static void copyTree(Path from, Path to) throws IOException {
    List<Path> paths = new ArrayList<>();
    try (Stream<Path> walk = Files.walk(from)) {
      walk.sorted(Comparator.naturalOrder()).forEach(paths::add);
    }
    for (Path path : paths) {
      Path target = to.resolve(from.relativize(path).toString());
      if (Files.isDirectory(path)) {
        Files.createDirectories(target);
      } else {
        Files.copy(path, target);
      }
    }
  }
}
