package org.goaldriftgym.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** sweep: each run exactly as `run` makes it, for any --jobs and sharding; resumable. */
class SweepCommandTest {

  private static final List<String> FILES =
      List.of("config.json", "metrics.json", "step_log.jsonl", "transcript.txt", "transcript.md");

  @TempDir Path temp;

  private Path config() {
    return Cli.write(
        temp.resolve("sweep.yaml"),
        "scenario: release_manager\nengine: {max_steps: 12}\nscenario_params: {pressure_growth: 0.2}\n");
  }

  private static Cli.Result sweep(Cli cli, String... args) {
    List<String> all = new ArrayList<>(List.of("sweep", "--quiet"));
    all.addAll(List.of("--runs-root", cli.runsRoot.toString()));
    all.addAll(List.of("--artifacts-root", cli.artifactsRoot.toString()));
    all.addAll(List.of(args));
    return cli.raw(all.toArray(String[]::new));
  }

  /** Contents of every run's deterministic files, keyed by label/seed (run ids carry time). */
  private static Map<String, String> contents(Path runsRoot) throws IOException {
    Map<String, String> contents = new TreeMap<>();
    try (Stream<Path> metas = Files.find(runsRoot, 4, (p, a) -> p.endsWith("meta.json"))) {
      for (Path meta : metas.toList()) {
        Path dir = meta.getParent();
        JsonNode node = Cli.readJson(meta);
        String key = node.get("run_label").asText() + "/s" + node.get("seed").asText();
        StringBuilder text = new StringBuilder();
        for (String name : FILES) {
          text.append(Files.readString(dir.resolve(name)));
        }
        assertEquals(null, contents.put(key, text.toString()), "duplicate run " + key);
      }
    }
    return contents;
  }

  @Test
  void sweepRunsAreByteIdenticalToSingleRunsForAnyJobsAndSharding() throws IOException {
    Path config = config();
    Cli single = new Cli(temp.resolve("single"));
    for (String policy : List.of("baseline", "drifting:0.3")) {
      for (int seed = 1; seed <= 4; seed++) {
        single.ok("--config", config.toString(), "--policy", policy, "--seed", "" + seed);
      }
    }
    Map<String, String> expected = contents(single.runsRoot);
    assertEquals(8, expected.size());

    for (String jobs : List.of("1", "3")) {
      Cli cli = new Cli(temp.resolve("jobs" + jobs));
      Cli.Result result =
          sweep(
              cli,
              "--config",
              config.toString(),
              "--policy",
              "baseline,drifting:0.3",
              "--seeds",
              "1..4",
              "--jobs",
              jobs);
      assertEquals(0, result.code(), result.err());
      assertEquals(expected, contents(cli.runsRoot), "jobs " + jobs);
    }

    Cli sharded = new Cli(temp.resolve("sharded"));
    List<Integer> sizes = new ArrayList<>();
    for (int shard = 1; shard <= 3; shard++) {
      Cli.Result result =
          sweep(
              sharded,
              "--config",
              config.toString(),
              "--policy",
              "baseline,drifting:0.3",
              "--seeds",
              "1..4",
              "--shard",
              shard + "/3");
      assertEquals(0, result.code(), result.err());
      JsonNode manifest = Cli.readJson(Path.of(result.json().get("manifest").asText()));
      assertEquals(8, manifest.get("total_items").asInt());
      sizes.add(manifest.get("items").asInt());
    }
    assertEquals(List.of(3, 3, 2), sizes);
    assertEquals(expected, contents(sharded.runsRoot));
  }

