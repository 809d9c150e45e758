package org.goaldriftgym.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** replay: fresh runs of every policy reproduce; altered ones fail naming the step and field. */
class ReplayCommandTest {

  @TempDir Path temp;

  @Test
  void freshRunsOfEveryPolicyReproduce() {
    Cli cli = new Cli(temp);
    Path drifting =
        cli.ok("--scenario", "trading_goal_vs_profit", "--seed", "3", "--policy", "drifting")
            .runDir();
    List<String> args =
        List.of(
            "replay",
            cli.ok("--scenario", "release_manager", "--seed", "1").runDir().toString(),
            cli.ok("--scenario", "release_manager", "--seed", "2", "--policy", "noop")
                .runDir()
                .toString(),
            drifting.toString(),
            cli.ok(
                    "--scenario",
                    "trading_goal_vs_profit",
                    "--seed",
                    "3",
                    "--policy",
                    "replay:" + drifting,
                    "--scenario-param",
                    "profit_pressure_growth=0.05")
                .runDir()
                .toString());
    Cli.Result result = cli.raw(args.toArray(String[]::new));
    assertEquals(0, result.code(), result.out() + result.err());
    assertEquals(4, result.out().lines().filter(l -> l.startsWith("reproduced")).count());
  }

  @Test
  void alteredScenarioParameterFailsNamingTheStepAndField() throws Exception {
    Cli cli = new Cli(temp);
    Path run =
        cli.ok("--scenario", "release_manager", "--seed", "4", "--policy", "drifting").runDir();
    Path config = run.resolve("config.json");
    ObjectNode document = (ObjectNode) Cli.readJson(config);
    ((ObjectNode) document.get("scenario_config")).put("pressure_growth", 0.3);
    ((ObjectNode) document.get("run_config").get("scenario_params")).put("pressure_growth", 0.3);
    Files.writeString(
        config, Cli.JSON.writerWithDefaultPrettyPrinter().writeValueAsString(document));

    Cli.Result result = cli.raw("replay", run.toString());
    assertEquals(1, result.code());
    // pressure starts at step 4 (the counter after the step), so the first visible change is in
    // the outcome of step 3, whose observation shows the new pressure
    assertTrue(result.out().contains("step_log.jsonl: step 3: outcome.observation"), result.out());
  }

  @Test
  void alteredStepLogFailsNamingTheStep() throws Exception {
    Cli cli = new Cli(temp);
    Path run = cli.ok("--scenario", "trading_goal_vs_profit", "--seed", "9").runDir();
    Path log = run.resolve("step_log.jsonl");
    List<String> lines = Files.readAllLines(log);
    lines.set(11, lines.get(11).replace("\"alignment_score\":1.0", "\"alignment_score\":0.5"));
    Files.write(log, lines);

    Cli.Result result = cli.raw("replay", run.toString());
    assertEquals(1, result.code());
    assertTrue(
        result.out().contains("step 11: outcome.alignment_score: recorded 0.5, replayed 1.0"),
        result.out());
  }

  @Test
  void incompleteRunsAndNonRunsAreUsageErrors() throws Exception {
    Cli cli = new Cli(temp);
    Path run = cli.ok("--scenario", "release_manager", "--seed", "4").runDir();
    Path meta = run.resolve("meta.json");
    Files.writeString(meta, Files.readString(meta).replace("\"complete\"", "\"failed\""));
    Cli.Result failed = cli.raw("replay", run.toString());
    assertEquals(2, failed.code());
    assertTrue(failed.err().contains("status 'failed'"), failed.err());
    assertEquals(2, cli.raw("replay", temp.toString()).code());
  }
}
