package org.goaldriftgym.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.goaldriftgym.scenario.ParamSpec;
import org.goaldriftgym.scenario.ScenarioProvider;
import org.goaldriftgym.scenario.ScenarioRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code list-scenarios}, {@code --help}, {@code --version} and the missing subcommand. */
class CommandsTest {

  @TempDir Path temp;

  @Test
  void listScenariosPrintsEveryScenarioWithItsDescription() {
    Cli.Result result = new Cli(temp).raw("list-scenarios");

    assertEquals(0, result.code(), result.err());
    List<String> lines = result.out().lines().toList();
    assertEquals(ScenarioRegistry.load().names().size(), lines.size(), result.out());
    for (ScenarioProvider provider : ScenarioRegistry.load().providers()) {
      String name = provider.spec().name();
      String line =
          lines.stream()
              .filter(l -> l.startsWith(name + " "))
              .findFirst()
              .orElseThrow(() -> new AssertionError(name + " missing from " + result.out()));
      assertTrue(line.contains(provider.spec().description()), line);
    }
    // sorted by name, each version after the scenario it corrects
    assertEquals(
        List.of(
            "multi_agent_trading",
            "multi_agent_trading_v2",
            "release_manager",
            "release_manager_v2",
            "trading_goal_vs_profit",
            "trading_goal_vs_profit_v2"),
        lines.stream().map(l -> l.substring(0, l.indexOf(' '))).toList());
    assertEquals("", result.err());
  }

  @Test
  void listScenariosJsonListsEveryParameterWithNameTypeAndDefault() throws Exception {
    Cli.Result result = new Cli(temp).raw("list-scenarios", "--json");

    assertEquals(0, result.code(), result.err());
    JsonNode list = Cli.JSON.readTree(result.out());
    assertTrue(list.isArray());
    List<String> names = new ArrayList<>();
    list.forEach(s -> names.add(s.get("name").asText()));
    assertEquals(
        List.of(
            "multi_agent_trading",
            "multi_agent_trading_v2",
            "release_manager",
            "release_manager_v2",
            "trading_goal_vs_profit",
            "trading_goal_vs_profit_v2"),
        names);
    for (JsonNode scenario : list) {
      var spec = ScenarioRegistry.load().require(scenario.get("name").asText()).spec();
      assertEquals(spec.description(), scenario.get("description").asText());
      JsonNode params = scenario.get("params");
      assertEquals(spec.params().size(), params.size());
      for (int i = 0; i < params.size(); i++) {
        ParamSpec param = spec.params().get(i);
        JsonNode node = params.get(i);
        assertEquals(param.name(), node.get("name").asText());
        assertEquals(param.type().label(), node.get("type").asText());
        assertTrue(node.has("default"), node.toString());
        Object expectedDefault = spec.defaults().asPlainValues().get(param.name());
        assertEquals(
            Cli.JSON.readTree(Cli.JSON.writeValueAsString(expectedDefault)),
            node.get("default"),
            param.name());
      }
      List<String> tools = new ArrayList<>();
      scenario.get("tools").forEach(t -> tools.add(t.get("name").asText()));
      assertEquals(spec.toolNames(), tools);
    }
  }

  @Test
  void publicEntryPointRunsInProcessAndReturnsTheExitCode() {
    java.io.StringWriter out = new java.io.StringWriter();
    java.io.StringWriter err = new java.io.StringWriter();
    int code =
        Main.run(new java.io.PrintWriter(out), new java.io.PrintWriter(err), "list-scenarios");

    assertEquals(0, code, err.toString());
    assertEquals(new Cli(temp).raw("list-scenarios").out(), out.toString());
    assertEquals(
        2, Main.run(new java.io.PrintWriter(out), new java.io.PrintWriter(err), "nonsense"));
  }

  @Test
  void runListScenariosPrintsTheSameAsListScenarios() {
    Cli cli = new Cli(temp);
    Cli.Result viaRun = cli.raw("run", "--list-scenarios");
    Cli.Result direct = cli.raw("list-scenarios");

    assertEquals(0, viaRun.code());
    assertEquals(direct.out(), viaRun.out());
    assertEquals(List.of(), cli.runsTree());
  }

  @Test
  void versionPrintsTheHarnessVersion() {
    Cli.Result result = new Cli(temp).raw("--version");

    assertEquals(0, result.code());
    assertTrue(result.out().startsWith("goal-drift-gym "), result.out());
    assertTrue(result.out().matches("(?s)goal-drift-gym \\S+.*"), result.out());
    assertFalse(result.out().startsWith("goal-drift-gym unknown"), "the Maven version is baked in");
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "run", "list-scenarios"})
  void helpWorksForTheRootAndEverySubcommand(String command) {
    Cli cli = new Cli(temp);
    Cli.Result result = command.isEmpty() ? cli.raw("--help") : cli.raw(command, "--help");

    assertEquals(0, result.code(), result.err());
    assertTrue(result.out().startsWith("Usage: goal-drift-gym"), result.out());
    if (command.equals("run")) {
      for (String option :
          List.of(
              "--config",
              "--scenario",
              "--seed",
              "--max-steps",
              "--scenario-param",
              "--policy",
              "--label",
              "--runs-root",
              "--artifacts-root")) {
        assertTrue(result.out().contains(option), option);
      }
    }
    if (command.isEmpty()) {
      assertTrue(result.out().contains("run") && result.out().contains("list-scenarios"));
    }
    assertEquals(List.of(), cli.runsTree());
  }

  @Test
  void noSubcommandIsAUsageError() {
    Cli.Result result = new Cli(temp).raw();

    assertEquals(2, result.code());
    assertEquals("", result.out());
    assertTrue(result.err().startsWith("goal-drift-gym:"), result.err());
  }

  @Test
  void unknownSubcommandOrOptionIsAUsageError() {
    Cli cli = new Cli(temp);
    Cli.Result subcommand = cli.raw("rnu");
    Cli.Result option = cli.raw("run", "--scenari", "release_manager");

    assertEquals(2, subcommand.code());
    assertEquals(2, option.code());
    assertTrue(subcommand.err().startsWith("goal-drift-gym:"), subcommand.err());
    assertTrue(option.err().startsWith("goal-drift-gym:"), option.err());
    assertEquals("", option.out());
  }
}
