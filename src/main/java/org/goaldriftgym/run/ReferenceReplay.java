package org.goaldriftgym.run;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.goaldriftgym.artifact.Json;
import org.goaldriftgym.artifact.ReferenceConfig;
import org.goaldriftgym.core.RunConfig;

/**
 * Re-simulation of a run written by the reference Python tool. Its files come from another JSON
 * writer, so bytes cannot be compared: the run is re-simulated from its {@code config.json} (its
 * {@code scenario_config} as the scenario's parameters, its seed, steps and threshold) with the
 * actions of its step log, and the numbers are compared to {@link #TOLERANCE}: every step's panels
 * before and after the action, alignment score and done flag, then the numbers of its {@code
 * metrics.json}. Stateless.
 */
public final class ReferenceReplay {

  /**
   * Two numbers agree when they differ by at most this much (relative to their size when it is
   * above 1).
   */
  public static final double TOLERANCE = 1e-9;

  private static final List<String> METRICS =
      List.of(
          "num_steps",
          "mean_alignment_score",
          "alignment_slope",
          "first_pass_below_threshold",
          "stickiness");

  private ReferenceReplay() {}

  /**
   * The config that re-simulates a reference run: its scenario and every resolved parameter, its
   * engine seed and steps, its threshold (the reference's "no threshold", null, is 0: no score is
   * below it), replaying its step log's actions.
   *
   * @throws IllegalArgumentException when {@code config.json} lacks what a re-run needs
   */
  public static RunConfig config(Path runDir) throws IOException {
    JsonNode config =
        ReferenceConfig.normalized(Json.MAPPER.readTree(runDir.resolve("config.json").toFile()));
    JsonNode runConfig = config.path("run_config");
    JsonNode scenarioConfig = config.path("scenario_config");
    if (!runConfig.path("scenario").isTextual() || !scenarioConfig.isObject()) {
      throw new IllegalArgumentException(
          runDir + "/config.json has no run_config.scenario and scenario_config");
    }
    JsonNode engine = runConfig.path("engine");
    @SuppressWarnings("unchecked")
    Map<String, Object> params = Json.MAPPER.convertValue(scenarioConfig, LinkedHashMap.class);
    JsonNode threshold = runConfig.path("metrics").path("alignment").path("threshold");
    Long seed = engine.path("seed").isIntegralNumber() ? engine.get("seed").asLong() : null;
    Integer maxSteps =
        engine.path("max_steps").isIntegralNumber() ? engine.get("max_steps").asInt() : null;
    return RunConfig.builder()
        .scenario(runConfig.get("scenario").asText())
        .scenarioParams(params)
        .engine(
            new RunConfig.EngineSettings(maxSteps, seed, engine.path("allow_noop").asBoolean(true)))
        .threshold(threshold.isNumber() ? threshold.asDouble() : 0.0)
        .policy("replay:" + runDir.resolve("step_log.jsonl"))
        .build();
  }

  /**
   * The first difference between a reference run and its re-simulation (a run directory of this
   * harness), naming the step and field, or empty when every number agrees.
   */
  public static Optional<String> firstDifference(Path reference, Path replayed) throws IOException {
    List<JsonNode> recorded = lines(reference.resolve("step_log.jsonl"));
    List<JsonNode> rerun = lines(replayed.resolve("step_log.jsonl"));
    for (int i = 0; i < Math.min(recorded.size(), rerun.size()); i++) {
      Optional<String> difference = stepDifference(recorded.get(i), rerun.get(i), i);
      if (difference.isPresent()) {
        return Optional.of("step_log.jsonl: " + difference.get());
      }
    }
    if (recorded.size() != rerun.size()) {
      return Optional.of(
          "step_log.jsonl: recorded " + recorded.size() + " steps, re-simulated " + rerun.size());
    }
    return metrics(reference, replayed, recorded).map(d -> "metrics.json: " + d);
  }

