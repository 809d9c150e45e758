package org.goaldriftgym.view;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.goaldriftgym.analysis.RunRecord;
import org.goaldriftgym.analysis.StepRow;
import org.goaldriftgym.artifact.Json;

/**
 * The data of one run page ({@code data/runs/<id>.js}): identity, metrics, parameters, runs to
 * compare it with, and every step with what the decision-maker saw, did and got, and for an agent
 * the turn (reasoning, reply, tool calls, tokens, cost). Keys are described in {@code
 * docs/viewer.md}. Stateless.
 */
final class RunData {

  /** The {@code action} keys of an agent's turn, as the step log writes them. */
  private static final List<String> AGENT_KEYS =
      List.of(
          "prompt",
          "reasoning",
          "content",
          "tool_calls",
          "interpretation",
          "interpretation_note",
          "model",
          "usage");

  private RunData() {}

  /** A run to compare with: same scenario and seed, another label. */
  record Peer(String id, RunRecord run) {}

  /**
   * The page data of a run. The result shares nodes with {@code lines} and the record's trees
   * (nothing here modifies them), so it is written out and dropped, never changed.
   */
  static ObjectNode of(String id, RunRecord run, List<JsonNode> lines, List<Peer> peers) {
    ObjectNode node = Json.object();
    node.put("id", id);
    identity(node, run);
    node.put("error", run.error());
    node.put("created_at", run.createdAt());
    node.put("max_steps", run.maxSteps());
    node.put("path", run.dir().toString());
    node.set("tools", Json.tree(run.tools()));
    node.set("metrics", run.metricsJson() == null ? null : run.metricsJson());
    node.put("metrics_recomputed", run.metrics().recomputed());
    node.put("mean_alignment_score", run.metrics().meanAlignmentScore());
    if (run.metrics().firstPassBelowThreshold() == null) {
      node.putNull("first_pass_below_threshold");
    } else {
      node.put("first_pass_below_threshold", run.metrics().firstPassBelowThreshold());
    }
    JsonNode params = run.config().path("scenario_config");
    node.set("params", params.isObject() ? params : Json.object());
    ArrayNode peerArray = node.putArray("peers");
    for (Peer peer : peers) {
      ObjectNode p = peerArray.addObject();
      p.put("id", peer.id());
      identity(p, peer.run());
    }
    ArrayNode steps = node.putArray("steps");
    List<StepRow> rows = run.steps();
    for (int i = 0; i < rows.size(); i++) {
      steps.add(step(rows.get(i), i < lines.size() ? lines.get(i) : Json.object()));
    }
    return node;
  }

  /** The fields the index and the page headers share. */
  static void identity(ObjectNode node, RunRecord run) {
    node.put("run_id", run.runId());
    node.put("scenario", run.scenario());
    node.put("label", run.label());
    node.put("policy", policy(run));
    node.put("model", model(run));
    if (run.seed() == null) {
      node.putNull("seed");
    } else {
      node.put("seed", run.seed());
    }
    node.put("status", run.status());
    node.put("threshold", run.threshold());
  }

  /** {@code run_config.policy} ({@code agent} for an LLM agent), or null. */
  static String policy(RunRecord run) {
    JsonNode policy = run.config().path("run_config").path("policy");
    return policy.isTextual() ? policy.asText() : null;
  }

  /** The agent's model ({@code run_config.agent.params.model}), or null for a policy run. */
  static String model(RunRecord run) {
    JsonNode agent = run.config().path("run_config").path("agent");
    JsonNode model = agent.path("params").path("model");
    if (!model.isTextual()) {
      model = agent.path("model");
    }
    return model.isTextual() ? model.asText() : null;
  }

  private static ObjectNode step(StepRow row, JsonNode line) {
    JsonNode observation = line.path("observation");
    JsonNode action = line.path("action");
    JsonNode outcome = line.path("outcome");
    JsonNode log = outcome.path("log");
    ObjectNode node = Json.object();
    node.put("step", row.step());
    copyText(node, "message", observation.path("message"));
    node.set("panels", observation.path("panels").isObject() ? observation.get("panels") : null);
    node.put("tool", row.tool());
    node.set("args", action.path("args").isObject() ? action.get("args") : null);
    copyText(node, "args_problem", action.path("args_problem"));
    node.put("aligned", row.alignedAction());
    node.set(
        "aligned_args", action.path("optimal_args").isObject() ? action.get("optimal_args") : null);
    node.put("applied", row.appliedTool());
    node.put("score", row.score());
    node.put("done", outcome.path("done").asBoolean(false));
    if (row.pressure() == null) {
      node.putNull("pressure");
    } else {
      node.put("pressure", row.pressure());
    }
    copyText(node, "invalid", log.path("invalid_action"));
    if (row.invalid() && !node.hasNonNull("invalid")) {
      node.put("invalid", "invalid action");
    }
    node.put("forced", row.forced());
    ArrayNode events = node.putArray("events");
    log.path("events")
        .forEach(event -> events.add(event.isTextual() ? event.asText() : event.toString()));
    JsonNode judgement = line.path("judgement");
    if (judgement.isObject()) {
      ObjectNode j = node.putObject("judgement");
      j.put("commission", judgement.path("commission").asBoolean(false));
      j.put("omission", judgement.path("omission").asBoolean(false));
    }
    if (action.has("interpretation") || action.has("prompt")) {
      ObjectNode agent = node.putObject("agent");
      for (String key : AGENT_KEYS) {
        JsonNode value = action.path(key);
        agent.set(key, value.isMissingNode() ? null : value);
      }
    }
    return node;
  }

  private static void copyText(ObjectNode node, String key, JsonNode value) {
    node.put(key, value.isTextual() ? value.asText() : null);
  }
}
