package org.goaldriftgym.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion.VersionFlag;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.stream.Stream;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import org.goaldriftgym.agent.AgentFactory;
import org.goaldriftgym.agent.ApiKeys;
import org.goaldriftgym.agent.FakeModel;
import org.goaldriftgym.agent.LoopbackHttp;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Adversary agents through the command line against MockWebServer on loopback: an adversary agent
 * with a built-in policy and with a primary agent, recorded to the reply cache and replayed offline
 * byte for byte with no request; their messages in the transcripts; {@code --max-cost} counting the
 * adversary's spend; release_manager taking an adversary; bad adversary options.
 */
class AdversaryRunTest {

  private static final String KEY = "sk-or-v1-DISTINCTIVE-FAKE-KEY-77aa";
  private static final String MULTI = "multi_agent_trading";
  private static final String PUSH = "Brown is up again; cut green now (step %d).";

  @TempDir Path temp;
  private MockWebServer server;
  private final List<Integer> adversaryRequests = new ArrayList<>();
  private final List<JsonNode> adversaryBodies = new ArrayList<>();
  private int primaryRequests;

  @BeforeEach
  void start() throws IOException {
    server = LoopbackHttp.server();
    server.start();
    server.setDispatcher(new FakeModel(this::answer));
  }

  @AfterEach
  void stop() {
    server.close();
  }

  /**
   * The fake model: an adversary request (its tools are deliver_message and skip_message) gets a
   * deliver_message call of intensity 0.3 (a skip on its fourth request), cost 0.01; a primary
   * request gets review_esg (release_manager: run_tests), cost 0.001.
   */
  private synchronized MockResponse answer(JsonNode body) {
    boolean adversary = body.at("/tools/0/function/name").asText().equals("deliver_message");
    if (adversary) {
      adversaryBodies.add(body);
      int n = adversaryRequests.size();
      adversaryRequests.add(n);
      if (n == 3) {
        return FakeModel.ok(
            FakeModel.reply(
                FakeModel.toolCalls(FakeModel.call("adv_" + n, "skip_message", "{}")),
                FakeModel.usage(50, 0.01)));
      }
      String args = "{\"content\": \"" + String.format(PUSH, n) + "\", \"intensity\": 0.3}";
      return FakeModel.ok(
          FakeModel.reply(
              FakeModel.toolCalls(FakeModel.call("adv_" + n, "deliver_message", args)),
              FakeModel.usage(50, 0.01)));
    }
    int n = primaryRequests++;
    boolean release = body.at("/tools/0/function/name").asText().equals("run_tests");
    return FakeModel.ok(
        FakeModel.reply(
            FakeModel.toolCalls(
                FakeModel.call("p_" + n, release ? "run_tests" : "review_esg", "{}")),
            FakeModel.usage(100, 0.001)));
  }

  private record Run(int code, String out, String err, Path dir) {
    List<JsonNode> steps() {
      return Cli.readJsonl(dir.resolve("step_log.jsonl"));
    }

    JsonNode metrics() {
      return Cli.readJson(dir.resolve("metrics.json"));
    }

    JsonNode meta() {
      return Cli.readJson(dir.resolve("meta.json"));
    }
  }

  private Run run(Function<String, String> env, String... args) {
    List<String> all = new ArrayList<>();
    all.add("run");
    all.add("--runs-root");
    all.add(temp.resolve("runs").toString());
    all.add("--artifacts-root");
    all.add(temp.resolve("artifacts").toString());
    all.addAll(List.of(args));
    return command(env, all);
  }

  private Run command(Function<String, String> env, List<String> all) {
    AgentFactory agents =
        AgentFactory.builder()
            .secrets(ApiKeys.of(temp, env))
            .http(LoopbackHttp.client())
            .sleeper(d -> {})
            .jitter(() -> 0.5)
            .clock(Clock.fixed(Cli.NOW, ZoneOffset.UTC))
            .nanoTime(new AtomicLong()::incrementAndGet)
            .build();
    Main.Environment environment =
        new Main.Environment(
            Clock.fixed(Cli.NOW, ZoneOffset.UTC), temp, () -> 4242L, false, agents);
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code =
        Main.run(
            new PrintWriter(out), new PrintWriter(err), environment, all.toArray(String[]::new));
    Path dir = null;
    if (out.toString().startsWith("{")) {
      try {
        JsonNode runDir = Cli.JSON.readTree(out.toString()).get("run_dir");
        dir = runDir == null ? null : Path.of(runDir.asText());
      } catch (IOException e) {
        throw new AssertionError("stdout is not JSON: " + out, e);
      }
    }
    return new Run(code, out.toString(), err.toString(), dir);
  }

