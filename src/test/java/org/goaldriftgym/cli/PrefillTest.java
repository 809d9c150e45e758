package org.goaldriftgym.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.List;
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
}
