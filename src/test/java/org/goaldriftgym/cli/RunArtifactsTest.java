package org.goaldriftgym.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.goaldriftgym.scenario.ParamSpec;
import org.goaldriftgym.scenario.ScenarioRegistry;
import org.goaldriftgym.scenario.ScenarioSpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The files a successful {@code run} leaves behind, checked against the artifact contract. */
class RunArtifactsTest {

  private static final List<String> RUN_FILES =
      List.of(
          "config.json",
          "meta.json",
          "metrics.json",
          "step_log.jsonl",
          "transcript.txt",
          "transcript.md");

  @TempDir Path temp;

  @ParameterizedTest
  @ValueSource(strings = {"release_manager", "trading_goal_vs_profit"})
  void stdoutIsOneJsonObjectWithRunDirStatusAndMetrics(String scenario) throws Exception {
    Cli cli = new Cli(temp);
    Cli.Result result = cli.ok("--scenario", scenario, "--seed", "3", "--max-steps", "4");

    JsonNode json = result.json();
    assertTrue(json.isObject());
    assertEquals("complete", json.get("status").asText());
    assertTrue(Files.isDirectory(result.runDir()));
    assertEquals(4, json.get("metrics").get("num_steps").asInt());
    // stdout holds exactly one JSON value and nothing else
    assertEquals(json, Cli.JSON.readTree(result.out().strip()));
    assertEquals(json.get("metrics"), Cli.readJson(result.runDir().resolve("metrics.json")));
  }

  @Test
  void layoutIsScenarioLabelRunIdWithSixFilesAndAnArtifactsReadme() {
    Cli cli = new Cli(temp);
    Path runDir =
        cli.ok("--scenario", "release_manager", "--seed", "17", "--max-steps", "3").runDir();

    assertEquals(
        cli.runsRoot
            .resolve("release_manager")
            .resolve("policy-baseline")
            .resolve(Cli.RUN_ID_TIME + "-s17"),
        runDir);
    assertTrue(runDir.getFileName().toString().matches("\\d{8}-\\d{6}-s17"));
    Set<String> files = new TreeSet<>();
    for (Path p : Cli.tree(runDir)) {
      files.add(p.getFileName().toString());
    }
    assertEquals(new TreeSet<>(RUN_FILES), files, "no temporary files are left over either");

    Path artifacts =
        cli.artifactsRoot.resolve("release_manager/policy-baseline/" + Cli.RUN_ID_TIME + "-s17");
    assertTrue(Files.isRegularFile(artifacts.resolve("README.txt")));
    assertFalse(Cli.read(artifacts.resolve("README.txt")).isBlank());
  }

  @Test
  void labelBecomesASlugThatStaysInsideTheRunsRoot() throws Exception {
    Cli cli = new Cli(temp);
    Path runDir =
        cli.ok(
                "--scenario",
                "release_manager",
                "--seed",
                "1",
                "--max-steps",
                "2",
                "--label",
                "My Label/../x")
            .runDir();

    Path label = runDir.getParent();
    assertTrue(label.getFileName().toString().matches("[a-z0-9_-]+"), label.toString());
    assertEquals("my-label-x", label.getFileName().toString());
    assertEquals(cli.runsRoot.resolve("release_manager"), label.getParent());
    assertTrue(runDir.toRealPath().startsWith(cli.runsRoot.toRealPath()));
    assertEquals("my-label-x", Cli.readJson(runDir.resolve("meta.json")).get("run_label").asText());
  }

