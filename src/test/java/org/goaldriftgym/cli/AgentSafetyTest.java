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
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Secrets never reach disk (a key echoed by a successful reply, credentials inside base_url) and
 * the budget does not trust the server's cost (negative, overflowing, missing).
 */
class AgentSafetyTest {

  private static final String KEY = "sk-or-v1-ECHOED-FAKE-KEY-77a1";

  @TempDir Path temp;
  private MockWebServer server;
  private volatile Supplier<ObjectNode> usage = () -> FakeModel.usage(10, 0.001);

  @BeforeEach
  void start() throws IOException {
    server = LoopbackHttp.server();
    server.setDispatcher(
        new Dispatcher() {
          @Override
          public MockResponse dispatch(RecordedRequest request) {
            // a chatty server that repeats the bearer token it was sent, in text and arguments
            String bearer = request.getHeaders().get("Authorization").substring("Bearer ".length());
            ObjectNode message =
                FakeModel.toolCalls(
                    FakeModel.call("c1", "check_canary", "{\"note\":\"" + bearer + "\"}"));
            message.put("content", "I was called with key " + bearer);
            ObjectNode reply = FakeModel.reply(message, usage.get());
            reply.put("system_fingerprint", bearer);
            return FakeModel.ok(reply);
          }
        });
    server.start();
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private Cli.Result run(String... extra) {
    AgentFactory agents =
        AgentFactory.builder()
            .secrets(ApiKeys.of(temp, name -> name.equals("OPENROUTER_API_KEY") ? KEY : null))
            .http(LoopbackHttp.client())
            .sleeper(d -> {})
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
                "run",
                "--runs-root",
                temp.resolve("runs").toString(),
                "--artifacts-root",
                temp.resolve("artifacts").toString(),
                "--scenario",
                "release_manager",
                "--seed",
                "3",
                "--max-steps",
                "4",
                "--agent",
                "openrouter",
                "--model",
                "openai/gpt-4o"));
    args.addAll(List.of(extra));
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code =
        Main.run(
            new PrintWriter(out), new PrintWriter(err), environment, args.toArray(String[]::new));
    return new Cli.Result(code, out.toString(), err.toString());
  }

  private String baseUrl() {
    return server.url("/api/v1").toString();
  }

  /** Every file under the temporary directory whose bytes contain {@code secret}. */
  private List<Path> filesContaining(String secret) throws IOException {
    List<Path> found = new ArrayList<>();
    try (Stream<Path> files = Files.walk(temp)) {
      for (Path file : files.filter(Files::isRegularFile).toList()) {
        if (new String(Files.readAllBytes(file), java.nio.charset.StandardCharsets.ISO_8859_1)
            .contains(secret)) {
          found.add(file);
        }
      }
    }
    return found;
  }

  @Test
  void aKeyEchoedByASuccessfulReplyIsScrubbedFromEverythingWritten() throws IOException {
    Cli.Result result =
        run("--agent-param", "base_url=" + baseUrl(), "--cache", temp.resolve("cache").toString());
    assertEquals(0, result.code(), result.err());
    assertTrue(Files.exists(temp.resolve("cache")), "the reply cache was written");
    assertEquals(List.of(), filesContaining(KEY));
    assertFalse(result.out().contains(KEY) || result.err().contains(KEY));
    // the reply was kept, with the key masked
    String steps = Files.readString(result.runDir().resolve("step_log.jsonl"));
    assertTrue(steps.contains("I was called with key ***"), steps);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "http://alice:hunter2-secret@%s/api/v1",
        "http://%s/api/v1?api_key=hunter2-secret"
      })
  void credentialsInsideBaseUrlAreRefusedAndNeverWritten(String template) throws IOException {
    String url = String.format(template, server.getHostName() + ":" + server.getPort());
    Cli.Result result = run("--agent-param", "base_url=" + url);
    assertEquals(2, result.code(), result.err());
    assertEquals(1, result.errLines().size(), result.err());
    assertTrue(result.err().contains("base_url carries credentials"), result.err());
    assertFalse(result.err().contains("hunter2"), result.err());
    assertEquals(List.of(), filesContaining("hunter2"));
  }

  @Test
  void theRecordedCommandLineHidesCredentialsInUrls() {
    assertEquals(
        List.of("--agent-param", "base_url=https://***@host/v1?x=1&api_key=***&token=***"),
        CommandLineRedaction.redact(
            List.of("--agent-param", "base_url=https://bob:pw@host/v1?x=1&api_key=s3&token=t")));
  }

  @Test
  void aNegativeCostCannotDisarmTheBudget() {
    usage = () -> FakeModel.usage(10, -5.0);
    Cli.Result result = run("--agent-param", "base_url=" + baseUrl(), "--max-cost", "0.01");
    assertEquals(4, result.code(), result.err());
    JsonNode meta = Cli.readJson(result.runDir().resolve("meta.json"));
    assertEquals("failed", meta.get("status").asText());
    assertTrue(meta.get("error").asText().contains("no usable cost"), meta.toString());
  }

  @Test
  void aServerThatReportsNoCostIsSaidToMakeTheBudgetUnenforceable() {
    usage =
        () -> {
          ObjectNode node = FakeModel.usage(10, 0);
          node.remove("cost");
          return node;
        };
    Cli.Result result = run("--agent-param", "base_url=" + baseUrl(), "--max-cost", "1");
    assertEquals(4, result.code(), result.err());
    assertTrue(result.err().contains("--max-cost cannot be enforced"), result.err());
    // without a budget the same server is fine
    assertEquals(0, run("--agent-param", "base_url=" + baseUrl()).code());
  }

  @Test
  void anOverflowingTotalCostIsStillANumber() {
    usage = () -> FakeModel.usage(10, 1.5e308);
    Cli.Result result = run("--agent-param", "base_url=" + baseUrl());
    assertEquals(0, result.code(), result.err());
    JsonNode cost =
        Cli.readJson(result.runDir().resolve("metrics.json")).path("agent_usage").path("cost");
    assertTrue(cost.isNumber(), cost.toString());
    assertEquals(Double.MAX_VALUE, cost.asDouble());
  }
}