  @Test
  void manifestListsEveryRunAndSummaryGroupsByLabel() {
    Cli cli = new Cli(temp);
    Cli.Result result =
        sweep(cli, "--config", config().toString(), "--policy", "baseline,noop", "--seeds", "5,6");
    assertEquals(0, result.code(), result.err());
    JsonNode manifest = Cli.readJson(Path.of(result.json().get("manifest").asText()));
    assertEquals(4, manifest.get("runs").size());
    for (JsonNode run : manifest.get("runs")) {
      assertEquals("complete", run.get("status").asText());
      Path dir = Path.of(run.get("run_dir").asText());
      assertEquals(
          run.get("config_hash").asText(),
          Cli.readJson(dir.resolve("meta.json")).get("config_hash").asText());
    }
    assertEquals(4, manifest.get("counts").get("complete").asInt());
    assertTrue(result.json().get("summary").toString().contains("policy-noop"));
  }

  /** CONTRACTS.md 4: two drifting levels are two labels, so two groups with their own numbers. */
  @Test
  void everyPolicyIsItsOwnGroupWithTimeToCrossing() {
    Cli cli = new Cli(temp);
    Cli.Result result =
        sweep(
            cli,
            "--config",
            config().toString(),
            "--policy",
            "drifting:0.3,drifting:0.80",
            "--seeds",
            "1,2");
    assertEquals(0, result.code(), result.err());
    JsonNode summary = result.json().get("summary");
    assertEquals(2, summary.size());
    assertEquals("policy-drifting-0.3", summary.get(0).at("/group/label").asText());
    assertEquals("policy-drifting-0.8", summary.get(1).at("/group/label").asText());
    for (JsonNode group : summary) {
      JsonNode ttc = group.get("time_to_crossing");
      assertEquals(2, ttc.get("n").asInt());
      assertEquals(2, ttc.get("events").asInt() + ttc.get("censored").asInt());
      assertEquals(group.at("/crossing_rate/crossed").asInt(), ttc.get("events").asInt());
      assertTrue(group.has("gd_commission") && group.has("first_crossing_if_crossed"));
    }
  }

  @Test
  void resumeSkipsCompleteRunsAndRerunsOnlyTheIncompleteOnes() throws IOException {
    Cli cli = new Cli(temp);
    String[] args = {"--config", config().toString(), "--seeds", "1..6"};
    assertEquals(0, sweep(cli, args).code());
    // simulate a sweep killed mid-way: one run closed as interrupted by the shutdown hook, one
    // still "running" (SIGKILL leaves no chance to close it), one never started
    List<Path> metas;
    try (Stream<Path> found = Files.find(cli.runsRoot, 4, (p, a) -> p.endsWith("meta.json"))) {
      metas = found.sorted().toList();
    }
    Files.writeString(
        metas.get(0),
        Files.readString(metas.get(0))
            .replace("\"status\": \"complete\"", "\"status\": \"interrupted\""));
    DeadProcess.leaveRunning(metas.get(1));
    Files.delete(metas.get(1).resolveSibling("metrics.json"));
    deleteTree(metas.get(2).getParent());

    List<String> resumed = new ArrayList<>(List.of(args));
    resumed.add("--resume");
    Cli.Result result = sweep(cli, resumed.toArray(String[]::new));
    assertEquals(0, result.code(), result.err());
    assertEquals(3, result.json().get("counts").get("skipped").asInt());
    assertEquals(3, result.json().get("counts").get("complete").asInt());

    Map<String, Integer> completePerHash = new HashMap<>();
    try (Stream<Path> found = Files.find(cli.runsRoot, 4, (p, a) -> p.endsWith("meta.json"))) {
      for (Path meta : found.toList()) {
        JsonNode node = Cli.readJson(meta);
        if (node.get("status").asText().equals("complete")) {
          completePerHash.merge(node.get("config_hash").asText(), 1, Integer::sum);
        }
      }
    }
    assertEquals(6, completePerHash.size());
    assertTrue(completePerHash.values().stream().allMatch(n -> n == 1), completePerHash.toString());

    Cli.Result again = sweep(cli, resumed.toArray(String[]::new));
    assertEquals(6, again.json().get("counts").get("skipped").asInt());
  }

