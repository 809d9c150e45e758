package org.goaldriftgym.sweep;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.goaldriftgym.config.ParamText;
import org.goaldriftgym.core.HarnessException;
import org.goaldriftgym.core.RunConfig;
import org.goaldriftgym.run.RunPlanner;
import org.goaldriftgym.scenario.ParamException;
import org.goaldriftgym.scenario.ScenarioParams;
import org.goaldriftgym.scenario.ScenarioRegistry;
import org.goaldriftgym.scenario.ScenarioSpec;

/**
 * The cross product of a sweep, in a fixed order: configs, then policies, models, parameter values,
 * and seeds innermost (so any shard gets an even spread of seeds). Each item holds the config
 * exactly as {@code run} would build it from the same file and flags. Stateless.
 */
public final class SweepPlan {

  /** The default agent type when {@code --model} is given for a config without an agent block. */
  static final String DEFAULT_AGENT = "openrouter";

  private SweepPlan() {}

  /**
   * Builds the items.
   *
   * @param baseFlags values already set on every config by flags (for example {@code max_steps})
   * @throws HarnessException (usage) when a flag value does not fit a config's scenario
   */
  public static List<SweepItem> expand(
      List<RunConfig> configs, SweepAxes axes, Set<String> baseFlags, ScenarioRegistry registry) {
    List<SweepItem> items = new ArrayList<>();
    for (RunConfig base : configs) {
      List<Map<String, Object>> combos = paramCombos(base, axes, registry);
      for (String policy : orSingleNull(axes.policies())) {
        for (String model : orSingleNull(axes.models())) {
          for (Map<String, Object> combo : combos) {
            for (Long seed : orSingleNull(axes.seeds())) {
              Set<String> fromFlags = new HashSet<>(baseFlags);
              RunConfig.Builder builder = base.toBuilder();
              if (policy != null) {
                builder.policy(policy);
                fromFlags.add(RunPlanner.POLICY);
              }
              if (model != null) {
                builder.agent(withModel(base.agent(), model));
              }
              combo.forEach(
                  (name, value) -> {
                    builder.scenarioParam(name, value);
                    fromFlags.add(RunPlanner.PARAM_PREFIX + name);
                  });
              if (seed != null) {
                builder.engine(base.engine().withSeed(seed));
                fromFlags.add(RunPlanner.SEED);
              }
              if (axes.label() != null) {
                fromFlags.add(RunPlanner.LABEL);
              }
              items.add(new SweepItem(items.size(), builder.build(), axes.label(), fromFlags));
            }
          }
        }
      }
    }
    return items;
  }

  private static <T> List<T> orSingleNull(List<T> values) {
    List<T> single = new ArrayList<>();
    single.add(null);
    return values.isEmpty() ? single : values;
  }

  private static RunConfig.AgentSettings withModel(RunConfig.AgentSettings agent, String model) {
    Map<String, Object> params = new LinkedHashMap<>(agent == null ? Map.of() : agent.params());
    params.put("model", model);
    return new RunConfig.AgentSettings(agent == null ? DEFAULT_AGENT : agent.type(), params);
  }

  /** Every combination of the swept parameter values, typed against the config's scenario. */
  private static List<Map<String, Object>> paramCombos(
      RunConfig base, SweepAxes axes, ScenarioRegistry registry) {
    List<Map<String, Object>> combos = new ArrayList<>();
    combos.add(new LinkedHashMap<>());
    if (axes.params().isEmpty()) {
      return combos;
    }
    if (base.scenario() == null) {
      throw HarnessException.usage("--scenario-param needs configs that name a scenario");
    }
    ScenarioSpec spec;
    try {
      spec = registry.require(base.scenario()).spec();
    } catch (IllegalArgumentException e) {
      throw HarnessException.config(e.getMessage());
    }
    for (Map.Entry<String, List<String>> axis : axes.params().entrySet()) {
      List<Map<String, Object>> next = new ArrayList<>();
      List<Object> values = new ArrayList<>();
      for (String text : axis.getValue()) {
        try {
          values.add(ScenarioParams.plain(ParamText.parse(spec.requireParam(axis.getKey()), text)));
        } catch (ParamException e) {
          throw HarnessException.usage(e.getMessage());
        }
      }
      for (Map<String, Object> combo : combos) {
        for (Object value : values) {
          Map<String, Object> extended = new LinkedHashMap<>(combo);
          extended.put(axis.getKey(), value);
          next.add(extended);
        }
      }
      combos = next;
    }
    return combos;
  }
}