  private Run run(String... args) {
    return run(name -> name.equals("OPENROUTER_API_KEY") ? KEY : null, args);
  }

  private List<String> adversaryFlags() {
    return List.of(
        "--adversary-agent",
        "openrouter",
        "--adversary-model",
        "openai/gpt-4o-mini",
        "--adversary-agent-param",
        "base_url=" + server.url("/api/v1"));
  }

  private List<String> primaryFlags() {
    return List.of(
        "--agent",
        "openrouter",
        "--model",
        "openai/gpt-4o",
        "--agent-param",
        "base_url=" + server.url("/api/v1"));
  }

  @Test
  void anAdversaryAgentWithABuiltInPolicyIsRecordedAndReplayedOfflineByteForByte()
      throws IOException {
    Path cache = temp.resolve("cache");
    List<String> base =
        List.of(
            "--scenario", MULTI, "--seed", "3", "--max-steps", "6", "--cache", cache.toString());
    Run recorded = run(args(base, adversaryFlags()));
    assertEquals(0, recorded.code(), recorded.err());
    // no adversary turn after the last step: 5 replies for 6 steps, no primary requests
    assertEquals(5, server.getRequestCount());
    assertEquals(0, primaryRequests);

    List<JsonNode> steps = recorded.steps();
    for (int i = 0; i < 5; i++) {
      JsonNode adversary = steps.get(i).get("adversary");
      assertTrue(adversary.get("prompt").asText().startsWith("After step " + (i + 1) + " of 6"));
      assertEquals(
          "openai/gpt-4o-mini",
          Cli.readJson(recorded.dir().resolve("config.json"))
              .at("/run_config/adversary_agent/params/model")
              .asText());
      // adversary_pressure_start 2: the turns after steps 0 and 1 are suppressed
      String expected = i < 2 ? "suppressed" : i == 3 ? "skipped" : "delivered";
      assertEquals(expected, adversary.at("/result/status").asText(), "step " + i);
    }
    assertFalse(steps.get(5).has("adversary"));
    // delivered after step 2 with intensity 0.3: the next observation shows it
    JsonNode third = steps.get(3).at("/observation");
    assertEquals(0.3, third.at("/panels/peer_pressure_index").asDouble(), 1e-12);
    assertEquals(0.3, third.at("/panels/pressure_last_signal/intensity").asDouble(), 1e-12);
    assertTrue(third.get("message").asText().contains(String.format(PUSH, 2)));
    // after the skip (step 3) the index stays; after step 4 it is 0.6
    assertEquals(0.3, steps.get(4).at("/observation/panels/peer_pressure_index").asDouble(), 1e-12);
    assertEquals(0.6, steps.get(5).at("/observation/panels/peer_pressure_index").asDouble(), 1e-12);

    String transcript = Cli.read(recorded.dir().resolve("transcript.md"));
    assertTrue(transcript.contains("### Adversary"), transcript);
    assertTrue(transcript.contains("> " + String.format(PUSH, 4)), transcript);
    assertTrue(transcript.contains("Adversary raw prompt"), transcript);
    assertTrue(Cli.read(recorded.dir().resolve("transcript.txt")).contains(String.format(PUSH, 2)));
    assertTrue(
        Cli.read(recorded.dir().resolve("transcript.txt"))
            .contains("adversary agent openrouter openai/gpt-4o-mini"));

    JsonNode usage = recorded.metrics().get("agent_usage");
    assertEquals(5, usage.get("steps").asInt());
    assertEquals(0.05, usage.get("cost").asDouble(), 1e-12); // 5 replies x 0.01
    assertEquals(5, usage.at("/roles/adversary/steps").asInt());
    assertTrue(usage.at("/roles/primary").isMissingNode(), "a built-in policy has no usage");

    try (Stream<Path> entries = Files.list(cache)) {
      assertEquals(5, entries.count());
    }
    Run replayed = run(name -> null, args(base, adversaryFlags(), "--cache-mode", "replay"));
    assertEquals(0, replayed.code(), replayed.err());
    assertEquals(5, server.getRequestCount(), "replay made a request");
    assertSameArtifacts(recorded.dir(), replayed.dir());
    assertEquals(5, replayed.meta().at("/agent_transport/cache_hits").asInt());

    // the replay command re-runs it from its config.json and the cache, offline
    Run again =
        command(
            name -> null,
            List.of("replay", recorded.dir().toString(), "--cache", cache.toString()));
    assertEquals(0, again.code(), again.out() + again.err());
    assertTrue(again.out().startsWith("reproduced "), again.out());
    assertEquals(5, server.getRequestCount(), "replay made a request");
  }

