package org.goaldriftgym.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The same config and seed give byte-identical artifacts (all but {@code meta.json}), run after run
 * and in parallel in one JVM; runs that collide on their id get distinct directories.
 */
class DeterminismTest {

  static final List<String> STABLE_FILES =
      List.of("config.json", "metrics.json", "step_log.jsonl", "transcript.txt", "transcript.md");

  @TempDir Path temp;

  @ParameterizedTest
  @ValueSource(
      strings = {
        "release_manager",
        "trading_goal_vs_profit",
        "release_manager_v2",
        "trading_goal_vs_profit_v2",
        "multi_agent_trading_v2"
      })
  void sameConfigAndSeedTwiceGiveByteIdenticalArtifactsInDistinctDirectories(String scenario)
      throws Exception {
    Cli cli = new Cli(temp);
    String[] args = {"--scenario", scenario, "--seed", "42", "--policy", "drifting"};
    Path first = cli.ok(args).runDir();
    Path second = cli.ok(args).runDir();

    assertEquals(Cli.RUN_ID_TIME + "-s42", first.getFileName().toString());
    assertEquals(Cli.RUN_ID_TIME + "-s42-2", second.getFileName().toString());
    assertSameBytes(first, second);
  }

  @Test
  void eightConcurrentRunsOfOneConfigAreIdenticalAndNeverOverwriteEachOther() throws Exception {
    int runs = 8;
    Cli cli = new Cli(temp);
    ExecutorService pool = Executors.newFixedThreadPool(runs);
    CountDownLatch start = new CountDownLatch(1);
    try {
      List<Future<Cli.Result>> futures = new ArrayList<>();
      for (int i = 0; i < runs; i++) {
        futures.add(
            pool.submit(
                () -> {
                  start.await();
                  return cli.run(
                      "--scenario",
                      "trading_goal_vs_profit",
                      "--seed",
                      "7",
                      "--policy",
                      "drifting");
                }));
      }
      start.countDown();
      List<Path> dirs = new ArrayList<>();
      for (Future<Cli.Result> future : futures) {
        Cli.Result result = future.get(60, TimeUnit.SECONDS);
        assertEquals(0, result.code(), result.err());
        assertEquals("complete", result.json().get("status").asText());
        dirs.add(result.runDir());
      }

      Set<Path> distinct = new HashSet<>(dirs);
      assertEquals(runs, distinct.size(), "every run has its own directory: " + dirs);
      Path labelDir = cli.runsRoot.resolve("trading_goal_vs_profit/policy-drifting");
      Set<String> expectedIds = new HashSet<>();
      expectedIds.add(Cli.RUN_ID_TIME + "-s7");
      for (int suffix = 2; suffix <= runs; suffix++) {
        expectedIds.add(Cli.RUN_ID_TIME + "-s7-" + suffix);
      }
      Set<String> onDisk = new HashSet<>();
      try (var list = Files.list(labelDir)) {
        list.forEach(p -> onDisk.add(p.getFileName().toString()));
      }
      assertEquals(expectedIds, onDisk);
      for (Path dir : dirs) {
        assertEquals(
            dir.getFileName().toString(),
            Cli.readJson(dir.resolve("meta.json")).get("run_id").asText(),
            "each meta.json names its own directory: no run wrote into another's");
        assertEquals(
            20,
            Cli.readJsonl(dir.resolve("step_log.jsonl")).size(),
            "no interleaved or lost steps");
        assertSameBytes(dirs.get(0), dir);
        assertTrue(
            Files.isRegularFile(
                cli.artifactsRoot
                    .resolve("trading_goal_vs_profit/policy-drifting")
                    .resolve(dir.getFileName())
                    .resolve("README.txt")));
      }
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void differentSeedsGiveDifferentStepLogs() throws Exception {
    Cli cli = new Cli(temp);
    Path a =
        cli.ok("--scenario", "trading_goal_vs_profit", "--seed", "1", "--max-steps", "5").runDir();
    Path b =
        cli.ok("--scenario", "trading_goal_vs_profit", "--seed", "2", "--max-steps", "5").runDir();
    assertTrue(
        !Files.readString(a.resolve("step_log.jsonl"))
            .equals(Files.readString(b.resolve("step_log.jsonl"))),
        "the seed reaches the price process");
  }

  static void assertSameBytes(Path expected, Path actual) throws Exception {
    for (String file : STABLE_FILES) {
      assertArrayEquals(
          Files.readAllBytes(expected.resolve(file)),
          Files.readAllBytes(actual.resolve(file)),
          file + " differs between " + expected + " and " + actual);
    }
  }
}
