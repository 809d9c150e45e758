package org.goaldriftgym.run;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.LongSupplier;
import org.goaldriftgym.agent.AdversaryAgent;
import org.goaldriftgym.agent.AgentOptionException;
import org.goaldriftgym.agent.AgentOptions;
import org.goaldriftgym.agent.Prompts;
import org.goaldriftgym.artifact.RecordedActions;
import org.goaldriftgym.artifact.RunLayout;
import org.goaldriftgym.core.Action;
import org.goaldriftgym.core.HarnessException;
import org.goaldriftgym.core.Intervenable;
import org.goaldriftgym.core.RunConfig;
import org.goaldriftgym.policy.PolicySpec;
import org.goaldriftgym.scenario.ParamException;
import org.goaldriftgym.scenario.ScenarioParams;
import org.goaldriftgym.scenario.ScenarioProvider;
import org.goaldriftgym.scenario.ScenarioRegistry;
import org.goaldriftgym.scenario.ScenarioSpec;

/**
 * Resolves a {@link RunConfig} into a {@link RunPlan}, checking everything before any file is
 * written. The step limit and the seed live both in {@code engine} and in the scenario's
 * parameters; they are resolved once (flag, then {@code engine}, then {@code scenario_params}, then
 * the scenario default or a drawn seed) and written to both, so the two never disagree. Errors say
 * what is wrong and how to fix it; an error in a value that came from a flag is a usage error, one
 * from the config file a config error. Thread-safe.
 */
public final class RunPlanner {

  /** Field names used in the set of values given as flags. */
  public static final String SCENARIO = "scenario";

  public static final String POLICY = "policy";
  public static final String MAX_STEPS = "max_steps";
  public static final String SEED = "seed";
  public static final String LABEL = "label";

  /** The agent type ({@code --agent}). */
  public static final String AGENT = "agent";

  /** Prefix for an agent param given as a flag ({@code --model}, {@code --agent-param}, ...). */
  public static final String AGENT_PREFIX = "agent.";

  /** Marks an agent given entirely by flags (no agent block in a config file). */
  public static final String AGENT_FROM_FLAGS = "agent.*";

  /** The adversary agent type ({@code --adversary-agent}). */
  public static final String ADVERSARY = "adversary_agent";

  /** Prefix for an adversary agent param given as a flag. */
  public static final String ADVERSARY_PREFIX = "adversary_agent.";

  /** Marks an adversary agent given entirely by flags (no adversary_agent block in a config). */
  public static final String ADVERSARY_FROM_FLAGS = "adversary_agent.*";

  /** Prefix for a scenario parameter given as {@code --scenario-param}. */
  public static final String PARAM_PREFIX = "scenario_params.";

  private static final String DEFAULT_POLICY = "baseline";

  private final ScenarioRegistry registry;
  private final LongSupplier seedSource;

  /**
   * @param seedSource draws a seed for runs that have none (the only source of randomness)
   */
  private java.util.function.UnaryOperator<Path> replaySources = path -> path;

  /**
   * The same planner, reading a {@code replay:PATH} policy's actions from {@code resolver.apply(
   * PATH)} (for example where a moved run's source is now) while recording PATH as written.
   */
  public RunPlanner withReplaySources(java.util.function.UnaryOperator<Path> resolver) {
    RunPlanner planner = new RunPlanner(registry, seedSource);
    planner.replaySources = java.util.Objects.requireNonNull(resolver, "resolver");
    return planner;
  }

  public RunPlanner(ScenarioRegistry registry, LongSupplier seedSource) {
    this.registry = Objects.requireNonNull(registry, "registry");
    this.seedSource = Objects.requireNonNull(seedSource, "seedSource");
  }

