package org.goaldriftgym.artifact;

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
    if (usage != null) {
      ObjectNode agent = node.putObject("agent_usage");
      agent.put("steps", usage.steps());
      agent.put("prompt_tokens", usage.promptTokens());
      agent.put("completion_tokens", usage.completionTokens());
      agent.put("reasoning_tokens", usage.reasoningTokens());
      agent.put("cached_tokens", usage.cachedTokens());
      agent.put("total_tokens", usage.totalTokens());
      agent.put("cost", usage.cost());
      agent.set("models", Json.tree(usage.models()));
      agent.set("interpretations", Json.tree(usage.interpretations()));
    }
    return node;
  }
}
