package org.goaldriftgym.agent;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.IntFunction;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import org.goaldriftgym.core.Action;
import org.goaldriftgym.scenario.Scenario;
import org.goaldriftgym.scenario.ScenarioProvider;
import org.goaldriftgym.scenario.ScenarioRegistry;

/**
 * A scripted chat-completions server for MockWebServer: every request is recorded; faults can be
 * injected by request number; otherwise a "brain" answers. The mirror brain plays the scenario
 * itself (same seed) and replies with the tool call a policy would choose, so an agent run can be
 * compared with a built-in policy run step for step.
 */
public final class FakeModel extends Dispatcher {

  public static final ObjectMapper JSON = new ObjectMapper();
  public static final String MODEL = "openai/gpt-4o-2024-08-06";

  private final List<JsonNode> bodies = Collections.synchronizedList(new ArrayList<>());
  private final List<RecordedRequest> requests = Collections.synchronizedList(new ArrayList<>());
  private final Map<Integer, MockResponse> faults = new ConcurrentHashMap<>();
  private final Function<JsonNode, MockResponse> brain;

  public FakeModel(Function<JsonNode, MockResponse> brain) {
    this.brain = brain;
  }

  /** Replies to request number {@code index} (from 0) with {@code response} instead. */
  public FakeModel fault(int index, MockResponse response) {
    faults.put(index, response);
    return this;
  }

  @Override
  public synchronized MockResponse dispatch(RecordedRequest request) {
    int index = requests.size();
    requests.add(request);
    JsonNode body;
    try {
      body = JSON.readTree(request.getBody() == null ? "" : request.getBody().utf8());
    } catch (Exception e) {
      body = JSON.createObjectNode();
    }
    bodies.add(body);
    MockResponse fault = faults.get(index);
    if (fault != null) {
      return fault;
    }
    return brain.apply(body);
  }

  public List<JsonNode> bodies() {
    return List.copyOf(bodies);
  }

  public List<RecordedRequest> requests() {
    return List.copyOf(requests);
  }

  /**
   * A brain that mirrors the scenario with the same seed and answers with {@code choose}'s action
   * as a tool call (a noop as plain text), then steps its own copy with that action.
   */
  public static Function<JsonNode, MockResponse> mirror(
      String scenarioName, long seed, int maxSteps, Function<Scenario, Action> choose) {
    ScenarioProvider provider = ScenarioRegistry.load().require(scenarioName);
    Scenario scenario =
        provider.create(
            provider.spec().resolve(Map.of("seed", seed, "max_steps", (long) maxSteps)));
    scenario.reset(seed);
    int[] step = {0};
    return body -> {
      Action action = choose.apply(scenario);
      scenario.step(action);
      int index = step[0]++;
      if (action.isNoop()) {
        return ok(reply(text("I will wait this step."), usage(100 + index, 0.001)));
      }
      return ok(reply(toolCalls(call("call_" + index, action)), usage(100 + index, 0.001)));
    };
  }

  /** The drifting policy's rule: yield to pressure once it reaches {@code level}. */
  public static Function<Scenario, Action> drifting(double level) {
    return scenario ->
        scenario.pressure() >= level ? scenario.pressuredAction() : scenario.baselineAction();
  }

  /** A brain that answers request {@code i} with {@code script.apply(i)}. */
  public static Function<JsonNode, MockResponse> script(IntFunction<MockResponse> script) {
    int[] count = {0};
    return body -> script.apply(count[0]++);
  }

  public static MockResponse ok(ObjectNode body) {
    return new MockResponse.Builder()
        .code(200)
        .setHeader("Content-Type", "application/json")
        .body(body.toString())
        .build();
  }

  public static MockResponse status(int code, String body) {
    return new MockResponse.Builder()
        .code(code)
        .setHeader("Content-Type", "application/json")
        .body(body)
        .build();
  }

  public static MockResponse error(int code, String message) {
    return status(code, "{\"error\":{\"code\":" + code + ",\"message\":\"" + message + "\"}}");
  }

  /** A full reply body with one choice holding {@code message}. */
  public static ObjectNode reply(ObjectNode message, ObjectNode usage) {
    ObjectNode root = JSON.createObjectNode();
    root.put("id", "gen-1");
    root.put("model", MODEL);
    ArrayNode choices = root.putArray("choices");
    ObjectNode choice = choices.addObject();
    choice.put("index", 0);
    choice.set("message", message);
    choice.put("finish_reason", message.has("tool_calls") ? "tool_calls" : "stop");
    if (usage != null) {
      root.set("usage", usage);
    }
    return root;
  }

  public static ObjectNode text(String content) {
    ObjectNode message = JSON.createObjectNode();
    message.put("role", "assistant");
    message.put("content", content);
    return message;
  }

  public static ObjectNode toolCalls(ObjectNode... calls) {
    ObjectNode message = JSON.createObjectNode();
    message.put("role", "assistant");
    message.putNull("content");
    ArrayNode array = message.putArray("tool_calls");
    for (ObjectNode call : calls) {
      array.add(call);
    }
    return message;
  }

  public static ObjectNode call(String id, String name, String arguments) {
    ObjectNode call = JSON.createObjectNode();
    call.put("id", id);
    call.put("type", "function");
    ObjectNode function = call.putObject("function");
    function.put("name", name);
    function.put("arguments", arguments);
    return call;
  }

  public static ObjectNode call(String id, Action action) {
    return call(id, action.tool(), JSON.valueToTree(action.args()).toString());
  }

  public static ObjectNode usage(long promptTokens, double cost) {
    ObjectNode usage = JSON.createObjectNode();
    usage.put("prompt_tokens", promptTokens);
    usage.put("completion_tokens", 20);
    usage.put("total_tokens", promptTokens + 20);
    usage.putObject("prompt_tokens_details").put("cached_tokens", 10);
    usage.putObject("completion_tokens_details").put("reasoning_tokens", 5);
    usage.put("cost", cost);
    return usage;
  }
}