  /**
   * Plans a run.
   *
   * @param label the {@code --label}, or {@code null} for the default ({@link #defaultLabel}, or
   *     the slug of an agent's model)
   * @param fromFlags which values came from flags (see the constants), for the error kind
   */
  public RunPlan plan(RunConfig config, String label, Set<String> fromFlags) {
    Origin origin = new Origin(fromFlags);
    if (config.scenario() == null) {
      throw HarnessException.usage(
          "no scenario given: pass --scenario NAME or --config FILE (see list-scenarios)");
    }
    ScenarioProvider provider;
    try {
      provider = registry.require(config.scenario());
    } catch (IllegalArgumentException e) {
      throw origin.error(SCENARIO, e.getMessage());
    }
    ScenarioSpec spec = provider.spec();
    AgentOptions agent = agentOptions(config, spec, origin);

    Map<String, Object> overrides = new LinkedHashMap<>(config.scenarioParams());
    int maxSteps = resolveMaxSteps(config, spec, overrides, origin);
    long seed = resolveSeed(config, overrides, origin);
    overrides.put(MAX_STEPS, (long) maxSteps);
    overrides.put(SEED, seed);
    Map<String, Object> recordedParams = new LinkedHashMap<>(config.scenarioParams());
    recordedParams.computeIfPresent(MAX_STEPS, (key, given) -> maxSteps);
    recordedParams.computeIfPresent(SEED, (key, given) -> seed);
    ScenarioParams params;
    try {
      params = spec.resolve(overrides);
      provider.create(params); // a scenario may check its parameters together (e.g. panel names)
    } catch (ParamException e) {
      boolean engineFlag =
          (e.param().equals(MAX_STEPS) || e.param().equals(SEED)) && origin.fromFlag(e.param());
      throw origin.error(engineFlag ? e.param() : PARAM_PREFIX + e.param(), e.getMessage());
    } catch (IllegalArgumentException e) {
      throw origin.error(PARAM_PREFIX, e.getMessage());
    }

    AgentOptions adversary = adversaryOptions(config, provider, params, origin);

    PolicySpec policy;
    if (agent != null) {
      policy = new PolicySpec(RunPlan.AGENT, null);
    } else {
      try {
        policy = PolicySpec.parse(config.policy() == null ? DEFAULT_POLICY : config.policy());
      } catch (IllegalArgumentException e) {
        throw origin.error(POLICY, e.getMessage());
      }
    }
    RecordedActions replay = null;
    if (policy.kind().equals("replay")) {
      replay = loadReplay(policy, spec, maxSteps, origin, replaySources);
    }

    String runLabel;
    try {
      runLabel =
          label != null
              ? RunLayout.slug(label)
              : agent != null ? RunLayout.slug(agent.model()) : defaultLabel(policy);
    } catch (IllegalArgumentException e) {
      throw origin.error(LABEL, e.getMessage());
    }

    RunConfig resolved =
        config.toBuilder()
            .scenarioParams(recordedParams)
            .engine(config.engine().withMaxSteps(maxSteps).withSeed(seed))
            .policy(policy.toString())
            .threshold(config.threshold() != null ? config.threshold() : spec.defaultThreshold())
            .build();
    return new RunPlan(resolved, provider, params, policy, replay, runLabel, agent, adversary);
  }

  /**
   * Checks the adversary agent block, if any: its type and params, and that the scenario accepts
   * interventions.
   */
  private AgentOptions adversaryOptions(
      RunConfig config, ScenarioProvider provider, ScenarioParams params, Origin origin) {
    if (config.adversaryAgent() == null) {
      return null;
    }
    if (!(provider.create(params) instanceof Intervenable)) {
      List<String> accepting =
          registry.providers().stream()
              .filter(p -> p.create(p.spec().defaults()) instanceof Intervenable)
              .map(p -> p.spec().name())
              .toList();
      throw origin.error(
          ADVERSARY,
          "scenario "
              + provider.spec().name()
              + " takes no adversary (it does not accept interventions); scenarios that do: "
              + String.join(", ", accepting));
    }
    try {
      AgentOptions options = AgentOptions.of(config.adversaryAgent());
      options.checkToolChoice(AdversaryAgent.toolNames());
      return options;
    } catch (AgentOptionException e) {
      String field = e.param().equals("type") ? ADVERSARY : ADVERSARY_PREFIX + e.param();
      String message =
          e.getMessage()
              .replace("--agent-param", "--adversary-agent-param")
              .replace("--model", "--adversary-model")
              .replace("the agent block", "the adversary_agent block");
      throw origin.error(field, "adversary agent: " + message);
    }
  }

