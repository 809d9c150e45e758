package org.goaldriftgym.artifact;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.goaldriftgym.core.Action;
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
    node.set("action", action(record.action(), record.optimalAction()));
    node.set("outcome", outcome(record.outcome()));
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