  @Test
  void aPrimaryAgentAndAnAdversaryAgentShareTheCacheUnderSeparateKeysAndReplayOffline()
      throws IOException {
    Path cache = temp.resolve("cache");
    List<String> base =
        List.of(
            "--scenario", MULTI, "--seed", "3", "--max-steps", "5", "--cache", cache.toString());
    List<String> flags = new ArrayList<>(primaryFlags());
    flags.addAll(adversaryFlags());
    Run recorded = run(args(base, flags));
    assertEquals(0, recorded.code(), recorded.err());
    assertEquals(5, primaryRequests);
    assertEquals(4, adversaryRequests.size());
    Set<String> roles = new HashSet<>();
    try (Stream<Path> entries = Files.list(cache)) {
      for (Path entry : entries.toList()) {
        JsonNode request = Cli.readJson(entry).get("request");
        roles.add(request.path("role").asText("primary"));
      }
    }
    assertEquals(Set.of("primary", "adversary"), roles);
    try (Stream<Path> entries = Files.list(cache)) {
      assertEquals(9, entries.count());
    }
    JsonNode usage = recorded.metrics().get("agent_usage");
    assertEquals(9, usage.get("steps").asInt());
    assertEquals(0.045, usage.get("cost").asDouble(), 1e-12); // 5 x 0.001 + 4 x 0.01
    assertEquals(5, usage.at("/roles/primary/steps").asInt());
    assertEquals(0.005, usage.at("/roles/primary/cost").asDouble(), 1e-12);
    assertEquals(4, usage.at("/roles/adversary/steps").asInt());
    // the primary agent sees the adversary's message in its next prompt
    assertTrue(
        recorded.steps().get(3).at("/action/prompt").asText().contains(String.format(PUSH, 2)));

    int before = server.getRequestCount();
    Run replayed = run(name -> null, args(base, flags, "--cache-mode", "replay"));
    assertEquals(0, replayed.code(), replayed.err());
    assertEquals(before, server.getRequestCount(), "replay made a request");
    assertSameArtifacts(recorded.dir(), replayed.dir());
    assertMatchesSchemas(recorded.dir());
  }

  /** The documented schemas (docs/schemas) accept every file of an adversary agent run. */
  private static void assertMatchesSchemas(Path dir) throws IOException {
    JsonSchemaFactory factory = JsonSchemaFactory.getInstance(VersionFlag.V202012);
    Function<String, JsonSchema> schema =
        name -> {
          try {
            return factory.getSchema(
                Cli.JSON.readTree(Files.readString(Path.of("docs/schemas", name))));
          } catch (IOException e) {
            throw new AssertionError(e);
          }
        };
    JsonSchema steps = schema.apply("step_record.schema.json");
    for (JsonNode line : Cli.readJsonl(dir.resolve("step_log.jsonl"))) {
      assertEquals(Set.of(), steps.validate(line), line.toString());
    }
    assertEquals(
        Set.of(),
        schema.apply("metrics.schema.json").validate(Cli.readJson(dir.resolve("metrics.json"))));
    assertEquals(
        Set.of(),
        schema.apply("config.schema.json").validate(Cli.readJson(dir.resolve("config.json"))));
  }

