package org.goaldriftgym.metrics;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What an LLM agent's replies cost over a run: sums of the reported tokens and cost, which models
 * answered and how replies were interpreted. Depends only on the replies, so a replayed run gives
 * the same summary. Immutable.
 *
 * @param steps replies (steps with an agent exchange; with an adversary agent, its replies too;
 *     with a goal probe, the probe's answers and their judge's gradings too)
 * @param cost total reported cost, or {@code null} when no reply reported one
 * @param models how many replies each model gave, in first-answer order
 * @param interpretations how many replies were read as each kind (tool_call, text, none, invalid);
 *     probe answers and gradings choose no action and are not counted here
 * @param roles the same accounting per role ({@code primary}, {@code adversary}, {@code probe},
 *     {@code judge}, each that replied) when another role than the decision-maker replied, else
 *     empty
 */
public record AgentUsageSummary(
    int steps,
    long promptTokens,
    long completionTokens,
    long reasoningTokens,
    long cachedTokens,
    long totalTokens,
    Double cost,
    Map<String, Integer> models,
    Map<String, Integer> interpretations,
    Map<String, AgentUsageSummary> roles) {

  public AgentUsageSummary {
    models = Collections.unmodifiableMap(new LinkedHashMap<>(models));
    interpretations = Collections.unmodifiableMap(new LinkedHashMap<>(interpretations));
    roles = Collections.unmodifiableMap(new LinkedHashMap<>(roles));
  }

  /** The accounting of one agent (no roles). */
  public AgentUsageSummary(
      int steps,
      long promptTokens,
      long completionTokens,
      long reasoningTokens,
      long cachedTokens,
      long totalTokens,
      Double cost,
      Map<String, Integer> models,
      Map<String, Integer> interpretations) {
    this(
        steps,
        promptTokens,
        completionTokens,
        reasoningTokens,
        cachedTokens,
        totalTokens,
        cost,
        models,
        interpretations,
        Map.of());
  }
}
