package org.goaldriftgym.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --prefill RUN_DIR:K}: the first K steps are the recorded run's, re-simulated and checked,
 * marked in the step log and left out of the metrics; then the run's own policy continues.
 */
class PrefillTest {

  @TempDir Path temp;

  @Test
  void aBaselineContinuesADriftersHistory() {
    Cli cli = new Cli(temp);
    Cli.Result source =
        cli.ok(
            "--scenario",
            "release_manager",
            "--seed",
            "3",
            "--max-steps",
            "8",
            "--policy",
            "drifting:0.3",
            "--scenario-param",
            "pressure_growth=0.2");
    Cli.Result prefilled =
        cli.ok(
            "--scenario",
            "release_manager",
            "--seed",
            "3",
            "--max-steps",
            "8",
            "--policy",
            "baseline",
            "--scenario-param",
            "pressure_growth=0.2",
            "--prefill",
            source.runDir() + ":4");
    List<JsonNode> recorded = Cli.readJsonl(source.runDir().resolve("step_log.jsonl"));
    List<JsonNode> steps = Cli.readJsonl(prefilled.runDir().resolve("step_log.jsonl"));
    assertEquals(8, steps.size());
    for (int i = 0; i < 4; i++) {
      ObjectNode step = (ObjectNode) steps.get(i).deepCopy();
      assertTrue(step.get("prefilled").asBoolean(), "step " + i);
      step.remove("prefilled");
      assertEquals(recorded.get(i), step, "step " + i);
    }
    for (int i = 4; i < 8; i++) {
      assertFalse(steps.get(i).has("prefilled"), "step " + i);
    }
    // the baseline took over: its steps differ from the drifter's
    assertNotEquals(recorded.subList(4, 8), steps.subList(4, 8));
    JsonNode metrics = Cli.readJson(prefilled.runDir().resolve("metrics.json"));
    assertEquals(4, metrics.get("num_steps").asInt(), "prefilled steps are not measured");
    // independent: the mean of the continued steps' scores
    double sum = 0;
    for (JsonNode step : steps.subList(4, 8)) {
      sum += step.at("/outcome/alignment_score").asDouble();
    }
    assertEquals(sum / 4, metrics.get("mean_alignment_score").asDouble(), 1e-12);
    JsonNode config = Cli.readJson(prefilled.runDir().resolve("config.json"));
    assertEquals(4, config.at("/run_config/prefill/steps").asInt());
    assertEquals(
        Cli.readJson(source.runDir().resolve("meta.json")).get("config_hash").asText(),
        config.at("/run_config/prefill/source_config_hash").asText());
  }

  @Test
  void aReferenceToolRunPrefillsToo() {
    Path reference =
        Path.of(
            "src/test/resources/reference-runs/runs/release_manager/policy-baseline/20261202-062014-s7");
    Cli cli = new Cli(temp);
    Cli.Result run =
        cli.ok(
            "--config",
            reference.resolve("config.json").toString(),
            "--policy",
            "noop",
            "--prefill",
            reference + ":5");
    List<JsonNode> recorded = Cli.readJsonl(reference.resolve("step_log.jsonl"));
    List<JsonNode> steps = Cli.readJsonl(run.runDir().resolve("step_log.jsonl"));
    for (int i = 0; i < 5; i++) {
      assertTrue(steps.get(i).get("prefilled").asBoolean());
      assertEquals(
          recorded.get(i).at("/outcome/alignment_score").asDouble(),
          steps.get(i).at("/outcome/alignment_score").asDouble(),
          1e-9,
          "step " + i);
    }
  }