  /**
   * The first difference between one step of a reference run and the same step re-simulated (as
   * this harness's step log writes it), {@code step N: field: recorded X, re-simulated Y}: the step
   * index, the panels before the action, the alignment score, the done flag and the panels after,
   * the numbers to {@link #TOLERANCE}; or empty when they agree.
   *
   * @param index the line's index, named when the reference line has no step
   */
  public static Optional<String> stepDifference(JsonNode a, JsonNode b, int index) {
    String step = "step " + a.path("step").asText(Integer.toString(index)) + ": ";
    return compare("step", a.path("step"), b.path("step"))
        .or(() -> panels("observation.panels", a.at("/observation/panels"), b))
        .or(
            () ->
                compare(
                    "outcome.alignment_score",
                    a.at("/outcome/alignment_score"),
                    b.at("/outcome/alignment_score")))
        .or(() -> compare("outcome.done", a.at("/outcome/done"), b.at("/outcome/done")))
        .or(() -> panels("outcome.observation.panels", a.at("/outcome/observation/panels"), b))
        .map(difference -> step + difference);
  }

  private static Optional<String> panels(String path, JsonNode expected, JsonNode replayedLine) {
    JsonNode actual = replayedLine.at("/" + path.replace('.', '/'));
    if (!expected.isObject()) {
      return expected.isMissingNode()
          ? Optional.empty()
          : Optional.of(path + ": recorded " + expected + ", not an object");
    }
    for (Map.Entry<String, JsonNode> field : expected.properties()) {
      Optional<String> difference =
          compare(path + "." + field.getKey(), field.getValue(), actual.path(field.getKey()));
      if (difference.isPresent()) {
        return difference;
      }
    }
    return Optional.empty();
  }

  /**
   * The reference's metrics against the re-simulation's: the headline numbers have the same
   * definitions; the reference's {@code tool_usage} counts the chosen tools of its own step log,
   * leaving no-ops out.
   */
  private static Optional<String> metrics(Path reference, Path replayed, List<JsonNode> steps)
      throws IOException {
    JsonNode expected = Json.MAPPER.readTree(reference.resolve("metrics.json").toFile());
    JsonNode actual = Json.MAPPER.readTree(replayed.resolve("metrics.json").toFile());
    for (String key : METRICS) {
      JsonNode value = expected.path(key);
      if (value.isNull() && actual.path("num_steps").asInt() == 0) {
        continue; // the reference writes null means for a run without steps; the harness 0
      }
      Optional<String> difference = compare(key, value, actual.path(key));
      if (difference.isPresent()) {
        return difference;
      }
    }
    Map<String, Integer> usage = new LinkedHashMap<>();
    for (JsonNode step : steps) {
      JsonNode tool = step.at("/action/tool");
      if (tool.isTextual()) {
        usage.merge(tool.asText(), 1, Integer::sum);
      }
    }
    JsonNode recordedUsage = expected.path("tool_usage");
    JsonNode counted = Json.tree(usage);
    if (!recordedUsage.equals(counted)) {
      return Optional.of(
          "tool_usage: recorded " + recordedUsage + ", the step log's actions give " + counted);
    }
    return Optional.empty();
  }

  private static Optional<String> compare(String field, JsonNode expected, JsonNode actual) {
    if (expected.isNumber() && actual.isNumber()) {
      double a = expected.asDouble();
      double b = actual.asDouble();
      double scale = Math.max(1.0, Math.max(Math.abs(a), Math.abs(b)));
      if (Math.abs(a - b) <= TOLERANCE * scale) {
        return Optional.empty();
      }
    } else if (expected.isObject() && actual.isObject() && expected.size() == actual.size()) {
      // a panel group (multi_agent_trading's pressure_last_signal): member by member
      for (Map.Entry<String, JsonNode> member : expected.properties()) {
        Optional<String> difference =
            compare(field + "." + member.getKey(), member.getValue(), actual.path(member.getKey()));
        if (difference.isPresent()) {
          return difference;
        }
      }
      return Optional.empty();
    } else if (expected.equals(actual)) {
      return Optional.empty();
    }
    return Optional.of(field + ": recorded " + show(expected) + ", re-simulated " + show(actual));
  }

  private static String show(JsonNode node) {
    return node.isMissingNode() ? "(missing)" : node.toString();
  }

  private static List<JsonNode> lines(Path file) throws IOException {
    List<JsonNode> nodes = new ArrayList<>();
    for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
      if (!line.isBlank()) {
        nodes.add(Json.MAPPER.readTree(line));
      }
    }
    return nodes;
  }
}
