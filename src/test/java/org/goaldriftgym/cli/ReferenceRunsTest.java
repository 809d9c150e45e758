package org.goaldriftgym.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Run directories written by the reference Python tool (made by {@code
 * src/test/resources/reference-runs/make-fixtures.sh}) next to the harness's own, in one tree:
 * {@code report} and {@code plot} read both, report the reference's numbers as its files have them,
 * and {@code --policy replay:} takes its step logs, {@code "tool": null} included.
 */
class ReferenceRunsTest {

  static final Path FIXTURES = Path.of("src/test/resources/reference-runs/runs");

  @TempDir Path root;
  Cli cli;

  @BeforeEach
  void copyFixtures() throws IOException {
    cli = new Cli(root);
    copyTree(FIXTURES, cli.runsRoot);
  }

  static void copyTree(Path from, Path to) throws IOException {
    try (Stream<Path> walk = Files.walk(from)) {
      for (Path source : (Iterable<Path>) walk.sorted()::iterator) {
        Path target = to.resolve(from.relativize(source).toString());
        if (Files.isDirectory(source)) {
          Files.createDirectories(target);
        } else {
          Files.copy(source, target);
        }
      }
    }
  }

  /** The reference run directory of a scenario and label in the copied tree. */
  Path reference(String scenario, String label) {
    try (Stream<Path> dirs = Files.list(cli.runsRoot.resolve(scenario).resolve(label))) {
      return dirs.sorted().findFirst().orElseThrow();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static List<Path> referenceRuns(Path runsRoot) {
    try (Stream<Path> walk = Files.walk(runsRoot)) {
      return walk.filter(p -> p.getFileName().toString().equals("metrics.json"))
          .map(Path::getParent)
          .sorted(Comparator.comparing(Path::toString))
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  Cli.Result report(String... args) {
    List<String> all = new ArrayList<>(List.of("report"));
    all.addAll(List.of(args));
    return cli.raw(all.toArray(String[]::new));
  }

  @Test
  void reportListsReferenceRunsNextToOursWithTheNumbersOfTheirFiles() throws IOException {
    List<Path> references = referenceRuns(cli.runsRoot);
    assertEquals(4, references.size());
    cli.ok("--scenario", "release_manager", "--seed", "7", "--max-steps", "6");
    Cli.Result result = report(cli.runsRoot.toString(), "--format", "json");
    assertEquals(0, result.code(), result.err());
    JsonNode rows = result.json();
    assertEquals(5, rows.size(), result.out());
    int seen = 0;
    for (JsonNode row : rows) {
      Path dir = Path.of(row.get("run_dir").asText());
      JsonNode meta = Cli.readJson(dir.resolve("meta.json"));
      assertEquals("complete", row.get("status").asText());
      if (meta.has("status")) {
        continue; // the harness's run
      }
      seen++;
      JsonNode metrics = Cli.readJson(dir.resolve("metrics.json"));
      JsonNode config = Cli.readJson(dir.resolve("config.json"));
      for (String key :
          List.of(
              "num_steps",
              "mean_alignment_score",
              "alignment_slope",
              "first_pass_below_threshold",
              "stickiness")) {
        assertEquals(metrics.get(key), row.get(key), dir + " " + key);
      }
      assertEquals(meta.get("config_hash"), row.get("config_hash"));
      assertEquals(meta.get("run_id"), row.get("run_id"));
      assertEquals(meta.get("run_label"), row.get("label"));
      assertEquals(config.at("/run_config/engine/seed"), row.get("seed"));
      assertEquals(
          config.at("/run_config/metrics/alignment/threshold").asDouble(),
          row.get("threshold").asDouble());
      assertTrue(row.get("optimal_action_agreement").isNull(), "the reference logs no oracle");
    }
    assertEquals(4, seen);
  }

  @Test
  void oneReferenceRunReportsItsOwnFiles() {
    Path dir = reference("release_manager", "policy-baseline");
    Cli.Result result = report(dir.toString());
    assertEquals(0, result.code(), result.err());
    JsonNode json = result.json();
    assertEquals(Cli.readJson(dir.resolve("metrics.json")), json.get("metrics"));
    assertEquals(Cli.readJson(dir.resolve("meta.json")), json.get("meta"));
    assertEquals(Cli.readJson(dir.resolve("config.json")).get("run_config"), json.get("config"));
    JsonNode summary = json.get("summary");
    assertEquals(2, summary.get("first_pass_below_threshold").asInt());
    assertEquals("complete", summary.get("status").asText());
  }

  @Test
  void stepRowsReadTheNullToolAsANoop() {
    Path dir = reference("release_manager", "policy-baseline");
    Cli.Result result = report(dir.toString(), "--steps");
    assertEquals(0, result.code(), result.err());
    List<String> lines = result.out().lines().toList();
    List<String> header = List.of(lines.get(0).split(","));
    int tool = header.indexOf("tool");
    int applied = header.indexOf("applied_tool");
    int aligned = header.indexOf("optimal_action");
    int agree = header.indexOf("agree");
    int pressure = header.indexOf("pressure");
    List<String> tools = new ArrayList<>();
    for (String line : lines.subList(1, lines.size())) {
      String[] cells = line.split(",", -1);
      tools.add(cells[tool] + "/" + cells[applied]);
      assertEquals("", cells[aligned], "no aligned action in a reference step log");
      assertEquals("", cells[agree]);
      assertTrue(!cells[pressure].isEmpty(), "pressure comes from outcome.log.state.pressure");
    }
    // the fixture's step log: run_tests, check_canary, null, null, run_tests, null
    assertEquals(
        List.of(
            "run_tests/run_tests",
            "check_canary/check_canary",
            "noop/noop",
            "noop/noop",
            "run_tests/run_tests",
            "noop/noop"),
        tools);
  }

  @Test
  void plotDrawsReferenceRunsInTheSameTree() {
    Cli.Result result =
        cli.raw("plot", cli.runsRoot.toString(), "--artifacts-root", cli.artifactsRoot.toString());
    assertEquals(0, result.code(), result.err());
    for (Path run : referenceRuns(cli.runsRoot)) {
      Path mirror = cli.artifactsRoot.resolve(cli.runsRoot.relativize(run).toString());
      for (String figure : List.of("alignment", "decisions", "tool_usage", "panels")) {
        assertTrue(Files.isRegularFile(mirror.resolve(figure + ".png")), mirror + " " + figure);
      }
    }
  }

  @Test
  void aReferenceRunWithoutMetricsIsSkippedWithTheReason() throws IOException {
    Path dir = reference("trading_goal_vs_profit", "policy-noop");
    Files.delete(dir.resolve("metrics.json"));
    Cli.Result result = report(cli.runsRoot.toString(), "--format", "csv");
    assertEquals(1, result.code());
    assertEquals(4, result.out().lines().count(), result.out());
    assertTrue(
        result.err().contains(dir.toString()) && result.err().contains("without metrics.json"),
        result.err());
  }

  /**
   * {@code --policy replay:} over a reference step log reproduces its metrics: the same seed,
   * parameters and threshold and the recorded actions ({@code "tool": null} as noop) give the same
   * scores, so the same {@code metrics.json} numbers.
   */
  @Test
  void replayPolicyOverAReferenceStepLogReproducesItsMetrics() {
    for (String scenario :
        List.of("release_manager", "trading_goal_vs_profit", "multi_agent_trading")) {
      for (Path dir : referenceRuns(cli.runsRoot.resolve(scenario))) {
        JsonNode config = Cli.readJson(dir.resolve("config.json"));
        JsonNode expected = Cli.readJson(dir.resolve("metrics.json"));
        List<String> args = new ArrayList<>();
        args.addAll(List.of("--scenario", scenario));
        args.addAll(List.of("--policy", "replay:" + dir.resolve("step_log.jsonl")));
        args.addAll(List.of("--seed", config.at("/run_config/engine/seed").asText()));
        args.addAll(List.of("--max-steps", config.at("/run_config/engine/max_steps").asText()));
        args.addAll(
            List.of("--threshold", config.at("/run_config/metrics/alignment/threshold").asText()));
        config
            .at("/run_config/scenario_params")
            .properties()
            .forEach(
                p -> {
                  if (!p.getKey().equals("seed") && !p.getKey().equals("max_steps")) {
                    args.addAll(List.of("--scenario-param", p.getKey() + "=" + p.getValue()));
                  }
                });
        JsonNode metrics = cli.ok(args.toArray(String[]::new)).json().get("metrics");
        for (String key :
            List.of("num_steps", "first_pass_below_threshold", "mean_alignment_score")) {
          assertNumber(expected.get(key), metrics.get(key), dir + " " + key);
        }
        assertNumber(expected.get("alignment_slope"), metrics.get("alignment_slope"), dir + "");
        assertNumber(expected.get("stickiness"), metrics.get("stickiness"), dir + "");
        // the reference counts chosen tools and leaves no-ops out; the harness counts applied
        // tools, noop included
        expected
            .get("tool_usage")
            .properties()
            .forEach(
                p -> assertEquals(p.getValue(), metrics.at("/tool_usage/" + p.getKey()), dir + ""));
      }
    }
  }

  static void assertNumber(JsonNode expected, JsonNode actual, String what) {
    if (expected.isNull()) {
      assertTrue(actual.isNull(), what + ": " + actual);
      return;
    }
    assertEquals(expected.asDouble(), actual.asDouble(), 1e-9, what);
  }

  @Test
  void replaySourceWithANullToolIsANoop() throws IOException {
    Path actions = root.resolve("actions.jsonl");
    Files.writeString(
        actions,
        "{\"tool\": null, \"args\": {}}\n{\"tool\": \"run_tests\", \"args\": {}}\n",
        StandardCharsets.UTF_8);
    Cli.Result result =
        cli.ok(
            "--scenario",
            "release_manager",
            "--seed",
            "1",
            "--max-steps",
            "2",
            "--policy",
            "replay:" + actions);
    Path log = result.runDir().resolve("step_log.jsonl");
    List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
    assertEquals("noop", Cli.JSON.readTree(lines.get(0)).at("/action/tool").asText());
    assertNull(Cli.JSON.readTree(lines.get(0)).at("/outcome/log/invalid_action").textValue());
    assertEquals("run_tests", Cli.JSON.readTree(lines.get(1)).at("/action/tool").asText());
  }

  @Test
  void replayReSimulatesReferenceRunsAndComparesTheirNumbers() {
    List<String> args = new ArrayList<>(List.of("replay"));
    args.add(reference("release_manager", "policy-baseline").toString());
    args.add(reference("trading_goal_vs_profit", "policy-baseline").toString());
    args.add(reference("trading_goal_vs_profit", "policy-noop").toString());
    args.add(reference("multi_agent_trading", "policy-baseline").toString());
    Cli.Result result = cli.raw(args.toArray(String[]::new));
    assertEquals(0, result.code(), result.out() + result.err());
    assertEquals(4, result.out().lines().filter(l -> l.startsWith("reproduced ")).count());
  }

  /**
   * The multi_agent_trading reference run (its scripted profit_advocate adversary) re-simulates
   * with the harness's scripted adversary; a peer pressure index or a signal's intensity altered in
   * its step log fails, naming the step and the panel.
   */
  @Test
  void replayOfATamperedMultiAgentReferenceRunNamesTheStepAndPanel() throws IOException {
    Path dir = reference("multi_agent_trading", "policy-baseline");
    Path log = dir.resolve("step_log.jsonl");
    String original = Files.readString(log, StandardCharsets.UTF_8);
    List<String> lines = original.lines().toList();
    // step 3 is decided on the first delivered signal (after step 2): 0.12, as the reference wrote
    String line = lines.get(3);
    JsonNode panels = Cli.JSON.readTree(line).at("/observation/panels");
    assertEquals(0.12, panels.get("peer_pressure_index").asDouble(), 0.0, line);
    assertEquals(0.12, panels.at("/pressure_last_signal/intensity").asDouble(), 0.0, line);
    List<String> altered = new ArrayList<>(lines);
    altered.set(
        3, line.replaceFirst("\"peer_pressure_index\": 0.12", "\"peer_pressure_index\": 0.13"));
    Files.write(log, altered, StandardCharsets.UTF_8);
    Cli.Result result = cli.raw("replay", dir.toString());
    assertEquals(1, result.code(), result.out() + result.err());
    assertTrue(
        result
            .out()
            .contains(
                "step 3: observation.panels.peer_pressure_index: recorded 0.13, re-simulated"
                    + " 0.12"),
        result.out());

    altered.set(3, line.replaceFirst("\"intensity\": 0.12", "\"intensity\": 0.2"));
    Files.write(log, altered, StandardCharsets.UTF_8);
    result = cli.raw("replay", dir.toString());
    assertEquals(1, result.code(), result.out() + result.err());
    assertTrue(
        result
            .out()
            .contains(
                "step 3: observation.panels.pressure_last_signal.intensity: recorded 0.2,"
                    + " re-simulated 0.12"),
        result.out());
  }

  @Test
  void replayOfATamperedReferenceRunNamesTheStepAndField() throws IOException {
    Path dir = reference("release_manager", "policy-baseline");
    List<String> lines = Files.readAllLines(dir.resolve("step_log.jsonl"), StandardCharsets.UTF_8);
    // step 3 scored 1.0 in the reference; claim 0.9
    String line = lines.get(3);
    assertTrue(line.contains("\"alignment_score\": 1.0,"), line);
    lines.set(3, line.replace("\"alignment_score\": 1.0,", "\"alignment_score\": 0.9,"));
    Files.write(dir.resolve("step_log.jsonl"), lines, StandardCharsets.UTF_8);
    Cli.Result result = cli.raw("replay", dir.toString());
    assertEquals(1, result.code(), result.out() + result.err());
    assertTrue(
        result
            .out()
            .contains(
                "step_log.jsonl: step 3: outcome.alignment_score: recorded 0.9, re-simulated"
                    + " 1.0"),
        result.out());
  }

  @Test
  void replayOfAReferenceRunWithAnAlteredPanelOrMetricFails() throws IOException {
    Path dir = reference("trading_goal_vs_profit", "policy-baseline");
    Path log = dir.resolve("step_log.jsonl");
    String original = Files.readString(log, StandardCharsets.UTF_8);
    List<String> lines = original.lines().toList();
    String second = lines.get(2);
    JsonNode panels = Cli.JSON.readTree(second).at("/observation/panels");
    String cash = "\"cash\": " + panels.get("cash").toString();
    assertTrue(second.contains(cash), second);
    List<String> altered = new ArrayList<>(lines);
    // one cent is far above 1e-9
    altered.set(2, second.replaceFirst(java.util.regex.Pattern.quote(cash), "\"cash\": 1.01"));
    Files.write(log, altered, StandardCharsets.UTF_8);
    Cli.Result result = cli.raw("replay", dir.toString());
    assertEquals(1, result.code(), result.out());
    assertTrue(
        result.out().contains("step 2: observation.panels.cash: recorded 1.01"), result.out());

    Files.writeString(log, original, StandardCharsets.UTF_8);
    Path metrics = dir.resolve("metrics.json");
    String text = Files.readString(metrics, StandardCharsets.UTF_8);
    Files.writeString(
        metrics,
        text.replace("\"mean_alignment_score\": 0.9,", "\"mean_alignment_score\": 0.9000001,"),
        StandardCharsets.UTF_8);
    result = cli.raw("replay", dir.toString());
    assertEquals(1, result.code(), result.out());
    assertTrue(
        result.out().contains("metrics.json: mean_alignment_score: recorded 0.9000001"),
        result.out());
  }

  /**
   * An early reference run (the reference repository's own runs/release_manager/20251005-182047-s8:
   * no run_label, config.json with engine_config instead of run_config) is reported and replayed.
   */
  @Test
  void earlyReferenceLayoutIsReadAndReplayed() throws IOException {
    Path early = root.resolve("early");
    copyTree(Path.of("src/test/resources/reference-runs/early-runs"), early);
    Path dir = early.resolve("release_manager/20251005-182047-s8");
    Cli.Result result = report(early.toString(), "--format", "json");
    assertEquals(0, result.code(), result.err());
    JsonNode row = result.json().get(0);
    assertEquals("untagged", row.get("label").asText());
    assertEquals(8, row.get("seed").asInt());
    assertEquals(
        Cli.readJson(dir.resolve("metrics.json")).get("mean_alignment_score"),
        row.get("mean_alignment_score"));
    Cli.Result replay = cli.raw("replay", dir.toString());
    assertEquals(0, replay.code(), replay.out() + replay.err());
  }
}
