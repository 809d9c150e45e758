package org.goaldriftgym.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A run's config.json is enough to re-run it exactly, and records what decides behaviour. */
class RecordedConfigTest {

  @TempDir Path temp;

  @Test
  void configJsonOfARunReRunsItByteForByte() throws Exception {
    Cli cli = new Cli(temp);
    Path file =
        Cli.write(
            temp.resolve("c.yaml"),
            "scenario: trading_goal_vs_profit\n"
                + "scenario_params: {max_steps: 20, seed: 3, profit_pressure_growth: 0.2}\n"
                + "policy: drifting:0.4\n");
    // flags beat the file's scenario_params; the recorded config must say what actually ran
    Path first = cli.ok("--config", file.toString(), "--max-steps", "9", "--seed", "11").runDir();
    JsonNode runConfig = Cli.readJson(first.resolve("config.json")).get("run_config");
    assertEquals(9, runConfig.get("scenario_params").get("max_steps").asInt());
    assertEquals(11, runConfig.get("scenario_params").get("seed").asInt());

    Path second = cli.ok("--config", first.resolve("config.json").toString()).runDir();
    for (String name :
        List.of(
            "config.json", "metrics.json", "step_log.jsonl", "transcript.txt", "transcript.md")) {
      assertEquals(
          Files.readString(first.resolve(name)), Files.readString(second.resolve(name)), name);
    }
  }

  @Test
  void seedGivenTwiceByFlagsThatDisagreeIsAUsageError() {
    Cli cli = new Cli(temp);
    Cli.Result result =
        cli.run("--scenario", "release_manager", "--seed", "7", "--scenario-param", "seed=5");
    assertEquals(2, result.code(), result.err());
    assertTrue(result.err().contains("disagree"), result.err());
    assertEquals(List.of(), cli.runsTree());
  }

  @Test
  void replayHashCoversTheActionsNotThePathTheyCameFrom() throws Exception {
    Cli cli = new Cli(temp);
    Path recorded =
        cli.ok("--scenario", "release_manager", "--seed", "4", "--policy", "drifting").runDir();
    Path copyA = Files.copy(recorded.resolve("step_log.jsonl"), temp.resolve("a.jsonl"));
    Path copyB = Files.copy(recorded.resolve("step_log.jsonl"), temp.resolve("b.jsonl"));
    String hashA = hash(cli, "replay:" + copyA);
    String hashB = hash(cli, "replay:" + copyB);
    assertEquals(hashA, hashB);

    List<String> lines = Files.readAllLines(copyB);
    lines.set(0, "{\"tool\":\"deploy\",\"args\":{}}");
    Files.write(copyB, lines);
    assertNotEquals(hashA, hash(cli, "replay:" + copyB));
  }

  private static String hash(Cli cli, String policy) {
    Path dir = cli.ok("--scenario", "release_manager", "--seed", "4", "--policy", policy).runDir();
    JsonNode replay = Cli.readJson(dir.resolve("config.json")).get("run_config").get("replay");
    assertEquals(20, replay.get("actions").asInt());
    return Cli.readJson(dir.resolve("meta.json")).get("config_hash").asText();
  }
}