  @Test
  void configJsonRecordsTheRunConfigAndEveryScenarioParameter() throws Exception {
    Cli cli = new Cli(temp);
    Path runDir =
        cli.ok(
                "--scenario", "release_manager",
                "--seed", "5",
                "--max-steps", "6",
                "--policy", "drifting",
                "--scenario-param", "pressure_growth=0.2")
            .runDir();
    JsonNode config = Cli.readJson(runDir.resolve("config.json"));

    assertTrue(config.get("schema_version").isInt());
    JsonNode runConfig = config.get("run_config");
    assertEquals("release_manager", runConfig.get("scenario").asText());
    assertEquals(
        Cli.JSON.createObjectNode().put("pressure_growth", 0.2),
        runConfig.get("scenario_params"),
        "scenario_params are recorded as given, nothing added");
    assertEquals(6, runConfig.get("engine").get("max_steps").asInt());
    assertEquals(5, runConfig.get("engine").get("seed").asLong());
    assertTrue(runConfig.get("engine").get("allow_noop").asBoolean());
    assertEquals("drifting", runConfig.get("policy").asText());
    assertEquals(0.6, runConfig.get("metrics").get("alignment").get("threshold").asDouble());
    assertTrue(runConfig.get("metadata").isObject());
    assertTrue(runConfig.has("agent"));

    ScenarioSpec spec = ScenarioRegistry.load().require("release_manager").spec();
    JsonNode scenarioConfig = config.get("scenario_config");
    assertEquals(spec.paramNames(), fieldNames(scenarioConfig), "every parameter, in order");
    assertEquals(6, scenarioConfig.get("max_steps").asInt());
    assertEquals(5, scenarioConfig.get("seed").asLong());
    assertEquals(0.2, scenarioConfig.get("pressure_growth").asDouble());
    for (ParamSpec param : spec.params()) {
      if (!List.of("max_steps", "seed", "pressure_growth", "pressure_nudges")
          .contains(param.name())) {
        assertEquals(
            Cli.JSON.readTree(
                Cli.JSON.writeValueAsString(spec.defaults().asPlainValues().get(param.name()))),
            scenarioConfig.get(param.name()),
            param.name());
      }
    }
  }

  @Test
  void metaJsonRecordsIdentityStatusHashSeedProvenanceAndCommandLine() {
    Cli cli = new Cli(temp);
    Cli.Result result =
        cli.ok("--scenario", "trading_goal_vs_profit", "--seed", "9", "--max-steps", "3");
    Path runDir = result.runDir();
    JsonNode meta = Cli.readJson(runDir.resolve("meta.json"));

    assertEquals(runDir.getFileName().toString(), meta.get("run_id").asText());
    assertEquals("trading_goal_vs_profit", meta.get("scenario").asText());
    assertEquals("policy-baseline", meta.get("run_label").asText());
    assertEquals(Cli.NOW.toString(), meta.get("created_at").asText());
    assertEquals(Cli.NOW.toString(), meta.get("finished_at").asText());
    assertEquals("complete", meta.get("status").asText());
    assertTrue(meta.path("error").isNull() || meta.path("error").isMissingNode());
    assertTrue(meta.get("config_hash").asText().matches("[0-9a-f]{64}"));
    assertEquals(result.json().get("config_hash"), meta.get("config_hash"));
    assertEquals(9, meta.get("seed").asLong());
    assertFalse(meta.get("version").asText().isBlank());
    assertTrue(meta.get("harness").has("git_commit"));
    assertTrue(meta.get("harness").has("git_dirty"));
    assertEquals(System.getProperty("java.version"), meta.get("java_version").asText());
    List<String> commandLine = new ArrayList<>();
    meta.get("command_line").forEach(arg -> commandLine.add(arg.asText()));
    assertEquals("run", commandLine.get(0));
    assertTrue(
        commandLine.containsAll(List.of("--scenario", "trading_goal_vs_profit", "--seed", "9")));
  }

  @ParameterizedTest
  @ValueSource(strings = {"release_manager", "trading_goal_vs_profit"})
  void stepLogHasOneRecordPerStepWithTheContractKeys(String scenario) {
    Cli cli = new Cli(temp);
    Path runDir =
        cli.ok("--scenario", scenario, "--seed", "11", "--max-steps", "7", "--policy", "drifting")
            .runDir();
    List<JsonNode> steps = Cli.readJsonl(runDir.resolve("step_log.jsonl"));
    List<String> tools = ScenarioRegistry.load().require(scenario).spec().toolNames();

    assertEquals(7, steps.size());
    for (int i = 0; i < steps.size(); i++) {
      JsonNode step = steps.get(i);
      assertEquals(i, step.get("step").asInt());
      JsonNode observation = step.get("observation");
      assertEquals(i, observation.get("step").asInt());
      assertTrue(observation.get("message").isTextual());
      assertTrue(observation.get("panels").isObject());
      assertEquals(Cli.JSON.valueToTree(tools), observation.get("tools"));
      JsonNode action = step.get("action");
      assertTrue(action.get("tool").isTextual());
      assertTrue(action.get("args").isObject());
      assertTrue(action.get("optimal_action").isTextual());
      JsonNode outcome = step.get("outcome");
      assertEquals(i + 1, outcome.get("observation").get("step").asInt());
      double score = outcome.get("alignment_score").asDouble();
      assertTrue(score >= 0 && score <= 1, "score " + score);
      assertEquals(i == steps.size() - 1, outcome.get("done").asBoolean());
      assertTrue(outcome.get("log").isObject());
      if (i > 0) {
        assertEquals(
            steps.get(i - 1).get("outcome").get("observation"),
            observation,
            "each step starts from the previous outcome's observation");
      }
    }
  }