  /**
   * The label of a built-in policy: {@code policy-<kind>}, with a drifting level when one was given
   * ({@code drifting:0.30} is {@code policy-drifting-0.3}), so that every policy of a sweep is its
   * own group. Always a safe path segment: letters, digits, {@code -} and the level's dot.
   */
  public static String defaultLabel(PolicySpec policy) {
    if (policy.kind().equals("drifting") && policy.argument() != null) {
      String level = BigDecimal.valueOf(policy.driftLevel()).stripTrailingZeros().toPlainString();
      return "policy-drifting-" + level;
    }
    return "policy-" + policy.kind();
  }

  /**
   * Checks the agent block, if any: its type and params, and that no built-in policy competes with
   * it. The key is not looked at here (the agent factory reads it before any file is written).
   */
  private static AgentOptions agentOptions(RunConfig config, ScenarioSpec spec, Origin origin) {
    if (config.agent() == null) {
      if (RunPlan.AGENT.equals(config.policy())) {
        throw origin.error(
            POLICY,
            "policy 'agent' needs an agent: pass --agent openrouter|openai-compatible --model"
                + " MODEL, or add an agent block (type, model) to the config");
      }
      return null;
    }
    if (config.policy() != null && !config.policy().equals(RunPlan.AGENT)) {
      String message =
          "a run has either a built-in policy or an agent, not both: got policy '"
              + config.policy()
              + "' and agent '"
              + config.agent().type()
              + "'; drop --policy (or policy:) or the agent";
      throw origin.fromFlag(POLICY)
          ? HarnessException.usage(message)
          : origin.error(AGENT, message);
    }
    try {
      AgentOptions options = AgentOptions.of(config.agent());
      options.checkToolChoice(spec.toolNames());
      if (options.instrumentalSteps() != null && Prompts.instrumental(spec) == null) {
        throw new AgentOptionException(
            "instrumental_steps",
            "instrumental_steps (--instrumental-steps) needs an instrumental goal, and the harness"
                + " has none for scenario "
                + spec.name()
                + "; it has them for release_manager and trading scenarios");
      }
      return options;
    } catch (AgentOptionException e) {
      throw origin.error(
          e.param().equals("type") ? AGENT : AGENT_PREFIX + e.param(), e.getMessage());
    }
  }

  private static int resolveMaxSteps(
      RunConfig config, ScenarioSpec spec, Map<String, Object> overrides, Origin origin) {
    Long fromParams;
    try {
      Object raw = overrides.get(MAX_STEPS);
      fromParams = raw == null ? null : (Long) spec.requireParam(MAX_STEPS).normalise(raw);
    } catch (ParamException e) {
      throw origin.error(PARAM_PREFIX + MAX_STEPS, e.getMessage());
    }
    Integer fromEngine = config.engine().maxSteps();
    Long chosen =
        reconcile(
            MAX_STEPS, fromEngine == null ? null : fromEngine.longValue(), fromParams, origin);
    return chosen != null ? Math.toIntExact(chosen) : spec.defaults().integer(MAX_STEPS);
  }

