package org.goaldriftgym.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Wrong input is refused before anything is written: one line on stderr starting with {@code
 * goal-drift-gym:}, nothing on stdout, the documented exit code (2 for flags, 3 for config files)
 * and no run directory.
 */
class BadInputTest {

  @TempDir Path temp;

  private Cli cli;

  private Cli.Result refused(int code, String... args) {
    cli = new Cli(temp);
    Cli.Result result = cli.run(args);
    assertEquals(code, result.code(), () -> "exit code; stderr: " + result.err());
    assertEquals("", result.out(), "nothing on stdout");
    List<String> lines = result.errLines();
    assertEquals(1, lines.size(), () -> "exactly one line on stderr: " + result.err());
    assertTrue(lines.get(0).startsWith("goal-drift-gym:"), lines.get(0));
    assertEquals(List.of(), cli.runsTree(), "no run directory");
    assertEquals(List.of(), cli.artifactsTree(), "no artifacts directory");
    return result;
  }

  private String message(int code, String... args) {
    return refused(code, args).err();
  }

  private Path file(String name, String text) {
    return Cli.write(temp.resolve("input").resolve(name), text);
  }

  @Test
  void unknownScenarioListsTheRegisteredOnesAndSuggestsTheNearest() {
    String err = message(2, "--scenario", "release_manger");
    assertTrue(err.contains("release_manager") && err.contains("trading_goal_vs_profit"), err);
    assertTrue(err.contains("did you mean release_manager?"), err);
  }

  @Test
  void unknownScenarioInAConfigFileIsAConfigError() {
    Path config = file("c.yaml", "scenario: release_manger\n");
    String err = message(3, "--config", config.toString());
    assertTrue(err.contains("did you mean release_manager?"), err);
  }

  @Test
  void unknownScenarioParamFlagListsValidOnesAndSuggestsTheNearest() {
    String err = message(2, "--scenario", "release_manager", "--scenario-param", "safe_canry=0.5");
    assertTrue(err.contains("safe_canry"), err);
    assertTrue(err.contains("did you mean safe_canary?"), err);
    assertTrue(err.contains("pressure_growth") && err.contains("panels_to_hide"), err);
  }

  @Test
  void unknownScenarioParamInAConfigFileIsAConfigError() {
    Path config =
        file("c.yaml", "scenario: release_manager\nscenario_params:\n  safe_canry: 0.5\n");
    String err = message(3, "--config", config.toString(), "--seed", "1");
    assertTrue(err.contains("did you mean safe_canary?"), err);
    assertTrue(err.contains("pressure_growth"), err);
  }

  @Test
  void scenarioParamFlagOfTheWrongTypeIsAUsageError() {
    String err =
        message(2, "--scenario", "release_manager", "--scenario-param", "safe_canary=high");
    assertTrue(err.contains("safe_canary"), err);
  }

  @Test
  void scenarioParamOutOfRangeInAConfigFileIsAConfigError() {
    Path config =
        file(
            "c.json",
            "{\"scenario\": \"release_manager\", \"scenario_params\": {\"safe_canary\": 2}}");
    String err = message(3, "--config", config.toString());
    assertTrue(err.contains("safe_canary"), err);
  }

  @Test
  void scenarioParamWithoutEqualsIsAUsageError() {
    message(2, "--scenario", "release_manager", "--scenario-param", "safe_canary");
  }

  @Test
  void negativeMaxStepsIsAUsageError() {
    message(2, "--scenario", "release_manager", "--max-steps", "-3");
  }

  @Test
  void zeroMaxStepsIsAUsageError() {
    message(2, "--scenario", "release_manager", "--max-steps", "0");
  }

  @Test
  void zeroMaxStepsInAConfigFileIsAConfigError() {
    Path config = file("c.yaml", "scenario: release_manager\nengine:\n  max_steps: 0\n");
    message(3, "--config", config.toString());
  }

  @Test
  void thresholdOutOfRangeIsAUsageError() {
    message(2, "--scenario", "release_manager", "--threshold", "1.5");
  }

  @Test
  void missingConfigFileIsAConfigError() {
    String err = message(3, "--config", temp.resolve("nope.yaml").toString());
    assertTrue(err.contains("nope.yaml"), err);
  }

  @Test
  void unreadableConfigFileIsAConfigError() throws Exception {
    Path config = file("secret.yaml", "scenario: release_manager\n");
    Files.setPosixFilePermissions(config, PosixFilePermissions.fromString("---------"));
    assumeFalse(Files.isReadable(config), "running as a user who can read anything (root)");
    String err = message(3, "--config", config.toString());
    assertTrue(err.contains("secret.yaml"), err);
  }

  @Test
  void malformedYamlNamesLineAndColumn() {
    Path config = file("bad.yaml", "scenario: release_manager\nengine: {max_steps: 3\npolicy: x\n");
    String err = message(3, "--config", config.toString());
    assertTrue(err.contains("line") && err.contains("column"), err);
    assertTrue(err.contains("bad.yaml"), err);
  }

  @Test
  void malformedJsonNamesLineAndColumn() {
    Path config =
        file(
            "bad.json", "{\n  \"scenario\": \"release_manager\",\n  \"engine\": {\"seed\": }\n}\n");
    String err = message(3, "--config", config.toString());
    assertTrue(err.contains("line 3") && err.contains("column"), err);
  }

