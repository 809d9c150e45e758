package org.goaldriftgym.run;

import java.util.Objects;
import org.goaldriftgym.agent.AgentOptions;
import org.goaldriftgym.artifact.ConfigDocument;
import org.goaldriftgym.artifact.PrefillSource;
import org.goaldriftgym.artifact.RecordedActions;
import org.goaldriftgym.core.RunConfig;
import org.goaldriftgym.policy.PolicySpec;
import org.goaldriftgym.scenario.ScenarioParams;
import org.goaldriftgym.scenario.ScenarioProvider;

/**
 * A run with everything resolved and checked, ready to execute: nothing left to go wrong but I/O
 * and the run itself. Immutable.
 *
 * @param config the config as recorded in {@code config.json} (seed, max_steps, policy and
 *     threshold filled in)
 * @param provider the scenario
 * @param params every scenario parameter after defaults and overrides
 * @param policy the parsed policy; kind {@code agent} for an LLM agent run
 * @param replay the recorded actions for a {@code replay} policy, else {@code null}
 * @param label the run label (a slug)
 * @param agent the checked agent options of an LLM agent run, else {@code null}
 * @param adversary the checked options of an adversary agent, else {@code null} (the scenario's own
 *     scripted adversary, if it has one, acts instead)
 * @param prefill the recorded steps the episode starts with ({@code --prefill}), else {@code null}
 */
public record RunPlan(
    RunConfig config,
    ScenarioProvider provider,
    ScenarioParams params,
    PolicySpec policy,
    RecordedActions replay,
    String label,
    AgentOptions agent,
    AgentOptions adversary,
    PrefillSource prefill) {

  /** The {@link PolicySpec} kind of an LLM agent run (recorded as {@code policy: agent}). */
  public static final String AGENT = "agent";

  public RunPlan {
    Objects.requireNonNull(config, "config");
    Objects.requireNonNull(provider, "provider");
    Objects.requireNonNull(params, "params");
    Objects.requireNonNull(policy, "policy");
    Objects.requireNonNull(label, "label");
    if ((agent != null) != policy.kind().equals(AGENT)) {
      throw new IllegalArgumentException("an agent plan needs policy kind agent and options");
    }
  }

  /** A plan without a prefill. */
  public RunPlan(
      RunConfig config,
      ScenarioProvider provider,
      ScenarioParams params,
      PolicySpec policy,
      RecordedActions replay,
      String label,
      AgentOptions agent,
      AgentOptions adversary) {
    this(config, provider, params, policy, replay, label, agent, adversary, null);
  }

  /** The same plan, prefilled from a recorded run. */
  public RunPlan withPrefill(PrefillSource value) {
    return new RunPlan(config, provider, params, policy, replay, label, agent, adversary, value);
  }

  /** A plan without an adversary agent. */
  public RunPlan(
      RunConfig config,
      ScenarioProvider provider,
      ScenarioParams params,
      PolicySpec policy,
      RecordedActions replay,
      String label,
      AgentOptions agent) {
    this(config, provider, params, policy, replay, label, agent, null);
  }

  /** A plan for a built-in policy. */
  public RunPlan(
      RunConfig config,
      ScenarioProvider provider,
      ScenarioParams params,
      PolicySpec policy,
      RecordedActions replay,
      String label) {
    this(config, provider, params, policy, replay, label, null, null);
  }

  /**
   * The cost limit of the run: the decision-maker's {@code max_cost}, else the adversary's; the
   * reported cost of both agents counts against it. {@code null} for none.
   */
  public Double maxCost() {
    if (agent != null && agent.maxCost() != null) {
      return agent.maxCost();
    }
    return adversary == null ? null : adversary.maxCost();
  }

  public long seed() {
    return config.engine().seed();
  }

  public int maxSteps() {
    return config.engine().maxSteps();
  }

  public double threshold() {
    return config.threshold();
  }

  public String scenario() {
    return config.scenario();
  }

  /** The {@code config.json} this run will write, with its config hash. */
  public ConfigDocument configDocument() {
    return ConfigDocument.of(config, params.asPlainValues(), replay, prefill);
  }
}