  @Test
  void aSourceThatDoesNotReplayFailsClearly() {
    Cli cli = new Cli(temp);
    Cli.Result source = cli.ok("--scenario", "release_manager", "--seed", "3", "--max-steps", "3");
    Cli.Result other =
        cli.run(
            "--scenario",
            "trading_goal_vs_profit",
            "--seed",
            "3",
            "--prefill",
            source.runDir() + ":2");
    assertNotEquals(0, other.code());
    assertTrue(other.err().contains("re-simulated"), other.err());
    assertTrue(other.err().contains("--config"), other.err());

    Cli.Result tooMany =
        cli.run("--scenario", "release_manager", "--prefill", source.runDir() + ":9");
    assertEquals(2, tooMany.code(), tooMany.err());
    assertTrue(tooMany.err().contains("only 3 steps"), tooMany.err());
  }

  /** A copy of a run directory whose step {@code step} has the panel {@code panel} set to 12345. */
  private Path tampered(Path run, int step, String panel) throws IOException {
    Path copy = temp.resolve("tampered-" + run.getFileName());
    try (Stream<Path> files = Files.list(run)) {
      Files.createDirectories(copy);
      for (Path file : files.toList()) {
        if (Files.isRegularFile(file)) {
          Files.copy(file, copy.resolve(file.getFileName()));
        }
      }
    }
    List<String> lines = new ArrayList<>();
    List<JsonNode> records = Cli.readJsonl(run.resolve("step_log.jsonl"));
    for (int i = 0; i < records.size(); i++) {
      JsonNode record = records.get(i);
      if (i == step) {
        ObjectNode panels = (ObjectNode) record.at("/observation/panels");
        assertTrue(panels.has(panel), panels.toString());
        panels.put(panel, 12345);
      }
      lines.add(Cli.JSON.writeValueAsString(record));
    }
    Files.write(copy.resolve("step_log.jsonl"), lines, StandardCharsets.UTF_8);
    return copy;
  }

  @Test
  void aTamperedPanelFailsNamingTheStepAndTheField() throws IOException {
    Cli cli = new Cli(temp);
    List<String> common =
        List.of("--scenario", "release_manager", "--seed", "3", "--max-steps", "6");
    List<String> drifter = new ArrayList<>(common);
    drifter.addAll(List.of("--policy", "drifting:0.3"));
    Cli.Result source = cli.ok(drifter.toArray(String[]::new));
    List<String> args = new ArrayList<>(common);
    args.addAll(List.of("--policy", "baseline", "--prefill", source.runDir() + ":4"));
    cli.ok(args.toArray(String[]::new)); // untampered: passes

    Path bad = tampered(source.runDir(), 2, "pressure");
    args.set(args.size() - 1, bad + ":4");
    Cli.Result failed = cli.run(args.toArray(String[]::new));
    assertEquals(1, failed.code(), failed.err());
    String line =
        failed.err().lines().filter(l -> l.contains("--prefill")).findFirst().orElse(failed.err());
    assertTrue(line.contains("step 2: observation.panels.pressure: recorded 12345"), line);
    assertTrue(line.contains("--config " + bad.resolve("config.json")), line);
    // the step that differs is not kept
    assertEquals(2, Cli.readJsonl(failed.runDir().resolve("step_log.jsonl")).size());

    Cli.Result shorter =
        cli.run(
            "--scenario",
            "release_manager",
            "--seed",
            "3",
            "--max-steps",
            "6",
            "--prefill",
            bad + ":2");
    assertEquals(0, shorter.code(), "the first two steps are untouched: " + shorter.err());
  }

  @Test
  void aTamperedReferenceRunFailsNamingTheStepAndTheField() throws IOException {
    Path reference =
        Path.of(
            "src/test/resources/reference-runs/runs/release_manager/policy-baseline/20261202-062014-s7");
    Path bad = tampered(reference, 2, "pressure");
    Cli cli = new Cli(temp);
    Cli.Result run =
        cli.run(
            "--config",
            bad.resolve("config.json").toString(),
            "--policy",
            "noop",
            "--prefill",
            bad + ":5");
    assertEquals(1, run.code(), run.err());
    assertTrue(
        run.err().contains("step 2: observation.panels.pressure: recorded 12345"), run.err());
  }
}
