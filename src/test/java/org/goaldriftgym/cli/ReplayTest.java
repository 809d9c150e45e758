package org.goaldriftgym.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The {@code replay} policy: the same actions again, for counterfactuals under other params. */
class ReplayTest {

  @TempDir Path temp;

  @ParameterizedTest
  @CsvSource({"release_manager, pressure_growth", "trading_goal_vs_profit, profit_pressure_growth"})
  void replayOfARunDirectoryWithTheSameConfigReproducesItsStepLog(String scenario, String growth)
      throws Exception {
    Cli cli = new Cli(temp);
    Path original = cli.ok("--scenario", scenario, "--seed", "5", "--policy", "drifting").runDir();
    Path replay =
        cli.ok("--scenario", scenario, "--seed", "5", "--policy", "replay:" + original).runDir();

    assertEquals("policy-replay", replay.getParent().getFileName().toString());
    assertEquals(actions(original), actions(replay));
    assertEquals(scores(original), scores(replay));
    assertArrayEquals(
        Files.readAllBytes(original.resolve("step_log.jsonl")),
        Files.readAllBytes(replay.resolve("step_log.jsonl")));
    assertEquals(
        Cli.readJson(original.resolve("metrics.json")),
        Cli.readJson(replay.resolve("metrics.json")));
  }

  @ParameterizedTest
  @CsvSource({"release_manager, pressure_growth", "trading_goal_vs_profit, profit_pressure_growth"})
  void replayUnderADifferentPressureGrowthKeepsTheActionsAndChangesTheScores(
      String scenario, String growth) {
    Cli cli = new Cli(temp);
    Path original = cli.ok("--scenario", scenario, "--seed", "5", "--policy", "drifting").runDir();
    Path counterfactual =
        cli.ok(
                "--scenario",
                scenario,
                "--seed",
                "5",
                "--scenario-param",
                growth + "=0.3",
                "--policy",
                "replay:" + original.resolve("step_log.jsonl"))
            .runDir();

    assertEquals(actions(original), actions(counterfactual));
    assertNotEquals(scores(original), scores(counterfactual));
    assertNotEquals(
        Cli.readJson(original.resolve("meta.json")).get("config_hash"),
        Cli.readJson(counterfactual.resolve("meta.json")).get("config_hash"));
  }

  @Test
  void replayOfAHandWrittenJsonlAppliesItsCallsInOrder() {
    Cli cli = new Cli(temp);
    Path actions =
        Cli.write(
            temp.resolve("actions.jsonl"),
            """
            {"tool": "review_esg", "args": {}}
            {"tool": "buy_green", "args": {"quantity": 5000}}

            {"tool": "buy_brown", "args": {"quantity": 250.5}}
            {"tool": "sell_green"}
            """);
    Path run =
        cli.ok(
                "--scenario",
                "trading_goal_vs_profit",
                "--seed",
                "3",
                "--max-steps",
                "4",
                "--policy",
                "replay:" + actions)
            .runDir();
    List<JsonNode> steps = Cli.readJsonl(run.resolve("step_log.jsonl"));

    assertEquals(4, steps.size());
    assertEquals(
        List.of("review_esg", "buy_green", "buy_brown", "sell_green"),
        steps.stream().map(s -> s.get("outcome").get("log").get("applied_tool").asText()).toList());
    assertEquals(5000, steps.get(1).get("action").get("args").get("quantity").asInt());
    assertEquals(250.5, steps.get(2).get("action").get("args").get("quantity").asDouble());
    assertTrue(steps.get(3).get("action").get("args").isEmpty());
    for (JsonNode step : steps) {
      assertTrue(step.get("outcome").get("log").get("invalid_action").isNull(), step.toString());
    }
    // after buying 5000 green at 100 and 250.5 brown at ~80, the green panel reflects the buys
    JsonNode panels = steps.get(2).get("outcome").get("observation").get("panels");
    assertTrue(panels.get("green_allocation").asDouble() > 0.4, panels.toString());
    assertTrue(panels.get("brown_allocation").asDouble() > 0.0, panels.toString());
  }

  @Test
  void argumentsThatAreNotAnObjectAreRecordedAsAnInvalidActionNotACrash() throws Exception {
    Cli cli = new Cli(temp);
    Path actions =
        Cli.write(
            temp.resolve("actions.jsonl"),
            """
            {"tool": "run_tests", "args": {}}
            {"tool": "deploy", "args": [1, 2]}
            {"tool": "check_canary"}
            """);
    Cli.Result result =
        cli.ok(
            "--scenario",
            "release_manager",
            "--seed",
            "3",
            "--max-steps",
            "3",
            "--policy",
            "replay:" + actions);
    Path run = result.runDir();
    List<JsonNode> steps = Cli.readJsonl(run.resolve("step_log.jsonl"));

    assertEquals(3, steps.size());
    JsonNode bad = steps.get(1);
    assertEquals("deploy", bad.get("action").get("tool").asText());
    assertTrue(bad.get("outcome").get("log").get("invalid_action").isTextual(), bad.toString());
    assertEquals("noop", bad.get("outcome").get("log").get("applied_tool").asText());
    assertEquals(
        "idle", bad.get("outcome").get("observation").get("panels").get("deployment").asText());
    assertEquals(1, result.json().get("metrics").get("invalid_actions").asInt());
    assertEquals(
        "check_canary", steps.get(2).get("outcome").get("log").get("applied_tool").asText());

    // and replaying that run repeats the same invalid call, byte for byte
    Path again =
        cli.ok(
                "--scenario",
                "release_manager",
                "--seed",
                "3",
                "--max-steps",
                "3",
                "--policy",
                "replay:" + run,
                "--label",
                "again")
            .runDir();
    assertArrayEquals(
        Files.readAllBytes(run.resolve("step_log.jsonl")),
        Files.readAllBytes(again.resolve("step_log.jsonl")));
  }

  @Test
  void replayWithMoreActionsThanStepsUsesTheFirstOnes() {
    Cli cli = new Cli(temp);
    Path original =
        cli.ok("--scenario", "release_manager", "--seed", "5", "--policy", "drifting").runDir();
    Path shorter =
        cli.ok(
                "--scenario",
                "release_manager",
                "--seed",
                "5",
                "--max-steps",
                "6",
                "--policy",
                "replay:" + original)
            .runDir();
    assertEquals(actions(original).subList(0, 6), actions(shorter));
    assertFalse(actions(shorter).isEmpty());
  }

  private static List<String> actions(Path run) {
    List<String> actions = new ArrayList<>();
    for (JsonNode step : Cli.readJsonl(run.resolve("step_log.jsonl"))) {
      actions.add(step.get("action").get("tool").asText() + step.get("action").get("args"));
    }
    return actions;
  }

  private static List<Double> scores(Path run) {
    return Cli.readJsonl(run.resolve("step_log.jsonl")).stream()
        .map(s -> s.get("outcome").get("alignment_score").asDouble())
        .toList();
  }
}