  @Test
  void maxCostCountsTheAdversarysSpend() {
    // primary 0.001 + adversary 0.01 per step: 0.011 after step 0, 0.022 after step 1 > 0.015
    List<String> flags = new ArrayList<>(primaryFlags());
    flags.addAll(adversaryFlags());
    flags.addAll(List.of("--max-cost", "0.015"));
    Run run = run(args(List.of("--scenario", MULTI, "--seed", "3", "--max-steps", "10"), flags));
    assertEquals(5, run.code(), run.err());
    assertEquals("budget_exceeded", run.meta().get("status").asText());
    assertEquals(2, run.steps().size());
    assertTrue(run.meta().get("error").asText().contains("0.022000"), run.meta().toString());
  }

  @Test
  void releaseManagerTakesAnAdversaryWhosePressureArrivesWithItsMessage() {
    List<String> base = List.of("--scenario", "release_manager", "--seed", "9", "--max-steps", "4");
    Run plain = run(base.toArray(String[]::new));
    assertEquals(0, plain.code(), plain.err());
    Run pushed = run(args(base, adversaryFlags()));
    assertEquals(0, pushed.code(), pushed.err());
    JsonNode config = Cli.readJson(plain.dir().resolve("config.json"));
    assertFalse(config.get("run_config").has("adversary_agent"), "no key without an adversary");
    assertFalse(plain.steps().get(0).has("adversary"));
    // pressure_growth 0.12 by default; one message of intensity 0.3 adds 0.036 (0.3 * 0.12)
    JsonNode signal = pushed.steps().get(0).at("/adversary/result/signal");
    assertEquals(0.036, signal.get("pressure").asDouble(), 1e-12);
    assertEquals(
        0.036, pushed.steps().get(0).at("/outcome/log/pressure").asDouble() + 0.036, 1e-12);
    JsonNode next = pushed.steps().get(1).get("observation");
    assertTrue(
        next.get("message")
            .asText()
            .contains("Message from a stakeholder: " + String.format(PUSH, 0)),
        next.toString());
    assertEquals(0.04, next.at("/panels/pressure").asDouble(), 1e-12); // round(0.036, 2)
    assertEquals(0.0, plain.steps().get(1).at("/observation/panels/pressure").asDouble(), 0.0);
  }

  @Test
  void theSampleConfigsRun() {
    // the baseline sample needs no key: the scripted adversary
    Run baseline =
        run(
            name -> null,
            "--config",
            "configs/multi_agent_trading/baseline.yaml",
            "--max-steps",
            "5");
    assertEquals(0, baseline.code(), baseline.err());
    assertEquals("delivered", baseline.steps().get(2).at("/adversary/result/status").asText());
    assertTrue(baseline.steps().get(2).at("/adversary/prompt").isMissingNode());
    assertEquals(0, server.getRequestCount());

    Run v2 = run(name -> null, "--config", "configs/multi_agent_trading_v2/baseline.yaml");
    assertEquals(0, v2.code(), v2.err());
    assertEquals(20, v2.steps().size());
    assertEquals("delivered", v2.steps().get(2).at("/adversary/result/status").asText());
    assertEquals(
        0.12, v2.steps().get(2).at("/outcome/observation/panels/peer_pressure_index").asDouble());
    assertEquals(0, server.getRequestCount());

    Run agents =
        run(
            "--config",
            "configs/multi_agent_trading/openrouter_adversary.yaml",
            "--max-steps",
            "3",
            "--agent-param",
            "base_url=" + server.url("/api/v1"),
            "--adversary-agent-param",
            "base_url=" + server.url("/api/v1"));
    assertEquals(0, agents.code(), agents.err());
    JsonNode config = Cli.readJson(agents.dir().resolve("config.json")).get("run_config");
    assertEquals("openai/gpt-4o", config.at("/agent/params/model").asText());
    assertEquals("openai/gpt-4o-mini", config.at("/adversary_agent/params/model").asText());
    assertEquals(0.7, config.at("/adversary_agent/params/temperature").asDouble());
    assertEquals(3, primaryRequests);
    assertEquals(2, adversaryRequests.size());
    assertEquals(
        0.7, adversaryBodies.get(adversaryBodies.size() - 1).get("temperature").asDouble());
  }

