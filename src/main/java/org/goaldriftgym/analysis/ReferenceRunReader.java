package org.goaldriftgym.analysis;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.goaldriftgym.artifact.ReferenceConfig;
import org.goaldriftgym.artifact.RunFormat;

/**
 * Reads a run directory written by the reference Python tool ({@link RunFormat#REFERENCE}) into the
 * same {@link RunRecord} as the harness's runs, so that {@code report} and {@code plot} take both
 * in one tree. Every number comes from the reference's own files: its {@code metrics.json} as
 * written (its {@code tool_usage} counts the chosen tools and leaves no-ops out), its step log's
 * scores and panels. Stateless.
 *
 * <p>The adapter's rules: an early reference {@code config.json} (no {@code run_config}) is read
 * through {@link ReferenceConfig#normalized}, and a run of its early layout {@code
 * runs/<scenario>/<run-id>} is labelled {@code untagged}; the reference writes every file when the
 * run has finished and has no {@code status}, so a run with {@code metrics.json} is {@code
 * complete} (one without it is skipped); {@code "tool": null} is {@code noop}; steps have no
 * aligned action ({@code optimal_action}), so {@code optimal_action_agreement} is null; the applied
 * tool is {@code outcome.log.action} and the pressure {@code outcome.log.state.pressure}; a
 * complete reference run has no invalid actions (its scenarios raise on a tool they do not offer).
 */
final class ReferenceRunReader {

  private ReferenceRunReader() {}

  static RunRecord read(Path dir, JsonNode meta, JsonNode file) {
    JsonNode config = ReferenceConfig.normalized(file);
    if (!Files.isRegularFile(dir.resolve(RunLoader.METRICS))) {
      throw new InvalidRunException(
          dir,
          "is a run of the reference tool (meta.json has no status) without metrics.json: it did"
              + " not finish, so there is nothing to report");
    }
    JsonNode metricsJson = RunLoader.readJson(dir, RunLoader.METRICS);
    JsonNode runConfig = config.path("run_config");
    if (!runConfig.isObject() || !config.path("scenario_config").isObject()) {
      throw new InvalidRunException(
          dir, RunLoader.CONFIG + " has no run_config and scenario_config objects");
    }
    JsonNode thresholdNode = runConfig.path("metrics").path("alignment").path("threshold");
    // the reference's threshold may be null ("no threshold"): no score is below 0
    double threshold = thresholdNode.isNumber() ? thresholdNode.asDouble() : 0.0;
    JsonNode engine = runConfig.path("engine");
    JsonNode seedNode =
        engine.path("seed").isIntegralNumber()
            ? engine.get("seed")
            : config.path("scenario_config").path("seed");
    Long seed = seedNode.isIntegralNumber() ? Long.valueOf(seedNode.asLong()) : null;
    List<StepRow> steps = RunLoader.readSteps(dir, false, false, ReferenceRunReader::harnessShape);
    int maxSteps = engine.path("max_steps").asInt(steps.size());
    List<String> tools = new ArrayList<>();
    if (!steps.isEmpty()) {
      tools.addAll(RunLoader.firstObservationTools(dir));
    }
    String scenario =
        meta.path("scenario").isTextual()
            ? meta.get("scenario").asText()
            : RunLoader.text(runConfig, "scenario", dir, RunLoader.CONFIG);
    Path parent = dir.toAbsolutePath().normalize().getParent();
    String label =
        meta.path("run_label").isTextual()
            ? meta.get("run_label").asText()
            // the reference's early layout runs/<scenario>/<run-id> has no label
            : parent == null || parent.getFileName().toString().equals(scenario)
                ? "untagged"
                : parent.getFileName().toString();
    return new RunRecord(
        dir,
        meta.path("run_id").isTextual()
            ? meta.get("run_id").asText()
            : dir.toAbsolutePath().normalize().getFileName().toString(),
        scenario,
        label,
        seed,
        RunRecord.COMPLETE,
        null,
        meta.path("created_at").isTextual() ? meta.get("created_at").asText() : null,
        meta.path("config_hash").isTextual() ? meta.get("config_hash").asText() : null,
        threshold,
        maxSteps,
        tools,
        metrics(dir, metricsJson),
        steps,
        config,
        meta,
        metricsJson);
  }

  /** The reference's metrics: no agreement (no aligned actions), no invalid actions. */
  private static RunMetrics metrics(Path dir, JsonNode node) {
    int numSteps = (int) required(node, "num_steps", dir);
    Map<String, Integer> usage = new LinkedHashMap<>();
    node.path("tool_usage").properties().forEach(f -> usage.put(f.getKey(), f.getValue().asInt()));
    JsonNode first = node.path("first_pass_below_threshold");
    return new RunMetrics(
        numSteps,
        // the reference writes null for a run without steps; the harness's definition is 0
        numSteps == 0 ? 0.0 : required(node, "mean_alignment_score", dir),
        numSteps == 0 ? 0.0 : required(node, "alignment_slope", dir),
        first.isIntegralNumber() ? Integer.valueOf(first.asInt()) : null,
        required(node, "stickiness", dir),
        null,
        0,
        usage,
        false,
        null,
        null);
  }

  private static double required(JsonNode node, String key, Path dir) {
    JsonNode value = node.get(key);
    if (value == null || !value.isNumber()) {
      throw new InvalidRunException(dir, RunLoader.METRICS + " has no number at '" + key + "'");
    }
    return value.asDouble();
  }

  /**
   * A reference step-log line in the harness's shape: {@code outcome.log.applied_tool} from its
   * {@code action}, {@code outcome.log.pressure} from its {@code state.pressure}.
   */
  private static JsonNode harnessShape(JsonNode line) {
    JsonNode log = line.path("outcome").path("log");
    if (!(log instanceof ObjectNode source)) {
      return line;
    }
    JsonNode copy = line.deepCopy();
    ObjectNode adapted = (ObjectNode) copy.path("outcome").path("log");
    if (source.path("action").isTextual()) {
      adapted.set("applied_tool", source.get("action"));
    }
    JsonNode pressure = source.path("state").path("pressure");
    if (pressure.isNumber()) {
      adapted.set("pressure", pressure);
    }
    return copy;
  }
}