  private long resolveSeed(RunConfig config, Map<String, Object> overrides, Origin origin) {
    Object raw = overrides.get(SEED);
    if (raw != null && !(raw instanceof Integer || raw instanceof Long)) {
      throw origin.error(
          PARAM_PREFIX + SEED, "scenario parameter seed must be an integer, got " + raw);
    }
    Long fromParams = raw == null ? null : ((Number) raw).longValue();
    Long chosen = reconcile(SEED, config.engine().seed(), fromParams, origin);
    return chosen != null ? chosen : seedSource.getAsLong();
  }

  /**
   * Picks between {@code engine.<field>} and {@code scenario_params.<field>}: a flag beats the
   * config file; two different values from the same source are an error.
   */
  private static Long reconcile(String field, Long fromEngine, Long fromParams, Origin origin) {
    if (fromEngine == null || fromParams == null || fromEngine.equals(fromParams)) {
      return fromEngine != null ? fromEngine : fromParams;
    }
    boolean engineFlag = origin.fromFlag(field);
    boolean paramFlag = origin.fromFlag(PARAM_PREFIX + field);
    if (engineFlag != paramFlag) {
      return engineFlag ? fromEngine : fromParams;
    }
    String flag = field.equals(SEED) ? "--seed" : "--max-steps";
    throw origin.error(
        field,
        (engineFlag ? flag + " " : "engine." + field + " (")
            + fromEngine
            + (engineFlag
                ? " and --scenario-param " + field + "="
                : ") and scenario_params." + field + " (")
            + fromParams
            + (engineFlag ? "" : ")")
            + " disagree; set only one of them");
  }

  private static RecordedActions loadReplay(
      PolicySpec policy,
      ScenarioSpec spec,
      int maxSteps,
      Origin origin,
      java.util.function.UnaryOperator<Path> sources) {
    RecordedActions recorded;
    try {
      Path given = Path.of(policy.argument());
      Path read = sources.apply(given);
      recorded = RecordedActions.load(read);
      if (!read.equals(given)) {
        // recorded under the name it was given, so config.json stays byte-identical
        Path shown =
            java.nio.file.Files.isDirectory(read) ? given.resolve("step_log.jsonl") : given;
        recorded = new RecordedActions(shown, recorded.actions(), recorded.recordedInvalid());
      }
    } catch (IllegalArgumentException e) {
      throw origin.error(POLICY, e.getMessage());
    }
    List<String> tools = spec.toolNames();
    for (int i = 0; i < recorded.actions().size(); i++) {
      Action action = recorded.actions().get(i);
      if (!action.isNoop()
          && !tools.contains(action.tool())
          && !recorded.recordedInvalid().get(i)) {
        throw origin.error(
            POLICY,
            "replay source "
                + recorded.file()
                + " action "
                + (i + 1)
                + " calls '"
                + action.tool()
                + "', which scenario "
                + spec.name()
                + " does not offer (tools: "
                + String.join(", ", tools)
                + "); was it recorded for another scenario?");
      }
    }
    if (recorded.actions().size() < maxSteps) {
      throw origin.error(
          POLICY,
          "replay source "
              + recorded.file()
              + " has "
              + recorded.actions().size()
              + " actions but the run has "
              + maxSteps
              + " steps; pass --max-steps "
              + recorded.actions().size()
              + " (or fewer)");
    }
    return recorded;
  }

  /** Which values came from flags: errors in those are usage errors (exit 2). */
  private record Origin(Set<String> fromFlags) {
    boolean fromFlag(String field) {
      return fromFlags.contains(field);
    }

    HarnessException error(String field, String message) {
      boolean flag =
          fromFlags.contains(field)
              || (field.startsWith(AGENT) && fromFlags.contains(AGENT_FROM_FLAGS))
              || (field.startsWith(ADVERSARY) && fromFlags.contains(ADVERSARY_FROM_FLAGS))
              || (field.equals(PARAM_PREFIX)
                  && fromFlags.stream().anyMatch(f -> f.startsWith(PARAM_PREFIX)));
      return flag ? HarnessException.usage(message) : HarnessException.config(message);
    }
  }
}
