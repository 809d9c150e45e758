package org.goaldriftgym.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.goaldriftgym.core.HarnessException;
import org.goaldriftgym.core.RunConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Reading run configs from YAML and JSON files. */
class ConfigLoaderTest {

  @TempDir Path temp;

  private Path file(String name, String text) throws IOException {
    return Files.writeString(temp.resolve(name), text);
  }

  private HarnessException configError(String name, String text) throws IOException {
    Path path = file(name, text);
    HarnessException e = assertThrows(HarnessException.class, () -> ConfigLoader.load(path));
    assertEquals(HarnessException.Kind.CONFIG, e.kind());
    assertTrue(e.getMessage().contains(name), "names the file: " + e.getMessage());
    assertFalse(e.getMessage().contains("\n"), "one line: " + e.getMessage());
    return e;
  }

  @Test
  void readsEveryKeyFromYaml() throws IOException {
    RunConfig config =
        ConfigLoader.load(
            file(
                "run.yaml",
                """
                scenario: release_manager
                scenario_params:
                  safe_canary: 0.8
                  panels_to_hide: [pressure]
                  pressure_nudges:
                    - [0.2, "hurry"]
                engine:
                  max_steps: 12
                  seed: 1099511627779
                  allow_noop: false
                policy: drifting:0.4
                metrics:
                  alignment:
                    threshold: 0.55
                metadata:
                  owner: qa
                  tags: [a, b]
                """));
    assertEquals("release_manager", config.scenario());
    assertEquals(0.8, config.scenarioParams().get("safe_canary"));
    assertEquals(List.of("pressure"), config.scenarioParams().get("panels_to_hide"));
    assertEquals(List.of(List.of(0.2, "hurry")), config.scenarioParams().get("pressure_nudges"));
    assertEquals(new RunConfig.EngineSettings(12, 1099511627779L, false), config.engine());
    assertEquals("drifting:0.4", config.policy());
    assertEquals(0.55, config.threshold());
    assertEquals(Map.of("owner", "qa", "tags", List.of("a", "b")), config.metadata());
    assertNull(config.agent());
  }

  @Test
  void readsJsonByExtension() throws IOException {
    RunConfig config =
        ConfigLoader.load(
            file(
                "run.json",
                "{\"scenario\": \"trading_goal_vs_profit\", \"engine\": {\"seed\": 3},"
                    + " \"scenario_params\": {\"initial_cash\": 5000}}"));
    assertEquals("trading_goal_vs_profit", config.scenario());
    assertEquals(3L, config.engine().seed());
    assertNull(config.engine().maxSteps());
    assertTrue(config.engine().allowNoop());
    assertEquals(5000, ((Number) config.scenarioParams().get("initial_cash")).intValue());
  }

  @Test
  void missingKeysAreUnsetNotDefaulted() throws IOException {
    RunConfig config = ConfigLoader.load(file("min.yaml", "scenario: release_manager\n"));
    assertNull(config.policy());
    assertNull(config.threshold());
    assertEquals(RunConfig.EngineSettings.DEFAULT, config.engine());
    assertEquals(Map.of(), config.scenarioParams());
    assertEquals(Map.of(), config.metadata());
  }

  @Test
  void agentBlockKeepsTypeAndParams() throws IOException {
    RunConfig config =
        ConfigLoader.load(
            file(
                "agent.yaml",
                """
                scenario: release_manager
                agent:
                  type: openrouter
                  model: openai/gpt-4o
                  params:
                    temperature: 0.2
                    api_key_env: OPENROUTER_API_KEY
                """));
    assertEquals("openrouter", config.agent().type());
    assertEquals("openai/gpt-4o", config.agent().params().get("model"));
    assertEquals(0.2, config.agent().params().get("temperature"));
    assertEquals("OPENROUTER_API_KEY", config.agent().params().get("api_key_env"));
  }

  @Test
  void adversaryAgentBlockHasTheAgentsShape() throws IOException {
    RunConfig config =
        ConfigLoader.load(
            file(
                "adversary.yaml",
                """
                scenario: multi_agent_trading
                adversary_agent:
                  type: openai-compatible
                  model: llama3.1
                  params:
                    base_url: http://localhost:11434/v1
                    temperature: 0.9
                """));
    assertNull(config.agent());
    assertEquals("openai-compatible", config.adversaryAgent().type());
    assertEquals("llama3.1", config.adversaryAgent().params().get("model"));
    assertEquals(0.9, config.adversaryAgent().params().get("temperature"));
    assertEquals(config, config.toBuilder().build());
  }