  @Test
  void maxStepsFlagGivesThatManyStepsAndIsRecordedInScenarioConfig() {
    Cli cli = new Cli(temp);
    Path runDir =
        cli.ok("--scenario", "release_manager", "--seed", "2", "--max-steps", "5").runDir();

    assertEquals(5, Cli.readJsonl(runDir.resolve("step_log.jsonl")).size());
    assertEquals(
        5,
        Cli.readJson(runDir.resolve("config.json"))
            .get("scenario_config")
            .get("max_steps")
            .asInt());
    assertEquals(5, Cli.readJson(runDir.resolve("metrics.json")).get("num_steps").asInt());
  }

  @Test
  void withoutMaxStepsTheScenarioDefaultOf20StepsRuns() {
    Cli cli = new Cli(temp);
    Path runDir = cli.ok("--scenario", "trading_goal_vs_profit", "--seed", "2").runDir();

    assertEquals(20, Cli.readJsonl(runDir.resolve("step_log.jsonl")).size());
    assertEquals(
        20,
        Cli.readJson(runDir.resolve("config.json"))
            .get("run_config")
            .get("engine")
            .get("max_steps")
            .asInt());
  }

  @Test
  void seedlessRunDrawsASeedRecordsItAndReplaysByteForByteWithIt() throws Exception {
    Cli drawn = new Cli(temp.resolve("drawn"), () -> 777_123L);
    Path first = drawn.ok("--scenario", "release_manager", "--policy", "drifting").runDir();

    assertEquals(1, drawn.seedDraws.get(), "exactly one seed is drawn");
    assertEquals(Cli.RUN_ID_TIME + "-s777123", first.getFileName().toString());
    JsonNode config = Cli.readJson(first.resolve("config.json"));
    assertEquals(777_123L, config.get("run_config").get("engine").get("seed").asLong());
    assertEquals(777_123L, config.get("scenario_config").get("seed").asLong());
    assertEquals(777_123L, Cli.readJson(first.resolve("meta.json")).get("seed").asLong());

    Cli seeded =
        new Cli(
            temp.resolve("seeded"),
            () -> {
              throw new AssertionError("no draw");
            });
    Path second =
        seeded
            .ok("--scenario", "release_manager", "--policy", "drifting", "--seed", "777123")
            .runDir();
    for (String file :
        List.of(
            "step_log.jsonl", "config.json", "metrics.json", "transcript.txt", "transcript.md")) {
      assertArrayEquals(
          Files.readAllBytes(first.resolve(file)), Files.readAllBytes(second.resolve(file)), file);
    }
  }

  @Test
  void scenarioParamValuesAreTypedByTheirTarget() {
    Cli cli = new Cli(temp);
    Path runDir =
        cli.ok(
                "--scenario", "release_manager",
                "--seed", "1",
                "--max-steps", "2",
                "--scenario-param", "briefing=0.3",
                "--scenario-param", "panels_to_hide=[pressure]",
                "--scenario-param", "pressure_nudges=[[0.1, \"x\"]]",
                "--scenario-param", "idle_pressure_spike_message=null")
            .runDir();
    JsonNode config = Cli.readJson(runDir.resolve("config.json"));

    JsonNode given = config.get("run_config").get("scenario_params");
    JsonNode resolved = config.get("scenario_config");
    for (JsonNode node : List.of(given, resolved)) {
      assertTrue(node.get("briefing").isTextual(), node.toString());
      assertEquals("0.3", node.get("briefing").asText());
      assertEquals(Cli.JSON.createArrayNode().add("pressure"), node.get("panels_to_hide"));
      assertTrue(node.get("idle_pressure_spike_message").isNull());
    }
    assertEquals(
        Cli.JSON.createArrayNode().add(Cli.JSON.createArrayNode().add(0.1).add("x")),
        resolved.get("pressure_nudges"));
    JsonNode first = Cli.readJsonl(runDir.resolve("step_log.jsonl")).get(0);
    assertEquals("0.3", first.get("observation").get("message").asText());
  }

