package org.goaldriftgym.analysis;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * One run as read back from its directory: identity, status, the metrics, every step, and the raw
 * {@code config.json}, {@code meta.json} and {@code metrics.json} trees for output that must keep
 * the files' own shape. Immutable (the JSON trees are private copies; do not modify them).
 *
 * <p>A run read with less than {@link RunLoader.Detail#STEPS} has no {@code steps}, {@code tools},
 * {@code meta} or {@code metricsJson} (empty or null), and with {@link RunLoader.Detail#METRICS} no
 * {@code stepScores} either: what tables, aggregates and group figures do not need is not read.
 *
 * @param dir the run directory, as found (relative when the input path was relative)
 * @param runId {@code meta.run_id}
 * @param scenario {@code meta.scenario}
 * @param label {@code meta.run_label}
 * @param seed the engine seed from {@code config.json}, or null
 * @param status {@code meta.status}: complete, running, failed, interrupted, budget_exceeded
 * @param error {@code meta.error}, or null
 * @param createdAt {@code meta.created_at}
 * @param configHash {@code meta.config_hash}
 * @param threshold the alignment threshold from {@code config.json}
 * @param maxSteps {@code run_config.engine.max_steps}
 * @param tools the scenario's tools as offered in the first observation
 * @param metrics the headline metrics ({@code metrics.json}, or recomputed for a running run)
 * @param steps every completed step, in order
 * @param config the {@code config.json} tree
 * @param meta the {@code meta.json} tree, or null when it was not read
 * @param metricsJson the {@code metrics.json} tree, or null when it was missing or not read
 * @param stepScores the alignment score of every completed step, in order (as {@code steps} has
 *     them)
 */
public record RunRecord(
    Path dir,
    String runId,
    String scenario,
    String label,
    Long seed,
    String status,
    String error,
    String createdAt,
    String configHash,
    double threshold,
    int maxSteps,
    List<String> tools,
    RunMetrics metrics,
    List<StepRow> steps,
    JsonNode config,
    JsonNode meta,
    JsonNode metricsJson,
    List<Double> stepScores) {

  /** The status of a run that finished normally. */
  public static final String COMPLETE = "complete";

  /** A run with every step read: {@code stepScores} are the steps' scores. */
  public RunRecord(
      Path dir,
      String runId,
      String scenario,
      String label,
      Long seed,
      String status,
      String error,
      String createdAt,
      String configHash,
      double threshold,
      int maxSteps,
      List<String> tools,
      RunMetrics metrics,
      List<StepRow> steps,
      JsonNode config,
      JsonNode meta,
      JsonNode metricsJson) {
    this(
        dir,
        runId,
        scenario,
        label,
        seed,
        status,
        error,
        createdAt,
        configHash,
        threshold,
        maxSteps,
        tools,
        metrics,
        steps,
        config,
        meta,
        metricsJson,
        steps.stream().map(StepRow::score).toList());
  }

  public RunRecord {
    Objects.requireNonNull(dir, "dir");
    Objects.requireNonNull(runId, "runId");
    Objects.requireNonNull(scenario, "scenario");
    Objects.requireNonNull(label, "label");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(metrics, "metrics");
    tools = List.copyOf(tools);
    steps = List.copyOf(steps);
    stepScores = List.copyOf(stepScores);
  }

  /** Whether the run finished normally ({@code status} is {@code complete}). */
  public boolean complete() {
    return COMPLETE.equals(status);
  }

  /** The resolved value of a scenario parameter ({@code config.json} {@code scenario_config}). */
  public Optional<JsonNode> scenarioParam(String name) {
    JsonNode params = config.path("scenario_config");
    return params.has(name) ? Optional.of(params.get(name)) : Optional.empty();
  }

  /** The scenario's parameter names in {@code config.json} order. */
  public List<String> scenarioParamNames() {
    List<String> names = new ArrayList<>();
    config.path("scenario_config").fieldNames().forEachRemaining(names::add);
    return names;
  }

  /** Names of the numeric (or boolean) panels seen in any step, in first-seen order. */
  public List<String> numericPanels() {
    Set<String> names = new LinkedHashSet<>();
    steps.forEach(step -> names.addAll(step.panels().keySet()));
    return List.copyOf(names);
  }

  /** The alignment score of every step, in order ({@link #stepScores()} as an array). */
  public double[] scores() {
    double[] scores = new double[stepScores.size()];
    for (int i = 0; i < scores.length; i++) {
      scores[i] = stepScores.get(i);
    }
    return scores;
  }
}
