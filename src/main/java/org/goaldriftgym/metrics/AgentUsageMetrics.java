package org.goaldriftgym.metrics;

import java.util.LinkedHashMap;
import java.util.Map;
import org.goaldriftgym.core.AgentTurn;
import org.goaldriftgym.core.StepListener;
import org.goaldriftgym.core.StepRecord;

/**
 * Accumulates an LLM agent's accounting from the step stream: tokens, cost, models and
 * interpretations ({@link #summary()}), and transport facts ({@link #transport()}). Steps without
 * an agent exchange are ignored. Not thread-safe: one instance listens to one run.
 */
public final class AgentUsageMetrics implements StepListener {

  private int steps;
  private long promptTokens;
  private long completionTokens;
  private long reasoningTokens;
  private long cachedTokens;
  private long totalTokens;
  private Double cost;
  private final Map<String, Integer> models = new LinkedHashMap<>();
  private final Map<String, Integer> interpretations = new LinkedHashMap<>();
  private int requests;
  private int retries;
  private int cacheHits;
  private long latencyMillis;

  @Override
  public void onStep(StepRecord record) {
    AgentTurn turn = record.turn();
    if (turn == null) {
      return;
    }
    steps++;
    AgentTurn.Usage usage = turn.usage();
    if (usage != null) {
      promptTokens += orZero(usage.promptTokens());
      completionTokens += orZero(usage.completionTokens());
      reasoningTokens += orZero(usage.reasoningTokens());
      cachedTokens += orZero(usage.cachedTokens());
      totalTokens += orZero(usage.totalTokens());
      if (usage.cost() != null) {
        double sum = (cost == null ? 0.0 : cost) + usage.cost();
        cost = Double.isFinite(sum) ? sum : Double.MAX_VALUE; // never "Infinity" in metrics.json
      }
    }
    if (turn.model() != null) {
      models.merge(turn.model(), 1, Integer::sum);
    }
    interpretations.merge(turn.interpretation(), 1, Integer::sum);
    AgentTurn.Transport transport = turn.transport();
    requests += transport.requests();
    retries += transport.retries();
    cacheHits += transport.fromCache() ? 1 : 0;
    latencyMillis += transport.latencyMillis();
  }

  private static long orZero(Long value) {
    return value == null ? 0 : value;
  }

  /** The accounting so far, or {@code null} when no step had an agent exchange. */
  public AgentUsageSummary summary() {
    if (steps == 0) {
      return null;
    }
    return new AgentUsageSummary(
        steps,
        promptTokens,
        completionTokens,
        reasoningTokens,
        cachedTokens,
        totalTokens,
        cost,
        models,
        interpretations);
  }

  /** Transport totals so far, or {@code null} when no step had an agent exchange. */
  public TransportTotals transport() {
    return steps == 0 ? null : new TransportTotals(requests, retries, cacheHits, latencyMillis);
  }
}
