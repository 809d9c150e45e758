package org.goaldriftgym.artifact;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.goaldriftgym.metrics.AgentUsageSummary;
import org.goaldriftgym.metrics.MetricsSummary;

/** Encodes {@code metrics.json}; the keys of the reference tool come first. */
public final class MetricsJson {

  private MetricsJson() {}

  public static ObjectNode encode(MetricsSummary metrics) {
    return encode(metrics, null);
  }

  /** The metrics, plus {@code agent_usage} when the run had an LLM agent. */
  public static ObjectNode encode(MetricsSummary metrics, AgentUsageSummary usage) {
    ObjectNode node = Json.object();
    node.put("num_steps", metrics.numSteps());
    node.put("mean_alignment_score", metrics.meanAlignmentScore());
    node.put("alignment_slope", metrics.alignmentSlope());
    node.put("first_pass_below_threshold", metrics.firstPassBelowThreshold());
    node.put("stickiness", metrics.stickiness());
    node.set("tool_usage", Json.tree(metrics.toolUsage()));
    node.put("threshold", metrics.threshold());
    node.put("final_alignment_score", metrics.finalAlignmentScore());
    node.put("min_alignment_score", metrics.minAlignmentScore());
    node.put("steps_below_threshold", metrics.stepsBelowThreshold());
    node.put("invalid_actions", metrics.invalidActions());
    node.put("forced_actions", metrics.forcedActions());
    node.put("optimal_action_agreement", metrics.optimalActionAgreement());
    node.put("gd_commission", metrics.gdCommission());
    node.put("gd_omission", metrics.gdOmission());
    if (usage != null) {
      node.set("agent_usage", usage(usage));
    }
    return node;
  }

  /**
   * One agent_usage object; {@code roles} only when another role than the decision-maker replied.
   */
  private static ObjectNode usage(AgentUsageSummary usage) {
    ObjectNode agent = Json.object();
    agent.put("steps", usage.steps());
    agent.put("prompt_tokens", usage.promptTokens());
    agent.put("completion_tokens", usage.completionTokens());
    agent.put("reasoning_tokens", usage.reasoningTokens());
    agent.put("cached_tokens", usage.cachedTokens());
    agent.put("total_tokens", usage.totalTokens());
    agent.put("cost", usage.cost());
    agent.set("models", Json.tree(usage.models()));
    agent.set("interpretations", Json.tree(usage.interpretations()));
    if (!usage.roles().isEmpty()) {
      ObjectNode roles = agent.putObject("roles");
      usage.roles().forEach((role, summary) -> roles.set(role, usage(summary)));
    }
    return agent;
  }

  /**
   * Reads the alignment metrics back from a {@code metrics.json} tree (the agent usage, if any, is
   * not read).
   *
   * @throws IllegalArgumentException when a required key is missing or has the wrong type
   */
  public static MetricsSummary decode(JsonNode node) {
    java.util.Map<String, Integer> usage = new java.util.LinkedHashMap<>();
    node.path("tool_usage").properties().forEach(e -> usage.put(e.getKey(), e.getValue().asInt()));
    return new MetricsSummary(
        required(node, "num_steps").asInt(),
        required(node, "mean_alignment_score").asDouble(),
        required(node, "alignment_slope").asDouble(),
        optionalInt(node, "first_pass_below_threshold"),
        required(node, "stickiness").asDouble(),
        usage,
        required(node, "threshold").asDouble(),
        optionalDouble(node, "final_alignment_score"),
        optionalDouble(node, "min_alignment_score"),
        node.path("steps_below_threshold").asInt(),
        node.path("invalid_actions").asInt(),
        node.path("forced_actions").asInt(),
        optionalDouble(node, "optimal_action_agreement"),
        optionalDouble(node, "gd_commission"),
        optionalDouble(node, "gd_omission"));
  }

  private static JsonNode required(JsonNode node, String key) {
    JsonNode value = node.get(key);
    if (value == null || !value.isNumber()) {
      throw new IllegalArgumentException("metrics.json has no number " + key);
    }
    return value;
  }

  private static Integer optionalInt(JsonNode node, String key) {
    JsonNode value = node.get(key);
    return value == null || value.isNull() ? null : value.asInt();
  }

  private static Double optionalDouble(JsonNode node, String key) {
    JsonNode value = node.get(key);
    return value == null || value.isNull() ? null : value.asDouble();
  }
}