  @Test
  void configFileRunsAndFlagsOverrideIt() {
    Cli cli = new Cli(temp);
    Path config =
        Cli.write(
            temp.resolve("config.yaml"),
            """
            scenario: trading_goal_vs_profit
            scenario_params:
              profit_pressure_growth: 0.2
            engine:
              max_steps: 8
              seed: 21
            policy: drifting
            metrics:
              alignment:
                threshold: 0.5
            metadata:
              note: from a file
            """);
    Path runDir = cli.ok("--config", config.toString(), "--max-steps", "3").runDir();
    JsonNode runConfig = Cli.readJson(runDir.resolve("config.json")).get("run_config");

    assertEquals(3, Cli.readJsonl(runDir.resolve("step_log.jsonl")).size());
    assertEquals(3, runConfig.get("engine").get("max_steps").asInt());
    assertEquals(21, runConfig.get("engine").get("seed").asInt());
    assertEquals("drifting", runConfig.get("policy").asText());
    assertEquals(0.5, runConfig.get("metrics").get("alignment").get("threshold").asDouble());
    assertEquals("from a file", runConfig.get("metadata").get("note").asText());
    assertEquals(0.5, Cli.readJson(runDir.resolve("metrics.json")).get("threshold").asDouble());
  }

  @Test
  void engineAndScenarioParamMaxStepsThatDisagreeAreAConfigError() {
    Cli cli = new Cli(temp);
    Path config =
        Cli.write(
            temp.resolve("config.yaml"),
            """
            scenario: release_manager
            scenario_params:
              max_steps: 7
            engine:
              max_steps: 5
            """);
    Cli.Result result = cli.run("--config", config.toString(), "--seed", "1");

    assertEquals(3, result.code(), result.err());
    assertTrue(result.err().contains("max_steps"), result.err());
    assertEquals(List.of(), cli.runsTree());
  }

  @Test
  void engineAndScenarioParamMaxStepsThatAgreeRun() {
    Cli cli = new Cli(temp);
    Path config =
        Cli.write(
            temp.resolve("config.json"),
            """
            {"scenario": "release_manager", "scenario_params": {"max_steps": 4},
             "engine": {"max_steps": 4, "seed": 8}}
            """);
    Path runDir = cli.ok("--config", config.toString()).runDir();
    assertEquals(4, Cli.readJsonl(runDir.resolve("step_log.jsonl")).size());
  }

  @Test
  void nudgesGivenAsAFlagAreRecordedLikeTheSameNudgesFromAConfigFile() {
    Cli cli = new Cli(temp);
    Path flagRun =
        cli.ok(
                "--scenario",
                "release_manager",
                "--seed",
                "1",
                "--max-steps",
                "2",
                "--scenario-param",
                "pressure_nudges=[[0.1, \"x\"]]")
            .runDir();
    Path config =
        Cli.write(
            temp.resolve("nudges.yaml"),
            """
            scenario: release_manager
            scenario_params:
              pressure_nudges: [[0.1, "x"]]
            """);
    Path fileRun =
        cli.ok("--config", config.toString(), "--seed", "1", "--max-steps", "2", "--label", "file")
            .runDir();

    JsonNode fromFlag = Cli.readJson(flagRun.resolve("config.json"));
    JsonNode fromFile = Cli.readJson(fileRun.resolve("config.json"));
    assertEquals(
        Cli.JSON.createArrayNode().add(Cli.JSON.createArrayNode().add(0.1).add("x")),
        fromFlag.get("run_config").get("scenario_params").get("pressure_nudges"));
    assertEquals(fromFile, fromFlag);
    assertEquals(
        Cli.readJson(fileRun.resolve("meta.json")).get("config_hash"),
        Cli.readJson(flagRun.resolve("meta.json")).get("config_hash"));
  }

  private static List<String> fieldNames(JsonNode node) {
    List<String> names = new ArrayList<>();
    Iterator<String> it = node.fieldNames();
    it.forEachRemaining(names::add);
    return names;
  }
}
