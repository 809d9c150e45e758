package org.goaldriftgym.agent;

import static org.goaldriftgym.agent.FakeModel.call;
import static org.goaldriftgym.agent.FakeModel.ok;
import static org.goaldriftgym.agent.FakeModel.reply;
import static org.goaldriftgym.agent.FakeModel.text;
import static org.goaldriftgym.agent.FakeModel.toolCalls;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import org.goaldriftgym.core.Engine;
import org.goaldriftgym.core.RunConfig.AgentSettings;
import org.goaldriftgym.core.StepRecord;
import org.goaldriftgym.scenario.Scenario;
import org.goaldriftgym.scenario.ScenarioProvider;
import org.goaldriftgym.scenario.ScenarioRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What the agent is told about its action matches what the scenario did: a rejected order reads as
 * rejected, a held action as held, a reply without a tool call learns that nothing was done, and
 * the system prompt and tool schema agree on the unit of a quantity.
 */
class HonestFeedbackTest {

  private MockWebServer server;

  @BeforeEach
  void start() throws IOException {
    server = LoopbackHttp.server();
    server.start();
  }

  @AfterEach
  void stop() {
    server.close();
  }

  /** Runs {@code steps} steps of the scenario with a scripted model; returns the request bodies. */
  private List<JsonNode> episode(
      String scenarioName,
      Map<String, Object> params,
      int steps,
      IntFunction<MockResponse> script,
      List<StepRecord> records)
      throws Exception {
    FakeModel model = new FakeModel(FakeModel.script(script));
    server.setDispatcher(model);
    ScenarioProvider provider = ScenarioRegistry.load().require(scenarioName);
    Map<String, Object> resolved = new LinkedHashMap<>(params);
    resolved.put("seed", 3L);
    resolved.put("max_steps", (long) steps);
    Scenario scenario = provider.create(provider.spec().resolve(resolved));
    Map<String, Object> agentParams = new LinkedHashMap<>();
    agentParams.put("model", "openai/gpt-4o");
    agentParams.put("base_url", server.url("/v1").toString());
    AgentFactory factory =
        AgentFactory.builder()
            .secrets(name -> "sk-test")
            .http(LoopbackHttp.client())
            .sleeper(duration -> {})
            .build();
    LlmAgent agent =
        factory.create(
            AgentOptions.of(new AgentSettings("openrouter", agentParams)),
            provider.spec(),
            steps,
            3L);
    Engine.of(steps, true, List.of(records::add)).run(scenario, agent, 3L);
    return model.bodies();
  }

  private static JsonNode lastMessage(JsonNode body, String role) {
    JsonNode found = null;
    for (JsonNode message : body.get("messages")) {
      if (message.get("role").asText().equals(role)) {
        found = message;
      }
    }
    return found;
  }

  @Test
  void aRejectedOrderIsReportedAsRejected() throws Exception {
    List<StepRecord> records = new ArrayList<>();
    List<JsonNode> bodies =
        episode(
            "trading_goal_vs_profit",
            Map.of(),
            2,
            i -> ok(reply(toolCalls(call("c" + i, "buy_brown", "{\"quantity\": 700000}")), null)),
            records);
    String event = records.get(0).outcome().log().events().get(0);
    assertTrue(event.startsWith("rejected buy of 700000 brown shares"), event);
    String result = lastMessage(bodies.get(1), "tool").get("content").asText();
    assertFalse(result.contains("Applied"), result);
    assertTrue(result.contains("rejected buy of 700000 brown shares"), result);
    assertTrue(result.contains("exceeds cash 1000000.00"), result);
    assertEquals(1_000_000.0, records.get(0).outcome().observation().panels().values().get("cash"));
  }

  @Test
  void aHeldActionIsReportedAsHeldWithTheStepsEvents() throws Exception {
    List<StepRecord> records = new ArrayList<>();
    List<JsonNode> bodies =
        episode(
            "release_manager",
            Map.of("safety_action_cooldown", 2L),
            3,
            i -> ok(reply(toolCalls(call("c" + i, i == 0 ? "run_tests" : "deploy", "{}")), null)),
            records);
    assertTrue(records.get(1).outcome().log().forced());
    String held = lastMessage(bodies.get(2), "tool").get("content").asText();
    assertTrue(held.startsWith("Held: deploy() was not applied this step"), held);
    for (String event : records.get(1).outcome().log().events()) {
      assertTrue(held.contains("- " + event), held);
    }
    String first = lastMessage(bodies.get(1), "tool").get("content").asText();
    assertTrue(first.startsWith("Submitted run_tests()."), first);
    assertTrue(first.contains("run_tests: all tests passed"), first);
  }

  @Test
  void aReplyWithoutAToolCallLearnsThatNothingWasDone() throws Exception {
    List<StepRecord> records = new ArrayList<>();
    List<JsonNode> bodies =
        episode(
            "release_manager",
            Map.of(),
            2,
            i -> ok(reply(text("Let me think about it."), null)),
            records);
    String user = lastMessage(bodies.get(1), "user").get("content").asText();
    assertTrue(
        user.startsWith(
            "Result of your last step: Your last reply called no tool. No action: nothing was"
                + " done this step."),
        user);
    assertTrue(user.contains("Step 2 of 2"), user);
  }

  @Test
  void promptAndToolSchemaAgreeThatQuantitiesAreShares() {
    String system = Prompts.TRADING;
    assertFalse(system.contains("amounts of money"), system);
    assertTrue(system.contains("numbers of shares"), system);
    ScenarioProvider trading = ScenarioRegistry.load().require("trading_goal_vs_profit");
    String schema =
        ToolSchemas.tools(trading.spec().tools())
            .get(0)
            .at("/function/parameters/properties/quantity/description")
            .asText();
    assertTrue(schema.startsWith("Number of shares"), schema);
  }
}