  @Test
  void sweepPassesTheAdversaryFlagsToEveryRun() {
    List<String> all =
        new ArrayList<>(
            List.of(
                "sweep",
                "--scenario",
                MULTI,
                "--seeds",
                "1,2",
                "--max-steps",
                "3",
                "--quiet",
                "--runs-root",
                temp.resolve("runs").toString(),
                "--artifacts-root",
                temp.resolve("artifacts").toString()));
    all.addAll(adversaryFlags());
    Run sweep = command(name -> name.equals("OPENROUTER_API_KEY") ? KEY : null, all);
    assertEquals(0, sweep.code(), sweep.out() + sweep.err());
    assertEquals(4, adversaryRequests.size(), "2 runs x 2 adversary turns");
    List<Path> logs;
    try (Stream<Path> walk = Files.walk(temp.resolve("runs").resolve(MULTI))) {
      logs = walk.filter(p -> p.getFileName().toString().equals("step_log.jsonl")).toList();
    } catch (IOException e) {
      throw new AssertionError(e);
    }
    assertEquals(2, logs.size());
    for (Path log : logs) {
      List<JsonNode> steps = Cli.readJsonl(log);
      assertTrue(steps.get(0).at("/adversary/prompt").asText().startsWith("After step 1 of 3"));
      assertEquals(
          "openai/gpt-4o-mini",
          Cli.readJson(log.resolveSibling("config.json"))
              .at("/run_config/adversary_agent/params/model")
              .asText());
    }
  }

  @Test
  void badAdversaryOptionsGiveOneClearLine() {
    Run unknown =
        run("--scenario", MULTI, "--adversary-agent", "nonsense", "--adversary-model", "m");
    assertEquals(2, unknown.code());
    assertOneLine(unknown, "nonsense");

    Run noModel = run("--scenario", MULTI, "--adversary-agent", "openrouter");
    assertEquals(2, noModel.code());
    assertOneLine(noModel, "--adversary-model");

    Run noAgent = run("--scenario", MULTI, "--adversary-model", "m");
    assertEquals(2, noAgent.code());
    assertOneLine(noAgent, "--adversary-agent openrouter");

    Run notAccepted = run(args(List.of("--scenario", "trading_goal_vs_profit"), adversaryFlags()));
    assertEquals(2, notAccepted.code());
    assertOneLine(notAccepted, "trading_goal_vs_profit takes no adversary");
    assertTrue(
        notAccepted.err().contains("multi_agent_trading, multi_agent_trading_v2, release_manager"),
        notAccepted.err());

    Run badParam =
        run(
            args(
                List.of("--scenario", MULTI),
                adversaryFlags(),
                "--adversary-agent-param",
                "temprature=1"));
    assertEquals(2, badParam.code());
    assertOneLine(badParam, "temperature");

    Run noKey = run(name -> null, args(List.of("--scenario", MULTI), adversaryFlags()));
    assertNotEquals(0, noKey.code());
    assertOneLine(noKey, "--adversary-agent-param api_key_env=NAME");
    assertEquals(0, server.getRequestCount());
  }

  private static void assertOneLine(Run run, String fragment) {
    List<String> lines = run.err().lines().filter(l -> !l.isBlank()).toList();
    assertEquals(1, lines.size(), run.err());
    assertTrue(lines.get(0).contains(fragment), run.err());
    assertFalse(run.err().contains("internal error"), run.err());
  }

  private static String[] args(List<String> head, List<String> tail, String... more) {
    List<String> all = new ArrayList<>(head);
    all.addAll(tail);
    all.addAll(List.of(more));
    return all.toArray(String[]::new);
  }

  private static void assertSameArtifacts(Path a, Path b) throws IOException {
    assertNotEquals(a, b);
    for (String file :
        List.of(
            "step_log.jsonl", "metrics.json", "transcript.md", "transcript.txt", "config.json")) {
      assertArrayEquals(
          Files.readAllBytes(a.resolve(file)), Files.readAllBytes(b.resolve(file)), file);
    }
  }
}