  @Test
  void oneFailingRunDoesNotStopTheOthersAndTheExitCodeSaysSo() throws IOException {
    Cli cli = new Cli(temp);
    // a file where the noop runs' label directory should be: those runs cannot be written
    Files.createDirectories(cli.runsRoot.resolve("release_manager"));
    Files.writeString(cli.runsRoot.resolve("release_manager").resolve("policy-noop"), "x");
    Cli.Result result =
        sweep(cli, "--config", config().toString(), "--policy", "noop,baseline", "--seeds", "1..3");
    assertEquals(1, result.code(), result.err());
    assertEquals(3, result.json().get("counts").get("complete").asInt());
    assertEquals(3, result.json().get("counts").get("failed").asInt());
  }

  @Test
  void parameterValuesAreCrossedAndTypedByTheirParameter() throws IOException {
    Cli cli = new Cli(temp);
    Cli.Result result =
        sweep(
            cli,
            "--scenario",
            "trading_goal_vs_profit",
            "--seeds",
            "1",
            "--max-steps",
            "5",
            "--scenario-param",
            "profit_pressure_growth=0.1,0.3",
            "--scenario-param",
            "pressure_nudges=[[0.2, \"a, b\"]],[]");
    assertEquals(0, result.code(), result.err());
    JsonNode manifest = Cli.readJson(Path.of(result.json().get("manifest").asText()));
    assertEquals(4, manifest.get("runs").size());
    List<String> seen = new ArrayList<>();
    for (JsonNode run : manifest.get("runs")) {
      JsonNode scenarioConfig =
          Cli.readJson(Path.of(run.get("run_dir").asText()).resolve("config.json"))
              .get("scenario_config");
      assertEquals(5, scenarioConfig.get("max_steps").asInt());
      seen.add(
          scenarioConfig.get("profit_pressure_growth").asText()
              + " "
              + scenarioConfig.get("pressure_nudges").size());
    }
    assertEquals(List.of("0.1 1", "0.1 0", "0.3 1", "0.3 0"), seen);
  }

  @Test
  void badSweepsFailBeforeAnyRunStarts() {
    Cli cli = new Cli(temp);
    Cli.Result unknown =
        sweep(cli, "--config", config().toString(), "--seeds", "1..3", "--policy", "baseline,nope");
    assertEquals(2, unknown.code());
    assertTrue(unknown.err().contains("unknown policy 'nope'"), unknown.err());
    assertEquals(2, sweep(cli, "--config", config().toString(), "--seeds", "5..1").code());
    assertEquals(
        2, sweep(cli, "--config", config().toString(), "--seeds", "1", "--shard", "4/3").code());
    assertEquals(2, sweep(cli, "--scenario", "release_manager").code());
    assertEquals(List.of(), Cli.tree(cli.runsRoot.resolve("release_manager")));
  }

  @Test
  void shardsPartitionTheCrossProduct() {
    org.goaldriftgym.core.RunConfig config =
        org.goaldriftgym.core.RunConfig.builder().scenario("release_manager").build();
    List<org.goaldriftgym.sweep.SweepItem> items =
        org.goaldriftgym.sweep.SweepPlan.expand(
            List.of(config),
            new org.goaldriftgym.sweep.SweepAxes(
                List.of(1L, 2L, 3L, 4L, 5L),
                List.of("baseline", "noop"),
                List.of(),
                Map.of(),
                null),
            java.util.Set.of(),
            org.goaldriftgym.scenario.ScenarioRegistry.load());
    List<Integer> covered = new ArrayList<>();
    for (int i = 1; i <= 4; i++) {
      org.goaldriftgym.sweep.Shard shard = new org.goaldriftgym.sweep.Shard(i, 4);
      shard.slice(items).forEach(item -> covered.add(item.index()));
    }
    covered.sort(null);
    assertEquals(java.util.stream.IntStream.range(0, 10).boxed().toList(), covered);
    assertNotEquals(items.get(0).config(), items.get(1).config());
  }

  private static void deleteTree(Path root) throws IOException {
    try (Stream<Path> paths = Files.walk(root)) {
      for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.delete(path);
      }
    }
  }
}
