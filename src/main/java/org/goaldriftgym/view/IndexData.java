package org.goaldriftgym.view;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.goaldriftgym.analysis.Aggregator;
import org.goaldriftgym.analysis.Estimate;
import org.goaldriftgym.analysis.GroupSummary;
import org.goaldriftgym.analysis.ReportJson;
import org.goaldriftgym.analysis.RunRecord;
import org.goaldriftgym.analysis.Skipped;
import org.goaldriftgym.artifact.Json;

/**
 * The data of the index page ({@code data/index.js}): one row per run (columns named once, rows as
 * arrays, so 10,000 runs stay a few megabytes), the group aggregates exactly as {@code report
 * --format json} gives them plus each group's drift curve and members, and the skipped inputs. Keys
 * are described in {@code docs/viewer.md}. Stateless.
 */
final class IndexData {

  /** The judgement metrics of {@code metrics.json}, shown when some run has them. */
  static final List<String> JUDGEMENT_KEYS = List.of("gd_commission", "gd_omission");

  static final List<String> COLUMNS =
      List.of(
          "id",
          "run_id",
          "scenario",
          "label",
          "policy",
          "model",
          "seed",
          "status",
          "steps",
          "mean",
          "first",
          "threshold",
          "slope",
          "agreement",
          "gd_commission",
          "gd_omission",
          "cost");

  private IndexData() {}

  static ObjectNode of(
      List<RunRecord> runs,
      List<String> ids,
      List<String> groupedBy,
      List<GroupSummary> groups,
      List<Skipped> skipped) {
    boolean judged = runs.stream().anyMatch(IndexData::judged);
    ObjectNode node = Json.object();
    node.put("format", 1);
    node.set("grouped_by", Json.tree(groupedBy));
    node.put("judged", judged);
    node.set("columns", Json.tree(COLUMNS));
    ArrayNode rows = node.putArray("runs");
    Map<RunRecord, Integer> index = new IdentityHashMap<>();
    for (int i = 0; i < runs.size(); i++) {
      RunRecord run = runs.get(i);
      index.put(run, i);
      rows.add(row(ids.get(i), run));
    }
    ArrayNode groupArray = ReportJson.groups(groups);
    for (int g = 0; g < groups.size(); g++) {
      GroupSummary summary = groups.get(g);
      ObjectNode group = (ObjectNode) groupArray.get(g);
      group.put("name", summary.name());
      ArrayNode curve = group.putArray("curve");
      for (Estimate e : Aggregator.byStep(summary.included())) {
        ArrayNode point = curve.addArray();
        point.add(e.n());
        number(point, e.mean());
        number(point, e.ciLow());
        number(point, e.ciHigh());
      }
      double[] thresholds =
          summary.included().stream().mapToDouble(RunRecord::threshold).distinct().toArray();
      if (thresholds.length == 1) {
        group.put("threshold", thresholds[0]);
      } else {
        group.putNull("threshold");
      }
      ArrayNode members = group.putArray("members");
      summary.group().runs().forEach(run -> members.add(index.get(run)));
    }
    node.set("groups", groupArray);
    ArrayNode skips = node.putArray("skipped");
    skipped.forEach(skip -> skips.add(skip.message()));
    return node;
  }

  private static ArrayNode row(String id, RunRecord run) {
    ArrayNode row = Json.MAPPER.createArrayNode();
    row.add(id);
    row.add(run.runId());
    row.add(run.scenario());
    row.add(run.label());
    row.add(RunData.policy(run));
    row.add(RunData.model(run));
    if (run.seed() == null) {
      row.addNull();
    } else {
      row.add(run.seed());
    }
    row.add(run.status());
    row.add(run.metrics().numSteps());
    row.add(run.metrics().meanAlignmentScore());
    if (run.metrics().firstPassBelowThreshold() == null) {
      row.addNull();
    } else {
      row.add(run.metrics().firstPassBelowThreshold());
    }
    row.add(run.threshold());
    row.add(run.metrics().alignmentSlope());
    if (run.metrics().optimalActionAgreement() == null) {
      row.addNull();
    } else {
      row.add(run.metrics().optimalActionAgreement());
    }
    for (String key : JUDGEMENT_KEYS) {
      row.add(metric(run, key));
    }
    row.add(run.metricsJson() == null ? null : run.metricsJson().path("agent_usage").get("cost"));
    return row;
  }

  private static boolean judged(RunRecord run) {
    return run.metricsJson() != null && JUDGEMENT_KEYS.stream().anyMatch(run.metricsJson()::has);
  }

  /** A number of {@code metrics.json}, or JSON null when it is absent or not a number. */
  private static JsonNode metric(RunRecord run, String key) {
    JsonNode value = run.metricsJson() == null ? null : run.metricsJson().get(key);
    return value != null && value.isNumber() ? value : Json.MAPPER.nullNode();
  }

  private static void number(ArrayNode array, double value) {
    if (Double.isNaN(value)) {
      array.addNull();
    } else {
      array.add(value);
    }
  }
}
