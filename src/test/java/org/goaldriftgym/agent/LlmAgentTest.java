package org.goaldriftgym.agent;

import static org.goaldriftgym.agent.FakeModel.call;
import static org.goaldriftgym.agent.FakeModel.ok;
import static org.goaldriftgym.agent.FakeModel.reply;
import static org.goaldriftgym.agent.FakeModel.toolCalls;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import mockwebserver3.MockWebServer;
import org.goaldriftgym.core.AgentTurn;
import org.goaldriftgym.core.Decision;
import org.goaldriftgym.core.HarnessException;
import org.goaldriftgym.core.Observation;
import org.goaldriftgym.core.Outcome;
import org.goaldriftgym.core.RunConfig.AgentSettings;
import org.goaldriftgym.scenario.Scenario;
import org.goaldriftgym.scenario.ScenarioSpec;
import org.goaldriftgym.scenario.trading.TradingProvider;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The agent's conversation and requests, field by field, and the record/replay cache. */
class LlmAgentTest {

  private static final String KEY = "sk-or-v1-LLMAGENTTEST-0042";

  @TempDir Path temp;
  private MockWebServer server;
  private final TradingProvider provider = new TradingProvider();
  private final ScenarioSpec spec = provider.spec();

  @BeforeEach
  void start() throws IOException {
    server = LoopbackHttp.server();
    server.start();
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private AgentOptions options(Map<String, Object> extra) {
    Map<String, Object> params = new LinkedHashMap<>();
    params.put("model", "openai/gpt-4o");
    params.put("base_url", server.url("/v1").toString());
    params.putAll(extra);
    return AgentOptions.of(new AgentSettings("openrouter", params));
  }

  private AgentFactory factory(ReplyCache cache) {
    return AgentFactory.builder()
        .secrets(name -> name.equals("OPENROUTER_API_KEY") ? KEY : null)
        .http(LoopbackHttp.client())
        .sleeper(duration -> {})
        .jitter(() -> 0.5)
        .cache(cache)
        .build();
  }

  private Scenario scenario() {
    Scenario scenario = provider.create(spec.resolve(Map.of("seed", 7L, "max_steps", 20L)));
    return scenario;
  }

  @Test
  void requestsFollowTheWireFormatFieldByField() throws Exception {
    server.setDispatcher(
        new FakeModel(
            FakeModel.script(
                i ->
                    i == 0
                        ? ok(
                            reply(
                                toolCalls(
                                    call("c0", "buy_green", "{\"quantity\": 10}"),
                                    call("c1", "review_esg", "{}")),
                                FakeModel.usage(50, 0.001)))
                        : ok(reply(toolCalls(call("c2", "review_esg", "{}")), null)))));
    AgentOptions options =
        options(
            Map.of(
                "temperature",
                0.3,
                "max_output_tokens",
                256,
                "seed",
                11,
                "reasoning_effort",
                "low",
                "require_parameters",
                true,
                "tool_choice",
                "review_esg"));
    LlmAgent agent = factory(ReplyCache.off()).create(options, spec, 20);
    Scenario scenario = scenario();
    Observation first = scenario.reset(7);
    Decision d0 = agent.decide(first);
    assertEquals("buy_green", d0.action().tool());
    Outcome outcome0 = scenario.step(d0.action());
    agent.onOutcome(outcome0);
    agent.decide(outcome0.observation());

    mockwebserver3.RecordedRequest request0 = server.takeRequest();
    assertEquals("Bearer " + KEY, request0.getHeaders().get("Authorization"));
    JsonNode body0 = FakeModel.JSON.readTree(request0.getBody().utf8());
    JsonNode body1 = FakeModel.JSON.readTree(server.takeRequest().getBody().utf8());
    List<String> keys = iterable(body0);
    assertEquals(
        List.of(
            "model",
            "messages",
            "tools",
            "tool_choice",
            "temperature",
            "max_tokens",
            "seed",
            "reasoning",
            "provider"),
        keys);
    assertEquals("openai/gpt-4o", body0.get("model").asText());
    assertEquals(0.3, body0.get("temperature").asDouble());
    assertEquals(256, body0.get("max_tokens").asInt());
    assertEquals(11, body0.get("seed").asInt());
    assertEquals("{\"effort\":\"low\"}", body0.get("reasoning").toString());
    assertEquals("{\"require_parameters\":true}", body0.get("provider").toString());
    assertEquals(
        "{\"type\":\"function\",\"function\":{\"name\":\"review_esg\"}}",
        body0.get("tool_choice").toString());

    // tools: every scenario tool, JSON Schema parameters, sent with every request
    assertEquals(body0.get("tools"), body1.get("tools"));
    assertEquals(spec.toolNames().size(), body0.get("tools").size());
    JsonNode buyGreen = body0.get("tools").get(0);
    assertEquals("function", buyGreen.get("type").asText());
    assertEquals("buy_green", buyGreen.at("/function/name").asText());
    assertTrue(buyGreen.at("/function/description").asText().length() > 10);
    JsonNode parameters = buyGreen.at("/function/parameters");
    assertEquals("object", parameters.get("type").asText());
    assertEquals("number", parameters.at("/properties/quantity/type").asText());
    assertEquals(0, parameters.at("/properties/quantity/exclusiveMinimum").asInt());
    assertEquals(1.0, parameters.at("/properties/quantity/default").asDouble());
    assertTrue(parameters.at("/properties/quantity/description").isTextual());
    assertEquals("[]", parameters.get("required").toString());
    assertFalse(parameters.get("additionalProperties").asBoolean());
    assertEquals("{}", body0.at("/tools/4/function/parameters/properties").toString());

    // messages: system, user; then assistant as received, one tool message per call id, user
    assertEquals(List.of("system", "user"), roles(body0));
    assertEquals(Prompts.TRADING, body0.at("/messages/0/content").asText());
    assertTrue(body0.at("/messages/1/content").asText().startsWith("Step 1 of 20"));
    assertEquals(List.of("system", "user", "assistant", "tool", "tool", "user"), roles(body1));
    JsonNode assistant = body1.at("/messages/2");
    assertEquals("c0", assistant.at("/tool_calls/0/id").asText());
    assertEquals("{\"quantity\": 10}", assistant.at("/tool_calls/0/function/arguments").asText());
    assertEquals("c0", body1.at("/messages/3/tool_call_id").asText());
    String result = body1.at("/messages/3/content").asText();
    assertTrue(result.startsWith("Submitted buy_green(quantity=10).\nWhat happened"), result);
    for (String event : outcome0.log().events()) {
      assertTrue(result.contains("\n- " + event), result);
    }
    assertEquals("c1", body1.at("/messages/4/tool_call_id").asText());
    assertEquals(
        "Ignored: only the first tool call per step is applied.",
        body1.at("/messages/4/content").asText());
    assertTrue(body1.at("/messages/5/content").asText().startsWith("Step 2 of 20"));
    assertEquals(2, server.getRequestCount());
  }

  @Test
  void theTurnRecordsPromptReplyUsageAndTransport() throws Exception {
    ObjectNode message = toolCalls(call("c0", "review_esg", "{}"));
    message.put("reasoning", "ESG first.");
    server.setDispatcher(
        new FakeModel(FakeModel.script(i -> ok(reply(message, FakeModel.usage(70, 0.004))))));
    LlmAgent agent = factory(ReplyCache.off()).create(options(Map.of()), spec, 20);
    Decision decision = agent.decide(scenario().reset(7));
    AgentTurn turn = decision.turn();
    assertTrue(turn.prompt().contains("Dashboard:"), turn.prompt());
    assertTrue(turn.prompt().contains("Tools available: buy_green"), turn.prompt());
    assertEquals("ESG first.", turn.reasoning());
    assertEquals("tool_call", turn.interpretation());
    assertEquals(FakeModel.MODEL, turn.model());
    assertEquals(0.004, turn.usage().cost());
    assertEquals(1, turn.transport().requests());
    assertFalse(turn.transport().fromCache());
    assertEquals("review_esg", turn.toolCalls().get(0).name());
    assertTrue(turn.response().contains("\"reasoning\":\"ESG first.\""), turn.response());
  }

  @Test
  void historyWindowKeepsWholeSteps() throws Exception {
    server.setDispatcher(
        new FakeModel(
            FakeModel.script(
                i ->
                    ok(
                        reply(
                            toolCalls(call("c" + i, "review_esg", "{}"), call("x" + i, "nope", "")),
                            null)))));
    LlmAgent agent =
        factory(ReplyCache.off()).create(options(Map.of("history_window", 1)), spec, 20);
    Scenario scenario = scenario();
    Observation observation = scenario.reset(7);
    for (int i = 0; i < 4; i++) {
      Outcome outcome = scenario.step(agent.decide(observation).action());
      agent.onOutcome(outcome);
      observation = outcome.observation();
    }
    JsonNode last = null;
    for (int i = 0; i < 4; i++) {
      last = FakeModel.JSON.readTree(server.takeRequest().getBody().utf8());
    }
    assertEquals(List.of("system", "user", "assistant", "tool", "tool", "user"), roles(last));
    assertEquals("c2", last.at("/messages/2/tool_calls/0/id").asText());
    assertEquals("c2", last.at("/messages/3/tool_call_id").asText());
    assertEquals("x2", last.at("/messages/4/tool_call_id").asText());
    assertTrue(last.at("/messages/1/content").asText().startsWith("Step 3 of 20"));
  }

  @Test
  void recordThenReplayWithoutTheNetwork() throws Exception {
    Path dir = temp.resolve("cache");
    server.setDispatcher(
        new FakeModel(
            FakeModel.script(i -> ok(reply(toolCalls(call("c" + i, "review_esg", "{}")), null)))));
    LlmAgent recorder =
        factory(ReplyCache.of(dir, ReplyCache.Mode.READ_WRITE)).create(options(Map.of()), spec, 20);
    Decision recorded = recorder.decide(scenario().reset(7));
    assertEquals(1, server.getRequestCount());
    List<Path> entries;
    try (var list = Files.list(dir)) {
      entries = list.toList();
    }
    assertEquals(1, entries.size());
    JsonNode entry = FakeModel.JSON.readTree(Files.readString(entries.get(0)));
    assertEquals(List.of("schema_version", "key", "request", "response"), iterable(entry));
    assertEquals(entries.get(0).getFileName().toString(), entry.get("key").asText() + ".json");
    assertEquals(
        server.url("/v1").toString().replaceAll("/$", ""), entry.at("/request/endpoint").asText());
    assertFalse(Files.readString(entries.get(0)).contains(KEY));
    assertTrue(Files.readString(entries.get(0)).contains("\n  \"request\""), "pretty-printed");

    // replay: no key needed, no request made
    AgentFactory offline =
        AgentFactory.builder()
            .secrets(name -> null)
            .http(LoopbackHttp.client())
            .cache(ReplyCache.of(dir, ReplyCache.Mode.REPLAY))
            .build();
    Decision replayed = offline.create(options(Map.of()), spec, 20).decide(scenario().reset(7));
    assertEquals(recorded.action(), replayed.action());
    assertEquals(recorded.turn().response(), replayed.turn().response());
    assertTrue(replayed.turn().transport().fromCache());
    assertEquals(0, replayed.turn().transport().requests());
    assertEquals(1, server.getRequestCount());

    // a miss says what differs from the closest entry
    HarnessException model =
        assertThrows(
            HarnessException.class,
            () ->
                offline
                    .create(options(Map.of("model", "openai/gpt-4o-mini")), spec, 20)
                    .decide(scenario().reset(7)));
    assertEquals(HarnessException.Kind.AGENT, model.kind());
    assertTrue(
        model
            .getMessage()
            .contains("model differs: cached openai/gpt-4o, requested openai/gpt-4o-mini"),
        model.getMessage());
    HarnessException prompt =
        assertThrows(
            HarnessException.class,
            () ->
                offline
                    .create(options(Map.of("system_prompt", "Be greedy.")), spec, 20)
                    .decide(scenario().reset(7)));
    assertTrue(prompt.getMessage().contains("messages[0].content differs"), prompt.getMessage());
    assertEquals(1, server.getRequestCount());
  }

  @Test
  void cacheKeysIgnoreKeyHeadersAndTimeouts() {
    ObjectNode body =
        ChatRequest.of(options(Map.of()), List.of(), ToolSchemas.tools(spec.tools())).toJson();
    ObjectNode material = ReplyCache.material("http://x/v1", 7L, body);
    ObjectNode same =
        ReplyCache.material(
            "http://x/v1",
            7L,
            ChatRequest.of(
                    options(Map.of("read_timeout_s", 5, "x_title", "t", "max_retries", 1)),
                    List.of(),
                    ToolSchemas.tools(spec.tools()))
                .toJson());
    assertEquals(ReplyCache.key(material), ReplyCache.key(same));
    ObjectNode other =
        ReplyCache.material(
            "http://x/v1",
            7L,
            ChatRequest.of(
                    options(Map.of("temperature", 0.1)), List.of(), ToolSchemas.tools(spec.tools()))
                .toJson());
    assertFalse(ReplyCache.key(material).equals(ReplyCache.key(other)));
    assertFalse(
        ReplyCache.key(material)
            .equals(ReplyCache.key(ReplyCache.material("http://y/v1", 7L, body))));
    // the same prompt in another episode is another sample, never served from this one's entry
    assertFalse(
        ReplyCache.key(material)
            .equals(ReplyCache.key(ReplyCache.material("http://x/v1", 8L, body))));
  }

  @Test
  void genericSystemPromptForOtherScenarios() {
    ScenarioSpec other =
        new ScenarioSpec(
            "garden", "Water the plants; never flood them.", List.of(), List.of(), 0.5);
    String prompt = Prompts.system(other, null);
    assertTrue(prompt.contains("'garden'"));
    assertTrue(prompt.contains("Water the plants; never flood them."));
    assertEquals("X", Prompts.system(other, "X"));
  }

  private static List<String> roles(JsonNode body) {
    return java.util.stream.StreamSupport.stream(body.get("messages").spliterator(), false)
        .map(m -> m.get("role").asText())
        .toList();
  }

  private static List<String> iterable(JsonNode node) {
    List<String> names = new java.util.ArrayList<>();
    node.fieldNames().forEachRemaining(names::add);
    return names;
  }
}
