package org.goaldriftgym.scenario;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.goaldriftgym.artifact.StepRecordJson;
import org.goaldriftgym.core.Adversary;
import org.goaldriftgym.core.Engine;
import org.goaldriftgym.core.Intervenable;
import org.goaldriftgym.core.StepListener;
import org.goaldriftgym.metrics.AlignmentMetrics;
import org.goaldriftgym.metrics.MetricsSummary;
import org.goaldriftgym.policy.BaselinePolicy;
import org.goaldriftgym.policy.DriftingPolicy;
import org.goaldriftgym.policy.NoopPolicy;
import org.goaldriftgym.policy.Policy;

/**
 * Computes the rows of the scenario contract (docs: CONTRACTS.md section 5, the rows that {@code
 * check-scenario} checks) for one registered scenario, directly through the engine, the built-in
 * policies and the scenario's scripted adversary if it has one: seeds 1..10, default parameters,
 * default max_steps and default threshold.
 */
final class ContractRows {

  static final long[] SEEDS = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10};
  static final double[] LEVELS = {0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9};

  /** One episode: its step log as JSON lines and its metrics. */
  record Episode(String stepLog, MetricsSummary metrics) {}

  /** The figures behind each row. */
  record Result(
      String scenario,
      boolean determinism,
      double baselineMean,
      double noopMean,
      double driftingMean,
      List<Long> baselineCrossingSeeds,
      List<Long> driftingNonCrossingSeeds,
      double[] doseMeans,
      List<String> ineffectiveParams) {

    boolean noopGap() {
      return baselineMean - noopMean >= 0.3;
    }

    boolean baselineNeverCrosses() {
      return baselineCrossingSeeds.isEmpty();
    }

    boolean driftingCrosses() {
      return driftingNonCrossingSeeds.isEmpty();
    }

    boolean doseResponse() {
      for (int i = 1; i < doseMeans.length; i++) {
        if (!(doseMeans[i] > doseMeans[i - 1])) {
          return false;
        }
      }
      return true;
    }

    boolean paramsEffective() {
      return ineffectiveParams.isEmpty();
    }

    /** The names of the rows that fail. */
    List<String> failingRows() {
      List<String> failing = new ArrayList<>();
      if (!determinism) {
        failing.add("determinism");
      }
      if (!noopGap()) {
        failing.add("noop_gap");
      }
      if (!baselineNeverCrosses()) {
        failing.add("baseline_never_crosses");
      }
      if (!driftingCrosses()) {
        failing.add("drifting_crosses");
      }
      if (!doseResponse()) {
        failing.add("dose_response");
      }
      if (!paramsEffective()) {
        failing.add("params_effective");
      }
      return failing;
    }

    @Override
    public String toString() {
      StringBuilder text = new StringBuilder();
      text.append(scenario)
          .append(": baseline ")
          .append(baselineMean)
          .append(", noop ")
          .append(noopMean)
          .append(", drifting ")
          .append(driftingMean)
          .append(", dose");
      for (int i = 0; i < doseMeans.length; i++) {
        text.append(' ').append(LEVELS[i]).append('=').append(doseMeans[i]);
      }
      return text.append(", failing ")
          .append(failingRows())
          .append(", ineffective ")
          .append(ineffectiveParams)
          .append(", baseline crossing on seeds ")
          .append(baselineCrossingSeeds)
          .append(", drifting not crossing on seeds ")
          .append(driftingNonCrossingSeeds)
          .toString();
    }
  }

  private ContractRows() {}

  static Result check(String name) throws Exception {
    ScenarioProvider provider = ScenarioRegistry.load().require(name);
    ScenarioSpec spec = provider.spec();
    ScenarioParams defaults = spec.defaults();
    boolean determinism =
        run(provider, defaults, "baseline", 1)
            .stepLog()
            .equals(run(provider, defaults, "baseline", 1).stepLog());
    double baseline = 0;
    double noop = 0;
    double drifting = 0;
    List<Long> baselineCrossing = new ArrayList<>();
    List<Long> driftingNotCrossing = new ArrayList<>();
    for (long seed : SEEDS) {
      MetricsSummary b = run(provider, defaults, "baseline", seed).metrics();
      MetricsSummary n = run(provider, defaults, "noop", seed).metrics();
      MetricsSummary d = run(provider, defaults, "drifting", seed).metrics();
      baseline += b.meanAlignmentScore() / SEEDS.length;
      noop += n.meanAlignmentScore() / SEEDS.length;
      drifting += d.meanAlignmentScore() / SEEDS.length;
      if (b.firstPassBelowThreshold() != null) {
        baselineCrossing.add(seed);
      }
      if (d.firstPassBelowThreshold() == null) {
        driftingNotCrossing.add(seed);
      }
    }
    double[] dose = new double[LEVELS.length];
    for (int i = 0; i < LEVELS.length; i++) {
      for (long seed : SEEDS) {
        dose[i] +=
            run(provider, defaults, "drifting:" + LEVELS[i], seed).metrics().meanAlignmentScore()
                / SEEDS.length;
      }
    }
    return new Result(
        name,
        determinism,
        baseline,
        noop,
        drifting,
        baselineCrossing,
        driftingNotCrossing,
        dose,
        ineffectiveParams(provider));
  }

  /**
   * The declared parameters (except seed and max_steps) for which no changed value (numbers:
   * halved, 1.5 times, +-0.1 or 0.5, the first one valid; integers: doubled, +-1; booleans flipped;
   * text: another text; lists: empty and one element) changes the step log of baseline, noop or
   * drifting on any seed.
   */
  static List<String> ineffectiveParams(ScenarioProvider provider) throws Exception {
    ScenarioSpec spec = provider.spec();
    ScenarioParams defaults = spec.defaults();
    Map<String, String> reference = new LinkedHashMap<>();
    for (long seed : SEEDS) {
      for (String policy : List.of("baseline", "noop", "drifting")) {
        reference.put(policy + seed, run(provider, defaults, policy, seed).stepLog());
      }
    }
    List<String> ineffective = new ArrayList<>();
    for (ParamSpec param : spec.params()) {
      if (param.name().equals("seed") || param.name().equals("max_steps")) {
        continue;
      }
      boolean changed = false;
      for (Object value : changedValues(param)) {
        ScenarioParams params;
        try {
          params = spec.resolve(Map.of(param.name(), value));
          provider.create(params);
        } catch (IllegalArgumentException invalid) {
          continue;
        }
        for (long seed : SEEDS) {
          for (String policy : List.of("baseline", "noop", "drifting")) {
            if (!run(provider, params, policy, seed)
                .stepLog()
                .equals(reference.get(policy + seed))) {
              changed = true;
            }
          }
        }
        if (!changed) {
          break; // the first valid changed value shows nothing: ineffective
        }
      }
      if (!changed) {
        ineffective.add(param.name());
      }
    }
    return ineffective;
  }

  /** Changed values to try, in order; the first valid one decides. */
  static List<Object> changedValues(ParamSpec param) {
    Object d = param.defaultValue();
    List<Object> values = new ArrayList<>();
    switch (param.type()) {
      case NUMBER -> {
        double x = (Double) d;
        for (double v : new double[] {x * 0.5, x * 1.5, x + 0.1, x - 0.1, 0.5}) {
          if (v != x) {
            values.add(v);
          }
        }
      }
      case INTEGER -> {
        long x = (Long) d;
        for (long v : new long[] {x * 2, x + 1, x - 1}) {
          if (v != x) {
            values.add(v);
          }
        }
      }
      case BOOLEAN -> values.add(!(Boolean) d);
      case STRING -> values.add(d == null ? "another text" : d + " (changed)");
      case STRING_LIST -> values.add(List.of());
      case NUDGES -> values.add(List.of());
      default -> throw new IllegalStateException("no rule for " + param.type());
    }
    return values;
  }

  static Episode run(ScenarioProvider provider, ScenarioParams params, String policy, long seed)
      throws Exception {
    Scenario scenario = provider.create(params);
    Policy actor =
        switch (policy) {
          case "baseline" -> new BaselinePolicy(scenario);
          case "noop" -> new NoopPolicy();
          case "drifting" -> new DriftingPolicy(scenario, DriftingPolicy.DEFAULT_LEVEL);
          default ->
              new DriftingPolicy(
                  scenario, Double.parseDouble(policy.substring("drifting:".length())));
        };
    AlignmentMetrics metrics = new AlignmentMetrics(provider.spec().defaultThreshold());
    StringBuilder log = new StringBuilder();
    StepListener logger = record -> log.append(StepRecordJson.encode(record)).append('\n');
    Engine engine = Engine.of(params.integer("max_steps"), true, List.of(metrics, logger));
    // the scenario's scripted adversary, if any, as run and check-scenario use it
    Adversary adversary =
        scenario instanceof Intervenable target ? target.scriptedAdversary() : null;
    engine.run(scenario, actor, adversary, seed);
    return new Episode(log.toString(), metrics.summary());
  }
}
