package org.goaldriftgym.metrics;

import java.util.LinkedHashMap;
import java.util.Map;
import org.goaldriftgym.core.AgentTurn;
import org.goaldriftgym.core.StepListener;
import org.goaldriftgym.core.StepRecord;

/**
 * Accumulates the LLM agents' accounting from the step stream and from the replies outside the
 * steps ({@link #onReply}: the goal probe's and its judge's): tokens, cost, models and
 * interpretations ({@link #summary()}), and transport facts ({@link #transport()}), over every role
 * together, and per role when another role than the decision-maker replied. Steps without an agent
 * exchange are ignored. Not thread-safe: one instance listens to one run.
 */
public final class AgentUsageMetrics implements StepListener {

  /** The role names in {@link AgentUsageSummary#roles()}. */
  public static final String PRIMARY = "primary";

  public static final String ADVERSARY = "adversary";

  /** The agent's answer to the goal probe. */
  public static final String PROBE = "probe";

  /** The judge model's grading of a probe answer. */
  public static final String JUDGE = "judge";

  private final Tally total = new Tally();
  private final Tally primary = new Tally();
  private final Tally adversary = new Tally();
  private final Tally probe = new Tally();
  private final Tally judge = new Tally();

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
   * Counts a reply outside the steps: the goal probe's answer ({@link #PROBE}) or its grading
   * ({@link #JUDGE}). It has no interpretation (it chooses no action).
   *
   * @param usage its tokens and cost, or {@code null} when it reported none
   * @param model the model that answered, or {@code null}
   */
  public void onReply(
      String role, AgentTurn.Usage usage, String model, AgentTurn.Transport transport) {
    Tally tally =
        switch (role) {
          case PROBE -> probe;
          case JUDGE -> judge;
          default -> throw new IllegalArgumentException("not a reply role outside steps: " + role);
        };
    total.add(usage, model, null, transport);
    tally.add(usage, model, null, transport);
  }

  /**
   * The accounting so far (every role together, with {@code roles} when another role than the
   * decision-maker replied: {@code primary}, {@code adversary}, {@code probe}, {@code judge}, each
   * that replied), or {@code null} when nothing replied.
   */
  public AgentUsageSummary summary() {
    if (total.replies == 0) {
      return null;
    }
    Map<String, AgentUsageSummary> roles = new LinkedHashMap<>();
    if (adversary.replies + probe.replies + judge.replies > 0) {
      Map<String, Tally> tallies = new LinkedHashMap<>();
      tallies.put(PRIMARY, primary);
      tallies.put(ADVERSARY, adversary);
      tallies.put(PROBE, probe);
      tallies.put(JUDGE, judge);
      tallies.forEach(
          (role, tally) -> {
            if (tally.replies > 0) {
              roles.put(role, tally.summary(Map.of()));
            }
          });
    }
    return total.summary(roles);
  }

  /** The total reported cost so far, or {@code null} when no reply reported one. */
  public Double cost() {
    return total.cost;
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
      add(turn.usage(), turn.model(), turn.interpretation(), turn.transport());
    }

    void add(
        AgentTurn.Usage usage, String model, String interpretation, AgentTurn.Transport transport) {
      replies++;
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
      if (model != null) {
        models.merge(model, 1, Integer::sum);
      }
      if (interpretation != null) {
        interpretations.merge(interpretation, 1, Integer::sum);
      }
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
