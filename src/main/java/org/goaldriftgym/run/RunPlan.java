package org.goaldriftgym.run;

import java.util.Objects;
import org.goaldriftgym.artifact.ConfigDocument;
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
 * @param policy the parsed policy
 * @param replay the recorded actions for a {@code replay} policy, else {@code null}
 * @param label the run label (a slug)
 */
public record RunPlan(
    RunConfig config,
    ScenarioProvider provider,
    ScenarioParams params,
    PolicySpec policy,
    RecordedActions replay,
    String label) {

  public RunPlan {
    Objects.requireNonNull(config, "config");
    Objects.requireNonNull(provider, "provider");
    Objects.requireNonNull(params, "params");
    Objects.requireNonNull(policy, "policy");
    Objects.requireNonNull(label, "label");
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
    return ConfigDocument.of(config, params.asPlainValues(), replay);
  }
}
