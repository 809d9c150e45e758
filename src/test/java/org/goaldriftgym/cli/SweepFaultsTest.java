package org.goaldriftgym.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.goaldriftgym.agent.AgentFactory;
import org.goaldriftgym.agent.ApiKeys;
import org.goaldriftgym.agent.FakeModel;
import org.goaldriftgym.agent.LoopbackHttp;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Faults around a sweep: runs left running by a dead process, retries of failed agent runs against
 * a failing local endpoint, sweeps sharing a runs root, a full and a read-only file system.
 */
class SweepFaultsTest {

  @TempDir Path temp;

  @Test
  void reportTellsARunLeftRunningByAGoneProcessFromOneInProgress() throws IOException {
    Cli cli = new Cli(temp);
    assertEquals(
        0,
        SweepSignalTest.sweep(cli, List.of("--scenario", "release_manager", "--seeds", "1..3"))
            .code());
    List<Path> metas = SweepSignalTest.metas(cli.runsRoot);
    DeadProcess.leaveRunning(metas.get(0)); // SIGKILL: its process is gone
    ObjectNode live = (ObjectNode) Cli.readJson(metas.get(1)); // this JVM: still alive
    live.put("status", "running");
    Files.writeString(metas.get(1), live.toPrettyString());

    Cli.Result report = cli.raw("report", "--format", "json", cli.runsRoot.toString());
    assertEquals(0, report.code(), report.err());
    List<String> statuses = new ArrayList<>();
    for (JsonNode row : report.json()) {
      statuses.add(row.get("status").asText());
    }
    assertEquals(List.of("interrupted", "running", "complete"), statuses);

    // --resume re-runs the dead one only; the live one is left to its owner
    Cli.Result resumed =
        SweepSignalTest.sweep(
            cli, List.of("--scenario", "release_manager", "--seeds", "1..3", "--resume"));
    assertEquals(1, resumed.code(), resumed.err());
    JsonNode counts = resumed.json().get("counts");
    assertEquals(1, counts.get("complete").asInt(), counts.toString());
    assertEquals(1, counts.get("claimed").asInt(), counts.toString());
    assertEquals(1, counts.get("skipped").asInt(), counts.toString());
  }

  @Test
  void aFailedAgentRunIsRetriedWithBackoffAndCountedOnce() throws IOException {
    AtomicInteger requests = new AtomicInteger();
    try (MockWebServer server = LoopbackHttp.server()) {
      server.setDispatcher(
          new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
              // the endpoint fails the first two requests, then answers
              if (requests.incrementAndGet() <= 2) {
                return FakeModel.error(500, "upstream exploded");
              }
              return FakeModel.ok(
                  FakeModel.reply(
                      FakeModel.toolCalls(FakeModel.call("c1", "check_canary", "{}")),
                      FakeModel.usage(10, 0.0001)));
            }
          });
      server.start();
      Path config =
          Cli.write(
              temp.resolve("agent.yaml"),
              "scenario: release_manager\n"
                  + "engine: {max_steps: 4, seed: 1}\n"
                  + "agent:\n"
                  + "  type: openai-compatible\n"
                  + "  model: local/m\n"
                  + "  max_retries: 0\n"
                  + "  base_url: "
                  + server.url("/v1")
                  + "\n");
      List<Duration> waits = new CopyOnWriteArrayList<>();

      Cli.Result once = agentSweep(temp.resolve("once"), waits, config, "--retry", "1");
      assertEquals(1, once.code(), once.err());
      assertEquals(1, once.json().get("counts").get("failed").asInt());
      assertEquals(List.of(Duration.ofSeconds(2)), waits);
      assertEquals(1, SweepSignalTest.metas(temp.resolve("once")).size(), "one run directory");

