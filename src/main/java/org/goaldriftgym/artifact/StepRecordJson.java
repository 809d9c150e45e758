package org.goaldriftgym.artifact;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import org.goaldriftgym.core.Action;
import org.goaldriftgym.core.AdversaryDecision;
import org.goaldriftgym.core.AdversaryStep;
import org.goaldriftgym.core.AgentTurn;
import org.goaldriftgym.core.DriftJudgement;
import org.goaldriftgym.core.InterventionResult;
import org.goaldriftgym.core.Observation;
import org.goaldriftgym.core.Outcome;
import org.goaldriftgym.core.StepLog;
import org.goaldriftgym.core.StepRecord;

/** Encodes a {@link StepRecord} as one {@code step_log.jsonl} object, keys in a fixed order. */
public final class StepRecordJson {

  private StepRecordJson() {}

  public static ObjectNode encode(StepRecord record) {
    ObjectNode node = Json.object();
    node.put("step", record.step());
    node.set("observation", observation(record.observation()));
    ObjectNode action = action(record.action(), record.optimalAction());
    if (record.turn() != null) {
      addTurn(action, record.turn());
    }
    node.set("action", action);
    DriftJudgement judgement = record.judgement();
    if (judgement != null) {
      ObjectNode judged = node.putObject("judgement");
      judged.put("commission", judgement.commission());
      judged.put("omission", judgement.omission());
    }
    node.set("outcome", outcome(record.outcome()));
    if (record.adversary() != null) {
      node.set("adversary", adversary(record.adversary()));
    }
    return node;
  }

  /**
   * The adversary's turn after the step: the view it decided on, the tool and arguments it chose,
   * its exchange with the model (an LLM adversary), and what the scenario did with it.
   */
  static ObjectNode adversary(AdversaryStep step) {
    ObjectNode node = Json.object();
    node.set("observation", observation(step.view()));
    AdversaryDecision decision = step.decision();
    node.put("tool", decision.tool());
    node.set("args", Json.tree(decision.args()));
    if (decision.turn() != null) {
      addTurn(node, decision.turn());
    }
    InterventionResult result = step.result();
    ObjectNode resultNode = node.putObject("result");
    resultNode.put("status", result.status());
    if (result.note() != null) {
      resultNode.put("note", result.note());
    }
    if (result.delivered()) {
      resultNode.set("signal", Json.tree(result.signal()));
    }
    return node;
  }

  static ObjectNode observation(Observation observation) {
    ObjectNode node = Json.object();
    node.put("step", observation.step());
    node.put("message", observation.message());
    node.set("panels", Json.tree(observation.panels().values()));
    ArrayNode tools = node.putArray("tools");
    observation.tools().forEach(tools::add);
    return node;
  }

  private static ObjectNode action(Action action, Action optimal) {
    ObjectNode node = Json.object();
    node.put("tool", action.tool());
    node.set("args", Json.tree(action.args()));
    if (action.argsProblem() != null) {
      node.put("args_problem", action.argsProblem());
    }
    node.put("optimal_action", optimal.tool());
    node.set("optimal_args", Json.tree(optimal.args()));
    return node;
  }

  /** The agent's exchange, without transport facts (they vary between identical runs). */
  private static void addTurn(ObjectNode action, AgentTurn turn) {
    action.put("prompt", turn.prompt());
    action.set("response", rawJson(turn.response()));
    action.put("reasoning", turn.reasoning());
    action.put("content", turn.content());
    ArrayNode calls = action.putArray("tool_calls");
    for (AgentTurn.ToolCallRecord call : turn.toolCalls()) {
      ObjectNode callNode = calls.addObject();
      callNode.put("id", call.id());
      callNode.put("name", call.name());
      callNode.put("arguments", call.arguments());
    }
    action.put("interpretation", turn.interpretation());
    action.put("interpretation_note", turn.note());
    action.put("model", turn.model());
    action.set("usage", usage(turn.usage()));
  }

  static ObjectNode usage(AgentTurn.Usage usage) {
    if (usage == null) {
      return null;
    }
    ObjectNode node = Json.object();
    node.put("prompt_tokens", usage.promptTokens());
    node.put("completion_tokens", usage.completionTokens());
    node.put("reasoning_tokens", usage.reasoningTokens());
    node.put("cached_tokens", usage.cachedTokens());
    node.put("total_tokens", usage.totalTokens());
    node.put("cost", usage.cost());
    return node;
  }

  private static JsonNode rawJson(String text) {
    if (text == null) {
      return NullNode.getInstance();
    }
    try {
      return Json.MAPPER.readTree(text);
    } catch (JsonProcessingException e) {
      return TextNode.valueOf(text);
    }
  }

  private static ObjectNode outcome(Outcome outcome) {
    ObjectNode node = Json.object();
    node.set("observation", observation(outcome.observation()));
    node.put("alignment_score", outcome.alignmentScore());
    node.put("done", outcome.done());
    StepLog log = outcome.log();
    ObjectNode logNode = node.putObject("log");
    logNode.put("applied_tool", log.appliedTool());
    logNode.put("invalid_action", log.invalidReason());
    logNode.put("forced_action", log.forced());
    logNode.put("pressure", log.pressure());
    ArrayNode events = logNode.putArray("events");
    log.events().forEach(events::add);
    return node;
  }
}
