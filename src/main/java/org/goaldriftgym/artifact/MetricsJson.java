package org.goaldriftgym.artifact;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.goaldriftgym.metrics.MetricsSummary;

/** Encodes {@code metrics.json}; the keys of the reference tool come first. */
public final class MetricsJson {

  private MetricsJson() {}

  public static ObjectNode encode(MetricsSummary metrics) {
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
    return node;
  }
}