      requests.set(0);
      waits.clear();
      Cli.Result twice = agentSweep(temp.resolve("twice"), waits, config, "--retry", "2");
      assertEquals(0, twice.code(), twice.err());
      assertEquals(1, twice.json().get("counts").get("complete").asInt());
      // python3: [2 * 2**k for k in range(2)] == [2, 4]
      assertEquals(List.of(Duration.ofSeconds(2), Duration.ofSeconds(4)), waits);
      assertEquals(2 + 4, requests.get(), "two failed requests, then one per step");
      List<Path> metas = SweepSignalTest.metas(temp.resolve("twice"));
      assertEquals(1, metas.size(), "the failed attempts' directories are removed");
      assertEquals("complete", Cli.readJson(metas.get(0)).get("status").asText());
      assertTrue(twice.err().contains("failed on attempt 1 of 3"), twice.err());
    }
  }

  private Cli.Result agentSweep(Path root, List<Duration> waits, Path config, String... extra) {
    AgentFactory agents =
        AgentFactory.builder()
            .secrets(ApiKeys.of(temp, name -> "sk-test"))
            .http(LoopbackHttp.client())
            .sleeper(waits::add)
            .jitter(() -> 0.5)
            .clock(Clock.fixed(Cli.NOW, ZoneOffset.UTC))
            .nanoTime(new AtomicLong()::incrementAndGet)
            .build();
    Main.Environment environment =
        new Main.Environment(
            Clock.fixed(Cli.NOW, ZoneOffset.UTC), temp, () -> 4242L, false, agents);
    List<String> args =
        new ArrayList<>(
            List.of(
                "sweep",
                "--config",
                config.toString(),
                "--jobs",
                "1",
                "--runs-root",
                root.resolve("runs").toString(),
                "--artifacts-root",
                root.resolve("artifacts").toString()));
    args.addAll(List.of(extra));
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code =
        Main.run(
            new PrintWriter(out), new PrintWriter(err), environment, args.toArray(String[]::new));
    return new Cli.Result(code, out.toString(), err.toString());
  }

  @Test
  void twoSweepsIntoOneRootAtOnceNeverShareARunDirectory() throws Exception {
    Cli cli = new Cli(temp);
    List<String> args = List.of("--scenario", "release_manager", "--seeds", "1..4", "--jobs", "2");
    CompletableFuture<Cli.Result> first =
        CompletableFuture.supplyAsync(() -> SweepSignalTest.sweep(cli, args));
    CompletableFuture<Cli.Result> second =
        CompletableFuture.supplyAsync(() -> SweepSignalTest.sweep(cli, args));
    Cli.Result a = first.get();
    Cli.Result b = second.get();
    assertEquals(0, a.code(), a.err());
    assertEquals(0, b.code(), b.err());
    assertFalse(
        a.json().get("manifest").asText().equals(b.json().get("manifest").asText()),
        "each sweep has its own manifest");

    // same clock and seeds: the same run ids were wanted, and each got its own directory
    List<Path> metas = SweepSignalTest.metas(cli.runsRoot);
    assertEquals(8, metas.size());
    for (Path meta : metas) {
      JsonNode node = Cli.readJson(meta);
      assertEquals("complete", node.get("status").asText());
      assertEquals(meta.getParent().getFileName().toString(), node.get("run_id").asText());
      // one writer per directory: a step log holds one episode, not two interleaved
      List<JsonNode> steps = Cli.readJsonl(meta.resolveSibling("step_log.jsonl"));
      for (int i = 0; i < steps.size(); i++) {
        assertEquals(i, steps.get(i).get("step").asInt(), meta.toString());
      }
    }
  }

  @Test
  void twoResumingSweepsInSeparateProcessesNeverRunTheSameRun() throws Exception {
    Path root = temp.resolve("shared");
    String[] args = {
      "--scenario",
      "release_manager",
      "--seeds",
      "1..8",
      "--max-steps",
      "150",
      "--jobs",
      "1",
      "--resume",
      "--quiet"
    };
    SweepSignalTest.Child a = SweepSignalTest.Child.sweep(root, args);
    SweepSignalTest.Child b = SweepSignalTest.Child.sweep(root, args);
    int codeA = a.waitFor();
    int codeB = b.waitFor();
    JsonNode countsA = Cli.JSON.readTree(a.stdout()).get("counts");
    JsonNode countsB = Cli.JSON.readTree(b.stdout()).get("counts");
    // every run was made exactly once, by one of the two (completeByHash fails on a duplicate)
    Map<String, Path> complete = SweepSignalTest.completeByHash(root.resolve("runs"));
    assertEquals(8, complete.size());
    assertEquals(8, SweepSignalTest.metas(root).size(), "no run was started twice");
    assertEquals(
        8,
        countsA.path("complete").asInt() + countsB.path("complete").asInt(),
        countsA + " " + countsB);
    assertTrue(codeA == 0 || codeA == 1, a::stderr);
    assertTrue(codeB == 0 || codeB == 1, b::stderr);

    // a third resume finds everything complete
    Cli.Result again =
        SweepSignalTest.sweep(new Cli(root), List.of(args).subList(0, args.length - 1));
    assertEquals(0, again.code(), again.err());
    assertEquals(8, again.json().get("counts").get("skipped").asInt());
  }

  @Test
  void aFullDiskFailsTheRunsStopsTheSweepAndLeavesNoCompleteRunWithMissingFiles() throws Exception {
    Path mount = temp.resolve("small-disk");
    try (Tmpfs disk = Tmpfs.mount(mount, "2m")) {
      Cli cli = new Cli(mount);
      Cli.Result result =
          SweepSignalTest.sweep(
              cli,
              List.of(
                  "--scenario",
                  "release_manager",
                  "--seeds",
                  "1..8",
                  "--max-steps",
                  "1500",
                  "--jobs",
                  "2"));
      assertEquals(6, result.code(), result.err());
      List<String> errors =
          result.errLines().stream().filter(l -> l.contains("environment error")).toList();
      assertEquals(1, errors.size(), result.err());
      assertTrue(errors.get(0).contains("No space left on device"), errors.get(0));
      assertFalse(result.err().contains("internal error"), result.err());
      assertRunsHonest(cli.runsRoot);
      assertEquals(List.of(), SweepSignalTest.tempFiles(mount));
    }
  }

  @Test
  void aWriteFailureMidEpisodeFailsTheRunWhereNoTmpfsCanBeMounted() throws Exception {
    // simulated without privileges: a file size limit (ulimit -f, KiB) makes every write past
    // 1 MiB fail with EFBIG, as a full disk fails it with ENOSPC
    Path root = temp.resolve("limited");
    SweepSignalTest.Child child =
        SweepSignalTest.Child.start(
            root,
            List.of("ulimit -f 1024"),
            List.of(
                "sweep",
                "--scenario",
                "release_manager",
                "--seeds",
                "1..2",
                "--max-steps",
                "1500",
                "--jobs",
                "1",
                "--quiet",
                "--runs-root",
                root.resolve("runs").toString(),
                "--artifacts-root",
                root.resolve("artifacts").toString()));
    assertEquals(1, child.waitFor(), child::stderr);
    List<Path> metas = SweepSignalTest.metas(root.resolve("runs"));
    assertEquals(2, metas.size());
    for (Path meta : metas) {
      JsonNode node = Cli.readJson(meta);
      assertEquals("failed", node.get("status").asText(), node.toString());
      assertTrue(node.get("error").asText().contains("File too large"), node.toString());
    }
    assertRunsHonest(root.resolve("runs"));
    assertEquals(List.of(), SweepSignalTest.tempFiles(root));
  }

  @Test
  void aReadOnlyRunsRootIsOneEnvironmentError() throws Exception {
    Path mount = temp.resolve("read-only");
    try (Tmpfs disk = Tmpfs.mount(mount, "1m")) {
      Files.createDirectories(mount.resolve("runs"));
      disk.readOnly();
      Cli cli = new Cli(mount);
      Cli.Result sweep =
          SweepSignalTest.sweep(
              cli, List.of("--scenario", "release_manager", "--seeds", "1..3", "--jobs", "1"));
      assertEquals(6, sweep.code(), sweep.err());
      assertEquals(1, sweep.errLines().size(), sweep.err());
      assertTrue(sweep.err().contains("environment error"), sweep.err());
      assertTrue(sweep.err().contains("read-only"), sweep.err());

      Cli.Result run = cli.run("--scenario", "release_manager", "--seed", "1");
      assertEquals(6, run.code(), run.err());
      assertEquals(1, run.errLines().size(), run.err());
      assertTrue(run.err().contains("read-only"), run.err());
    }
  }

  @Test
  void aRunsRootThatIsAFileIsOneEnvironmentError() {
    Cli cli = new Cli(temp);
    Cli.write(cli.runsRoot, "not a directory");
    Cli.Result sweep =
        SweepSignalTest.sweep(cli, List.of("--scenario", "release_manager", "--seeds", "1"));
    assertEquals(6, sweep.code(), sweep.err());
    assertEquals(1, sweep.errLines().size(), sweep.err());
    assertTrue(sweep.err().contains("environment error"), sweep.err());
    assertFalse(sweep.err().contains("internal error"), sweep.err());
    Cli.Result run = cli.run("--scenario", "release_manager", "--seed", "1");
    assertEquals(6, run.code(), run.err());
    assertFalse(run.err().contains("internal error"), run.err());
  }

  /** No run says complete without all its files whole, and none is left running. */
  static void assertRunsHonest(Path runsRoot) throws IOException {
    for (Path meta : SweepSignalTest.metas(runsRoot)) {
      JsonNode node = Cli.readJson(meta);
      String status = node.get("status").asText();
      assertFalse(status.equals("running"), "left running: " + meta);
      if (status.equals("complete")) {
        JsonNode metrics = Cli.readJson(meta.resolveSibling("metrics.json"));
        List<JsonNode> steps = Cli.readJsonl(meta.resolveSibling("step_log.jsonl"));
        assertEquals(metrics.get("num_steps").asInt(), steps.size(), meta.toString());
        for (String transcript : List.of("transcript.txt", "transcript.md")) {
          assertTrue(
              Files.readString(meta.resolveSibling(transcript)).contains("complete"),
              transcript + " of " + meta + " has its footer");
        }
      } else {
        assertEquals("failed", status, meta.toString());
      }
    }
  }

  /** A small tmpfs mounted for one test (root only; the test is skipped where mount fails). */
  static final class Tmpfs implements AutoCloseable {

    private final Path mount;

    private Tmpfs(Path mount) {
      this.mount = mount;
    }

    static Tmpfs mount(Path mount, String size) throws Exception {
      Files.createDirectories(mount);
      int code = exec("mount", "-t", "tmpfs", "-o", "size=" + size, "tmpfs", mount.toString());
      Assumptions.assumeTrue(code == 0, "cannot mount a tmpfs here (needs root)");
      return new Tmpfs(mount);
    }

    void readOnly() throws Exception {
      assertEquals(0, exec("mount", "-o", "remount,ro", mount.toString()));
    }

    @Override
    public void close() throws Exception {
      if (exec("umount", mount.toString()) != 0) {
        exec("umount", "-l", mount.toString()); // still busy: detach it now, free it when idle
      }
    }

    private static int exec(String... command) throws Exception {
      try {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        process.getInputStream().readAllBytes();
        return process.waitFor();
      } catch (IOException noMount) {
        return -1;
      }
    }
  }
}