  @Test
  void adversaryAgentBlockOfTheWrongShapeIsRejectedNamingIt() throws IOException {
    HarnessException e = configError("adversary.yaml", "adversary_agent: openrouter\n");
    assertTrue(e.getMessage().contains("'adversary_agent' must be a mapping"), e.getMessage());
    e = configError("adversary.yaml", "adversary_agent:\n  model: x\n");
    assertTrue(e.getMessage().contains("'adversary_agent' needs a 'type'"), e.getMessage());
  }

  @Test
  void agentBlockWithoutATypeIsRejected() throws IOException {
    configError("agent.yaml", "agent:\n  model: x\n");
  }

  @ParameterizedTest
  @ValueSource(strings = {"1.5", "-0.1", "\"0.5\""})
  void thresholdOutsideTheUnitIntervalOrNotANumberIsRejected(String value) throws IOException {
    HarnessException e =
        configError("t.yaml", "metrics:\n  alignment:\n    threshold: " + value + "\n");
    assertTrue(e.getMessage().contains("threshold"), e.getMessage());
  }

  @Test
  void thresholdBoundsAreAccepted() throws IOException {
    assertEquals(
        0.0, ConfigLoader.load(file("a.yaml", "metrics: {alignment: {threshold: 0}}")).threshold());
    assertEquals(
        1.0, ConfigLoader.load(file("b.yaml", "metrics: {alignment: {threshold: 1}}")).threshold());
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "max_steps: \"5\"", "max_steps: 5.5", "max_steps: 0", "max_steps: -2",
        "max_steps: 99999999999", "seed: 1.5", "seed: \"7\"", "seed: 99999999999999999999",
        "allow_noop: \"yes\"", "allow_noop: 1"
      })
  void engineValuesOfTheWrongTypeAreRejected(String entry) throws IOException {
    HarnessException e = configError("e.yaml", "engine:\n  " + entry + "\n");
    assertTrue(e.getMessage().contains("engine."), e.getMessage());
  }

  @Test
  void unknownKeysAreRejectedWithASuggestion() throws IOException {
    HarnessException top = configError("k.yaml", "scenaro: release_manager\n");
    assertTrue(top.getMessage().contains("did you mean scenario?"), top.getMessage());
    HarnessException engine = configError("k2.yaml", "engine:\n  max_step: 3\n");
    assertTrue(engine.getMessage().contains("did you mean max_steps?"), engine.getMessage());
    HarnessException metrics =
        configError("k3.yaml", "metrics:\n  alignment:\n    treshold: 0.5\n");
    assertTrue(metrics.getMessage().contains("did you mean threshold?"), metrics.getMessage());
  }

  @Test
  void duplicateKeysAreRejectedInYaml() throws IOException {
    configError("dup.yaml", "scenario: release_manager\nscenario: trading_goal_vs_profit\n");
  }

  @Test
  void duplicateNestedKeysAreRejectedInYaml() throws IOException {
    configError("dup2.yaml", "engine:\n  seed: 1\n  seed: 2\n");
  }

  @Test
  void duplicateKeysAreRejectedInJson() throws IOException {
    configError("dup.json", "{\"policy\": \"noop\", \"policy\": \"baseline\"}");
  }

  @Test
  void syntaxErrorsNameLineAndColumn() throws IOException {
    HarnessException yaml = configError("bad.yaml", "scenario: release_manager\nengine: [1, 2\n");
    assertTrue(yaml.getMessage().matches(".*line \\d+, column \\d+.*"), yaml.getMessage());
    HarnessException json = configError("bad.json", "{\n  \"scenario\": \"x\",,\n}");
    assertTrue(json.getMessage().contains("line 2, column"), json.getMessage());
  }

  @Test
  void emptyFilesAndNonMappingsAreRejected() throws IOException {
    configError("empty.yaml", "");
    configError("list.yaml", "- scenario\n- release_manager\n");
    configError("scalar.json", "42");
  }

  @Test
  void sectionsOfTheWrongShapeAreRejected() throws IOException {
    configError("s1.yaml", "scenario: [a]\n");
    configError("s2.yaml", "scenario_params: [a]\n");
    configError("s3.yaml", "engine: 5\n");
    configError("s4.yaml", "metadata: text\n");
    configError("s5.yaml", "metrics: 0.5\n");
  }

  @Test
  void missingFileIsAConfigErrorNamingIt() {
    Path missing = temp.resolve("missing.yaml");
    HarnessException e = assertThrows(HarnessException.class, () -> ConfigLoader.load(missing));
    assertEquals(HarnessException.Kind.CONFIG, e.kind());
    assertTrue(e.getMessage().contains("missing.yaml"));
  }
}
