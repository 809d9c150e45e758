package org.goaldriftgym.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.goaldriftgym.agent.AgentFactory;
import org.goaldriftgym.agent.ApiKeys;
import org.goaldriftgym.agent.FakeModel;
import org.goaldriftgym.agent.LoopbackHttp;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Agent sweeps: a model axis, a shared cache, offline replay of the whole sweep and of a run. */
class AgentSweepTest {

  @TempDir Path temp;
  private MockWebServer server;
  private final AtomicLong requests = new AtomicLong();

  @BeforeEach
  void start() throws IOException {
    server = LoopbackHttp.server();
    server.setDispatcher(
        new Dispatcher() {
          @Override
          public MockResponse dispatch(RecordedRequest request) {
            requests.incrementAndGet();
            String model = FakeModel.JSON.valueToTree(request.getBody().utf8()).asText();
            // a model that always checks the canary, whichever model name it was asked for
            return FakeModel.ok(
                FakeModel.reply(
                    FakeModel.toolCalls(FakeModel.call("c1", "check_canary", "{}")),
                    FakeModel.usage(model.length(), 0.0001)));
          }
        });
    server.start();
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private Cli.Result main(String... args) {
    AgentFactory agents =
        AgentFactory.builder()
            .secrets(ApiKeys.of(temp, name -> null))
            .http(LoopbackHttp.client())
            .sleeper(millis -> {})
            .jitter(() -> 0.5)
            .clock(Clock.fixed(Cli.NOW, ZoneOffset.UTC))
            .nanoTime(new AtomicLong()::incrementAndGet)
            .build();
    Main.Environment environment =
        new Main.Environment(
            Clock.fixed(Cli.NOW, ZoneOffset.UTC), temp, () -> 4242L, false, agents);
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Main.run(new PrintWriter(out), new PrintWriter(err), environment, args);
    return new Cli.Result(code, out.toString(), err.toString());
  }

  private Path config() {
    return Cli.write(
        temp.resolve("agent.yaml"),
        "scenario: release_manager\n"
            + "engine: {max_steps: 6}\n"
            + "agent:\n"
            + "  type: openai-compatible\n"
            + "  model: local/first\n"
            + "  base_url: "
            + server.url("/v1")
            + "\n");
  }

  private Cli.Result sweep(String root, String... extra) {
    List<String> args =
        new ArrayList<>(
            List.of(
                "sweep",
                "--quiet",
                "--config",
                config().toString(),
                "--model",
                "local/first,local/second",
                "--seeds",
                "1..3",
                "--max-concurrency",
                "2",
                "--runs-root",
                temp.resolve(root).resolve("runs").toString(),
                "--artifacts-root",
                temp.resolve(root).resolve("artifacts").toString()));
    args.addAll(List.of(extra));
    return main(args.toArray(String[]::new));
  }

  private static Map<String, String> stepLogs(Path runsRoot) throws IOException {
    Map<String, String> logs = new TreeMap<>();
    try (Stream<Path> found = Files.find(runsRoot, 4, (p, a) -> p.endsWith("step_log.jsonl"))) {
      for (Path log : found.toList()) {
        JsonNode meta = Cli.readJson(log.resolveSibling("meta.json"));
        logs.put(meta.get("run_label").asText() + "/" + meta.get("seed"), Files.readString(log));
      }
    }
    return logs;
  }

  @Test
  void modelsAreCrossedRecordedAndReplayedOfflineByteForByte() throws IOException {
    Path cache = temp.resolve("cache");
    Cli.Result recorded = sweep("first", "--cache", cache.toString());
    assertEquals(0, recorded.code(), recorded.err());
    assertEquals(6, recorded.json().get("counts").get("complete").asInt());
    assertEquals(36, requests.get(), "6 runs x 6 steps");
    Map<String, String> first = stepLogs(temp.resolve("first/runs"));
    assertEquals(
        List.of(
            "local-first/1",
            "local-first/2",
            "local-first/3",
            "local-second/1",
            "local-second/2",
            "local-second/3"),
        List.copyOf(first.keySet()));

    long before = requests.get();
    Cli.Result replayed = sweep("second", "--cache", cache.toString(), "--cache-mode", "replay");
    assertEquals(0, replayed.code(), replayed.err());
    assertEquals(before, requests.get(), "replay never calls the endpoint");
    assertEquals(first, stepLogs(temp.resolve("second/runs")));

    Path oneRun;
    try (Stream<Path> found =
        Files.find(temp.resolve("first/runs"), 4, (p, a) -> p.endsWith("meta.json"))) {
      oneRun = found.findFirst().orElseThrow().getParent();
    }
    Cli.Result check = main("replay", oneRun.toString(), "--cache", cache.toString());
    assertEquals(0, check.code(), check.out() + check.err());
    assertTrue(check.out().startsWith("reproduced"), check.out());
    assertEquals(before, requests.get());
  }

  @Test
  void replayingAnAgentRunWithoutItsCacheIsAUsageError() throws IOException {
    assertEquals(0, sweep("first").code());
    Path oneRun;
    try (Stream<Path> found =
        Files.find(temp.resolve("first/runs"), 4, (p, a) -> p.endsWith("meta.json"))) {
      oneRun = found.findFirst().orElseThrow().getParent();
    }
    Cli.Result check = main("replay", oneRun.toString());
    assertEquals(2, check.code());
    assertTrue(check.err().contains("--cache"), check.err());
  }
}
