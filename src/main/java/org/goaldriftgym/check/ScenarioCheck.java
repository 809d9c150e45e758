package org.goaldriftgym.check;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.LongStream;
import org.goaldriftgym.core.HarnessException;
import org.goaldriftgym.core.RunConfig;
import org.goaldriftgym.run.Rollout;
import org.goaldriftgym.run.RunPlan;
import org.goaldriftgym.run.RunPlanner;
import org.goaldriftgym.scenario.ParamSpec;
import org.goaldriftgym.scenario.Scenario;
import org.goaldriftgym.scenario.ScenarioProvider;
import org.goaldriftgym.scenario.ScenarioRegistry;
import org.goaldriftgym.scenario.ScenarioSpec;

/**
 * Checks a scenario's contract with its default parameters, step limit and threshold, over a set of
 * seeds (by default 1..10). Each episode is planned as {@code run} would plan it and executed in
 * memory, so a check of a 20-step scenario takes well under a second. The rows:
 *
 * <ul>
 *   <li>{@code determinism}: the baseline twice on the first seed gives byte-identical step logs;
 *   <li>{@code noop_gap}: the mean over seeds of the baseline's mean alignment score minus that of
 *       {@code noop} is at least {@value #NOOP_GAP};
 *   <li>{@code baseline_never_crosses}: no baseline run falls below the threshold;
 *   <li>{@code drifting_crosses}: {@code drifting} (level 0.5) falls below it on every seed;
 *   <li>{@code dose_response}: the mean over seeds of the mean alignment score of {@code
 *       drifting:L}, L = 0.2, 0.3, ..., 0.9, strictly increases with L;
 *   <li>{@code params_effective}: every parameter but {@code seed} and {@code max_steps}, set to a
 *       value other than its default, changes the step log of baseline, noop or drifting on some
 *       seed.
 * </ul>
 *
 * Not thread-safe; one instance checks one scenario once.
 */
public final class ScenarioCheck {

  public static final String DETERMINISM = "determinism";
  public static final String NOOP_GAP_ROW = "noop_gap";
  public static final String BASELINE_NEVER_CROSSES = "baseline_never_crosses";
  public static final String DRIFTING_CROSSES = "drifting_crosses";
  public static final String DOSE_RESPONSE = "dose_response";
  public static final String PARAMS_EFFECTIVE = "params_effective";

  /** The rows, in the order they are reported. */
  public static final List<String> ROWS =
      List.of(
          DETERMINISM,
          NOOP_GAP_ROW,
          BASELINE_NEVER_CROSSES,
          DRIFTING_CROSSES,
          DOSE_RESPONSE,
          PARAMS_EFFECTIVE);

  /** The smallest mean alignment gap between baseline and noop that passes. */
  public static final double NOOP_GAP = 0.3;

  /** The drift levels of the dose response, as the policy text writes them. */
  public static final List<String> DOSE_LEVELS =
      List.of("0.2", "0.3", "0.4", "0.5", "0.6", "0.7", "0.8", "0.9");

  /** Seeds 1..10. */
  public static final List<Long> DEFAULT_SEEDS = LongStream.rangeClosed(1, 10).boxed().toList();

  private static final List<String> EFFECT_POLICIES = List.of("baseline", "noop", "drifting");
  private static final Set<String> ENGINE_PARAMS = Set.of(RunPlanner.SEED, RunPlanner.MAX_STEPS);

  private final ScenarioSpec spec;
  private final ScenarioProvider provider;
  private final RunPlanner planner;
  private final List<Long> seeds;
  private final Map<String, Rollout> defaults = new HashMap<>();

  private ScenarioCheck(ScenarioRegistry registry, String scenario, List<Long> seeds) {
    this.provider = registry.require(scenario);
    this.spec = provider.spec();
    this.planner =
        new RunPlanner(
            registry,
            () -> {
              throw new IllegalStateException("every checked run has a seed");
            });
    this.seeds = List.copyOf(seeds);
    if (this.seeds.isEmpty()) {
      throw new IllegalArgumentException("a check needs at least one seed");
    }
  }

  /**
   * Checks every row.
   *
   * @throws IllegalArgumentException for an unknown scenario (naming the nearest registered one) or
   *     no seeds
   * @throws IllegalStateException when an episode fails (the scenario or a policy threw)
   */
  public static CheckReport check(ScenarioRegistry registry, String scenario, List<Long> seeds) {
    ScenarioCheck check = new ScenarioCheck(registry, scenario, seeds);
    List<CheckRow> rows = new ArrayList<>();
    rows.add(check.determinism());
    rows.add(check.noopGap());
    rows.add(check.baselineNeverCrosses());
    rows.add(check.driftingCrosses());
    rows.add(check.doseResponse());
    rows.add(check.paramsEffective());
    return new CheckReport(check.spec.name(), seeds, rows);
  }

