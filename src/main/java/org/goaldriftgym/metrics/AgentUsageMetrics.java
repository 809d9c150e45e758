package org.goaldriftgym.metrics;

import java.util.LinkedHashMap;
import java.util.Map;
import org.goaldriftgym.core.AgentTurn;
import org.goaldriftgym.core.StepListener;
import org.goaldriftgym.core.StepRecord;

/**
 * Accumulates the LLM agents' accounting from the step stream: tokens, cost, models and
 * interpretations ({@link #summary()}), and transport facts ({@link #transport()}), over the
 * decision-maker's replies and an adversary agent's replies together, and per role when an
 * adversary agent replied. Steps without an agent exchange are ignored. Not thread-safe: one
 * instance listens to one run.
 */
public final class AgentUsageMetrics implements StepListener {

  /** The role names in {@link AgentUsageSummary#roles()}. */
  public static final String PRIMARY = "primary";

  public static final String ADVERSARY = "adversary";

  private final Tally total = new Tally();
  private final Tally primary = new Tally();
  private final Tally adversary = new Tally();

  @Override
  public void onStep(StepRecord record) {
    AgentTurn turn = record.turn();
    if (turn != null) {
      total.add(turn);
      primary.add(turn);
    }
    AgentTurn adversaryTurn =
        record.adversary() == null ? null : record.adversary().decision().turn();
    if (adversaryTurn != null) {
      total.add(adversaryTurn);
      adversary.add(adversaryTurn);
    }
  }

  /**
   * The accounting so far (both roles together, with {@code roles} when an adversary agent
   * replied), or {@code null} when no step had an agent exchange.
   */
  public AgentUsageSummary summary() {
    if (total.replies == 0) {
      return null;
    }
    Map<String, AgentUsageSummary> roles = new LinkedHashMap<>();
    if (adversary.replies > 0) {
      if (primary.replies > 0) {
        roles.put(PRIMARY, primary.summary(Map.of()));
      }
      roles.put(ADVERSARY, adversary.summary(Map.of()));
    }
    return total.summary(roles);
  }

  /** Transport totals so far, or {@code null} when no step had an agent exchange. */
  public TransportTotals transport() {
    return total.replies == 0
        ? null
        : new TransportTotals(total.requests, total.retries, total.cacheHits, total.latencyMillis);
  }

  /** Sums over some replies. */
  private static final class Tally {
    private int replies;
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

    void add(AgentTurn turn) {
      replies++;
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

    AgentUsageSummary summary(Map<String, AgentUsageSummary> roles) {
      return new AgentUsageSummary(
          replies,
          promptTokens,
          completionTokens,
          reasoningTokens,
          cachedTokens,
          totalTokens,
          cost,
          models,
          interpretations,
          roles);
    }

    private static long orZero(Long value) {
      return value == null ? 0 : value;
    }
  }
}