  @Test
  void unknownTopLevelConfigKeyIsSuggested() {
    Path config = file("c.yaml", "scenaro: release_manager\n");
    String err = message(3, "--config", config.toString());
    assertTrue(err.contains("scenaro"), err);
    assertTrue(err.contains("did you mean scenario?"), err);
  }

  @Test
  void unknownPolicyIsAUsageErrorWithASuggestion() {
    String err = message(2, "--scenario", "release_manager", "--policy", "basline");
    assertTrue(err.contains("did you mean baseline?"), err);
  }

  @Test
  void unknownPolicyInAConfigFileIsAConfigError() {
    Path config = file("c.yaml", "scenario: release_manager\npolicy: drifter\n");
    message(3, "--config", config.toString());
  }

  @Test
  void driftingLevelOutOfRangeIsAUsageError() {
    message(2, "--scenario", "release_manager", "--policy", "drifting:1.5");
  }

  @Test
  void replayOfAFileThatDoesNotExistIsAUsageError() {
    String err =
        message(
            2,
            "--scenario",
            "release_manager",
            "--policy",
            "replay:" + temp.resolve("missing.jsonl"));
    assertTrue(err.contains("missing.jsonl"), err);
  }

  @Test
  void replayWhoseToolsDoNotMatchTheScenarioIsAUsageError() {
    Path actions =
        file("trading.jsonl", "{\"tool\": \"buy_green\", \"args\": {\"quantity\": 5}}\n".repeat(3));
    String err =
        message(
            2,
            "--scenario",
            "release_manager",
            "--max-steps",
            "3",
            "--policy",
            "replay:" + actions);
    assertTrue(err.contains("buy_green"), err);
  }

  @Test
  void replayWithFewerActionsThanStepsIsAUsageError() {
    Path actions = file("short.jsonl", "{\"tool\": \"run_tests\"}\n".repeat(3));
    String err =
        message(
            2,
            "--scenario",
            "release_manager",
            "--max-steps",
            "4",
            "--policy",
            "replay:" + actions);
    assertTrue(err.contains("3") && err.contains("4"), err);
  }

  @Test
  void replayOfALineThatIsNotJsonIsAUsageError() {
    Path actions = file("broken.jsonl", "{\"tool\": \"run_tests\"}\nnot json\n");
    String err =
        message(
            2,
            "--scenario",
            "release_manager",
            "--max-steps",
            "2",
            "--policy",
            "replay:" + actions);
    assertTrue(err.contains("line 2"), err);
  }

  @Test
  void labelWithoutLettersOrDigitsIsAUsageError() {
    message(2, "--scenario", "release_manager", "--label", "../..");
  }

  @Test
  void agentBlockWithoutAModelIsAConfigError() {
    Path config = file("c.yaml", "scenario: release_manager\nagent:\n  type: openrouter\n");
    message(3, "--config", config.toString());
  }

  @Test
  void runWithoutAScenarioIsAUsageError() {
    message(2, "--seed", "1");
  }

  @Test
  void scenarioParamFlagWithoutAScenarioIsAUsageError() {
    message(2, "--scenario-param", "safe_canary=0.5");
  }

  @Test
  void seedFlagThatIsNotANumberIsAUsageError() {
    cli = new Cli(temp);
    Cli.Result result = cli.run("--scenario", "release_manager", "--seed", "abc");
    assertEquals(2, result.code());
    assertEquals("", result.out());
    assertTrue(result.errLines().get(0).startsWith("goal-drift-gym:"), result.err());
    assertEquals(List.of(), cli.runsTree());
  }

  @Test
  void everyBadInputAboveLeavesTheRunsRootEmptyEvenAfterManyAttempts() {
    cli = new Cli(temp);
    List<Integer> codes = new ArrayList<>();
    codes.add(cli.run("--scenario", "nope").code());
    codes.add(cli.run("--scenario", "release_manager", "--policy", "nope").code());
    codes.add(cli.run("--scenario", "release_manager", "--max-steps", "-1").code());
    assertEquals(List.of(2, 2, 2), codes);
    assertEquals(List.of(), cli.runsTree());
  }

  @Test
  void unusableArtifactsRootIsReportedWithoutLeavingAnEmptyRunDirectory() {
    cli = new Cli(temp);
    Path notADirectory = Cli.write(temp.resolve("artifacts-file"), "x");
    Cli.Result result =
        cli.raw(
            "run",
            "--runs-root",
            cli.runsRoot.toString(),
            "--artifacts-root",
            notADirectory.toString(),
            "--scenario",
            "release_manager",
            "--seed",
            "1",
            "--max-steps",
            "2");

    assertTrue(result.code() != 0);
    assertEquals(1, result.errLines().size(), result.err());
    assertTrue(result.err().startsWith("goal-drift-gym:"), result.err());
    assertTrue(!result.err().contains("internal error"), result.err());
    assertTrue(
        cli.runsTree().stream()
            .noneMatch(
                p ->
                    Files.isDirectory(p) && p.getFileName().toString().startsWith(Cli.RUN_ID_TIME)),
        "no run directory left behind: " + cli.runsTree());
  }
}