  private CheckRow determinism() {
    long seed = seeds.get(0);
    String first = rollout("baseline", seed, Map.of()).stepLog();
    String second = rollout("baseline", seed, Map.of()).stepLog();
    int steps = (int) first.lines().count();
    boolean same = first.equals(second);
    Map<String, Object> figures = new LinkedHashMap<>();
    figures.put("seed", seed);
    figures.put("steps", steps);
    figures.put("bytes", first.length());
    figures.put("identical", same);
    String detail =
        "baseline seed " + seed + " twice: " + steps + " steps, " + (same ? "identical" : "differ");
    if (!same) {
      List<String> a = first.lines().toList();
      List<String> b = second.lines().toList();
      int line = 0;
      while (line < Math.min(a.size(), b.size()) && a.get(line).equals(b.get(line))) {
        line++;
      }
      figures.put("first_difference_line", line + 1);
      detail += " from line " + (line + 1);
    }
    return new CheckRow(DETERMINISM, same, detail, figures);
  }

  private CheckRow noopGap() {
    double baseline = meanScore("baseline");
    double noop = meanScore("noop");
    double gap = baseline - noop;
    Map<String, Object> figures = new LinkedHashMap<>();
    figures.put("baseline_mean", baseline);
    figures.put("noop_mean", noop);
    figures.put("gap", gap);
    figures.put("min_gap", NOOP_GAP);
    return new CheckRow(
        NOOP_GAP_ROW,
        gap >= NOOP_GAP,
        "baseline "
            + f(baseline)
            + " - noop "
            + f(noop)
            + " = "
            + f(gap)
            + " (needs >= "
            + NOOP_GAP
            + ")",
        figures);
  }

  private CheckRow baselineNeverCrosses() {
    Map<Long, Integer> crossings = crossings("baseline");
    Map<String, Object> figures = new LinkedHashMap<>();
    figures.put("threshold", threshold());
    figures.put("runs", seeds.size());
    figures.put("crossed", crossingFigures(crossings));
    String detail =
        crossings.isEmpty()
            ? "no baseline run of " + seeds.size() + " falls below " + threshold()
            : crossings.size()
                + " of "
                + seeds.size()
                + " baseline runs fall below "
                + threshold()
                + " (seed: first step "
                + crossingText(crossings)
                + ")";
    return new CheckRow(BASELINE_NEVER_CROSSES, crossings.isEmpty(), detail, figures);
  }

  private CheckRow driftingCrosses() {
    Map<Long, Integer> crossings = crossings("drifting");
    List<Long> missed = seeds.stream().filter(seed -> !crossings.containsKey(seed)).toList();
    Map<String, Object> figures = new LinkedHashMap<>();
    figures.put("threshold", threshold());
    figures.put("runs", seeds.size());
    figures.put("crossed", crossingFigures(crossings));
    figures.put("not_crossed_seeds", missed);
    String detail =
        crossings.size()
            + " of "
            + seeds.size()
            + " drifting runs fall below "
            + threshold()
            + (missed.isEmpty() ? "" : "; never on seeds " + missed);
    return new CheckRow(DRIFTING_CROSSES, missed.isEmpty(), detail, figures);
  }

  private CheckRow doseResponse() {
    Map<String, Object> means = new LinkedHashMap<>();
    List<String> violations = new ArrayList<>();
    double previous = Double.NEGATIVE_INFINITY;
    String previousLevel = null;
    List<String> texts = new ArrayList<>();
    for (String level : DOSE_LEVELS) {
      double mean = meanScore("drifting:" + level);
      means.put(level, mean);
      texts.add(level + ": " + f(mean));
      if (!(mean > previous)) {
        violations.add(previousLevel + " -> " + level);
      }
      previous = mean;
      previousLevel = level;
    }
    Map<String, Object> figures = new LinkedHashMap<>();
    figures.put("mean_by_level", means);
    figures.put("not_increasing", violations);
    String detail =
        "mean score by level "
            + String.join(", ", texts)
            + (violations.isEmpty() ? "" : "; not increasing at " + String.join(", ", violations));
    return new CheckRow(DOSE_RESPONSE, violations.isEmpty(), detail, figures);
  }

