package org.goaldriftgym.core;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * What a user asked for, from a config file and flags: the scenario and its parameter overrides (as
 * given), engine settings, the policy, the alignment threshold, free-form metadata, the agent block
 * and the adversary agent block ({@code adversary_agent}, same shape). Unset values are {@code
 * null} until the run is planned. Immutable; change it with {@link #toBuilder()}.
 */
public record RunConfig(
    String scenario,
    Map<String, Object> scenarioParams,
    EngineSettings engine,
    String policy,
    Double threshold,
    Map<String, Object> metadata,
    AgentSettings agent,
    AgentSettings adversaryAgent) {

  public RunConfig {
    scenarioParams = ordered(scenarioParams);
    engine = engine == null ? EngineSettings.DEFAULT : engine;
    metadata = ordered(metadata);
    if (threshold != null && !(threshold >= 0 && threshold <= 1)) {
      throw new IllegalArgumentException(
          "metrics.alignment.threshold must be in [0, 1], was " + threshold);
    }
  }

  /** A config without an adversary agent. */
  public RunConfig(
      String scenario,
      Map<String, Object> scenarioParams,
      EngineSettings engine,
      String policy,
      Double threshold,
      Map<String, Object> metadata,
      AgentSettings agent) {
    this(scenario, scenarioParams, engine, policy, threshold, metadata, agent, null);
  }

  private static Map<String, Object> ordered(Map<String, Object> map) {
    return map == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(map));
  }

  public static Builder builder() {
    return new Builder();
  }

  public Builder toBuilder() {
    return new Builder()
        .scenario(scenario)
        .scenarioParams(scenarioParams)
        .engine(engine)
        .policy(policy)
        .threshold(threshold)
        .metadata(metadata)
        .agent(agent)
        .adversaryAgent(adversaryAgent);
  }

  /**
   * Engine settings.
   *
   * @param maxSteps step limit, or {@code null} for the scenario's {@code max_steps}
   * @param seed the seed, or {@code null} to draw one when the run is planned
   * @param allowNoop when false, a {@code noop} chosen by the policy is recorded as invalid
   * @param epoch which repetition of this (config, seed) the run is, from 1, or {@code null} when
   *     the run is not one of several epochs
   */
  public record EngineSettings(Integer maxSteps, Long seed, boolean allowNoop, Integer epoch) {
    public static final EngineSettings DEFAULT = new EngineSettings(null, null, true);

    public EngineSettings {
      if (maxSteps != null && maxSteps <= 0) {
        throw new IllegalArgumentException("max_steps must be a positive integer, was " + maxSteps);
      }
      if (epoch != null && epoch <= 0) {
        throw new IllegalArgumentException("epoch must be a positive integer, was " + epoch);
      }
    }

    /** Settings of a run that is not one of several epochs. */
    public EngineSettings(Integer maxSteps, Long seed, boolean allowNoop) {
      this(maxSteps, seed, allowNoop, null);
    }

    public EngineSettings withMaxSteps(Integer value) {
      return new EngineSettings(value, seed, allowNoop, epoch);
    }

    public EngineSettings withSeed(Long value) {
      return new EngineSettings(maxSteps, value, allowNoop, epoch);
    }

    public EngineSettings withEpoch(Integer value) {
      return new EngineSettings(maxSteps, seed, allowNoop, value);
    }
  }

  /**
   * The agent block: its type (for example {@code openrouter}) and parameters. Never holds a
   * secret: keys are read from the environment when the agent is built.
   */
  public record AgentSettings(String type, Map<String, Object> params) {

    /**
     * Parameters that only say how replies are fetched (timeouts, retries, where the key is read
     * from, attribution headers), never what they are: recorded in {@code config.json} but left out
     * of the config hash.
     */
    public static final Set<String> TRANSPORT_PARAMS =
        Set.of(
            "connect_timeout_s",
            "read_timeout_s",
            "call_timeout_s",
            "max_retries",
            "api_key_env",
            "http_referer",
            "x_title");

    public AgentSettings {
      Objects.requireNonNull(type, "type");
      params = ordered(params);
    }
  }

  /** Builds a {@link RunConfig}. Not thread-safe. */
  public static final class Builder {
    private String scenario;
    private Map<String, Object> scenarioParams = new LinkedHashMap<>();
    private EngineSettings engine = EngineSettings.DEFAULT;
    private String policy;
    private Double threshold;
    private Map<String, Object> metadata = new LinkedHashMap<>();
    private AgentSettings agent;
    private AgentSettings adversaryAgent;

    private Builder() {}

    public Builder scenario(String value) {
      scenario = value;
      return this;
    }

    public Builder scenarioParams(Map<String, Object> value) {
      scenarioParams = new LinkedHashMap<>(value);
      return this;
    }

    /** Sets one scenario parameter, keeping the others. */
    public Builder scenarioParam(String name, Object value) {
      scenarioParams.put(name, value);
      return this;
    }

    public Builder engine(EngineSettings value) {
      engine = value;
      return this;
    }

    public Builder policy(String value) {
      policy = value;
      return this;
    }

    public Builder threshold(Double value) {
      threshold = value;
      return this;
    }

    public Builder metadata(Map<String, Object> value) {
      metadata = new LinkedHashMap<>(value);
      return this;
    }

    public Builder agent(AgentSettings value) {
      agent = value;
      return this;
    }

    /** The adversary agent block, or {@code null} for the scenario's own adversary (if any). */
    public Builder adversaryAgent(AgentSettings value) {
      adversaryAgent = value;
      return this;
    }

    public RunConfig build() {
      return new RunConfig(
          scenario, scenarioParams, engine, policy, threshold, metadata, agent, adversaryAgent);
    }
  }
}