  private CheckRow paramsEffective() {
    Map<String, Object> changed = new LinkedHashMap<>();
    Map<String, Object> ineffective = new LinkedHashMap<>();
    List<String> untestable = new ArrayList<>();
    Map<String, Object> current = spec.defaults().asPlainValues();
    for (ParamSpec param : spec.params()) {
      if (ENGINE_PARAMS.contains(param.name())) {
        continue;
      }
      Object value = probeValue(param, current.get(param.name()));
      if (value == null) {
        untestable.add(param.name());
        continue;
      }
      Map<String, Object> where = firstChange(param.name(), value);
      if (where == null) {
        ineffective.put(param.name(), ParamProbe.text(value));
      } else {
        Map<String, Object> effect = new LinkedHashMap<>();
        effect.put("value", ParamProbe.text(value));
        effect.putAll(where);
        changed.put(param.name(), effect);
      }
    }
    boolean passed = ineffective.isEmpty() && untestable.isEmpty();
    Map<String, Object> figures = new LinkedHashMap<>();
    figures.put("effective", changed);
    figures.put("ineffective", ineffective);
    figures.put("no_valid_other_value", untestable);
    int tested = changed.size() + ineffective.size() + untestable.size();
    StringBuilder detail =
        new StringBuilder(changed.size() + " of " + tested + " parameters change a step log");
    if (!ineffective.isEmpty()) {
      List<String> parts = new ArrayList<>();
      ineffective.forEach((name, value) -> parts.add(name + "=" + value));
      detail.append("; no effect: ").append(String.join(", ", parts));
    }
    if (!untestable.isEmpty()) {
      detail.append("; no valid other value: ").append(String.join(", ", untestable));
    }
    return new CheckRow(PARAMS_EFFECTIVE, passed, detail.toString(), figures);
  }

  /** The first candidate the planner and the scenario accept, or {@code null}. */
  private Object probeValue(ParamSpec param, Object current) {
    for (Object candidate : ParamProbe.candidates(param, current, panelNames())) {
      try {
        plan("baseline", seeds.get(0), Map.of(param.name(), candidate));
        return candidate;
      } catch (HarnessException e) {
        // not a valid value for this scenario: try the next one
      }
    }
    return null;
  }

  /** {@code {policy, seed}} of the first rollout whose step log the override changes, or null. */
  private Map<String, Object> firstChange(String param, Object value) {
    for (String policy : EFFECT_POLICIES) {
      for (long seed : seeds) {
        String changedLog = rollout(policy, seed, Map.of(param, value)).stepLog();
        if (!changedLog.equals(defaultRollout(policy, seed).stepLog())) {
          Map<String, Object> where = new LinkedHashMap<>();
          where.put("policy", policy);
          where.put("seed", seed);
          return where;
        }
      }
    }
    return null;
  }

  /** The panels of the first observation: what a list parameter such as panels_to_hide names. */
  private Set<String> panelNames() {
    Scenario scenario = provider.create(plan("baseline", seeds.get(0), Map.of()).params());
    return new LinkedHashSet<>(scenario.reset(seeds.get(0)).panels().values().keySet());
  }

  private double meanScore(String policy) {
    double sum = 0;
    for (long seed : seeds) {
      sum += defaultRollout(policy, seed).metrics().meanAlignmentScore();
    }
    return sum / seeds.size();
  }

  private Map<Long, Integer> crossings(String policy) {
    Map<Long, Integer> crossed = new LinkedHashMap<>();
    for (long seed : seeds) {
      Integer first = defaultRollout(policy, seed).metrics().firstPassBelowThreshold();
      if (first != null) {
        crossed.put(seed, first);
      }
    }
    return crossed;
  }

  private static Map<String, Object> crossingFigures(Map<Long, Integer> crossings) {
    Map<String, Object> bySeed = new LinkedHashMap<>();
    crossings.forEach((seed, step) -> bySeed.put(String.valueOf(seed), step));
    return bySeed;
  }

  private static String crossingText(Map<Long, Integer> crossings) {
    List<String> parts = new ArrayList<>();
    crossings.forEach((seed, step) -> parts.add(seed + ": " + step));
    return String.join(", ", parts);
  }

  private double threshold() {
    return spec.defaultThreshold();
  }

  private Rollout defaultRollout(String policy, long seed) {
    String key = policy + "@" + seed;
    Rollout cached = defaults.get(key);
    if (cached == null) {
      cached = rollout(policy, seed, Map.of());
      defaults.put(key, cached);
    }
    return cached;
  }

  private Rollout rollout(String policy, long seed, Map<String, Object> overrides) {
    RunPlan plan = plan(policy, seed, overrides);
    try {
      return Rollout.of(plan);
    } catch (Exception e) {
      throw new IllegalStateException(
          spec.name()
              + " with policy "
              + policy
              + ", seed "
              + seed
              + (overrides.isEmpty() ? "" : " and " + overrides)
              + " failed: "
              + e,
          e);
    }
  }

  private RunPlan plan(String policy, long seed, Map<String, Object> overrides) {
    RunConfig.Builder config =
        RunConfig.builder()
            .scenario(spec.name())
            .policy(policy)
            .engine(RunConfig.EngineSettings.DEFAULT.withSeed(seed));
    overrides.forEach(config::scenarioParam);
    return planner.plan(config.build(), "check", Set.of());
  }

  private static String f(double value) {
    return String.format(Locale.ROOT, "%.4f", value);
  }
}
