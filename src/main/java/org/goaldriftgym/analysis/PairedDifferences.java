package org.goaldriftgym.analysis;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.goaldriftgym.artifact.Json;

/**
 * Paired differences of a sweep with a control ({@code sweep --control}), read from its {@code
 * sweep.json}: for each group of pairs and each metric, the differences treatment minus control
 * over the complete pairs, summarised by {@link Estimate} (mean, sd and a 95% Student t interval).
 * The pairs of one seed's epochs in a group ({@code --epochs}; the pair has an {@code epoch}) are
 * one sample: their differences are averaged first, so the estimate's {@code n} counts seeds. The
 * metrics come from the manifest's {@code runs[].metrics}; {@code gd_commission} and {@code
 * gd_omission} count only where both runs have a number. Groups keep the order of their first pair
 * (sweep order). Stateless.
 */
public final class PairedDifferences {

  /** The metrics differenced, in order. */
  public static final List<String> METRICS =
      List.of("mean_alignment_score", "gd_commission", "gd_omission");

  private static final Set<String> DONE = Set.of("complete", "skipped");

  private PairedDifferences() {}

  /** Whether the manifest records pairs. */
  public static boolean hasPairs(JsonNode manifest) {
    return manifest.path("pairs").isArray();
  }

  /**
   * The groups of one or more manifests with pairs (for example the shards of one sweep); pairs of
   * the same group in several manifests are pooled.
   *
   * @throws IllegalArgumentException when a manifest has no {@code pairs}
   */
  public static List<PairedGroup> of(List<JsonNode> manifests) {
    Map<Map<String, String>, List<JsonNode[]>> byGroup = new LinkedHashMap<>();
    for (JsonNode manifest : manifests) {
      if (!hasPairs(manifest)) {
        throw new IllegalArgumentException(
            "the manifest has no pairs: it was not written by sweep --control");
      }
      Map<Integer, JsonNode> runs = new HashMap<>();
      for (JsonNode run : manifest.path("runs")) {
        runs.put(run.path("index").asInt(), run);
      }
      for (JsonNode pair : manifest.get("pairs")) {
        Map<String, String> key = new LinkedHashMap<>();
        pair.path("group").properties().forEach(f -> key.put(f.getKey(), f.getValue().asText()));
        byGroup
            .computeIfAbsent(key, k -> new ArrayList<>())
            .add(
                new JsonNode[] {
                  metrics(runs.get(pair.path("treatment").asInt(-1))),
                  metrics(runs.get(pair.path("control").asInt(-1))),
                  pair
                });
      }
    }
    List<PairedGroup> groups = new ArrayList<>();
    byGroup.forEach((key, pairs) -> groups.add(group(key, pairs)));
    return groups;
  }

  /** The groups of one manifest with pairs; see {@link #of(List)}. */
  public static List<PairedGroup> of(JsonNode manifest) {
    return of(List.of(manifest));
  }

  /**
   * Each pair as {treatment metrics, control metrics, pair}, either metrics null when that run is
   * not done. The pairs of one seed's epochs (pairs with an {@code epoch}) are one sample: their
   * differences are averaged first, and the estimate is over seeds.
   */
  private static PairedGroup group(Map<String, String> key, List<JsonNode[]> pairs) {
    Map<String, Map<Object, List<Double>>> diffs = new LinkedHashMap<>();
    METRICS.forEach(metric -> diffs.put(metric, new LinkedHashMap<>()));
    int complete = 0;
    for (JsonNode[] pair : pairs) {
      JsonNode treatment = pair[0];
      JsonNode control = pair[1];
      if (treatment == null || control == null) {
        continue;
      }
      complete++;
      // the epochs of one seed are one sample; any other pair is a sample of its own
      Object seed = pair[2].has("epoch") ? pair[2].path("seed").asLong() : new Object();
      for (String metric : METRICS) {
        JsonNode t = treatment.path(metric);
        JsonNode c = control.path(metric);
        if (t.isNumber() && c.isNumber()) {
          diffs
              .get(metric)
              .computeIfAbsent(seed, s -> new ArrayList<>())
              .add(t.asDouble() - c.asDouble());
        }
      }
    }
    Map<String, Estimate> estimates = new LinkedHashMap<>();
    diffs.forEach(
        (metric, bySeed) ->
            estimates.put(
                metric,
                bySeed.isEmpty()
                    ? null
                    : Estimate.of(
                        bySeed.values().stream().mapToDouble(PairedDifferences::mean).toArray())));
    return new PairedGroup(key, pairs.size(), complete, estimates);
  }

  private static double mean(List<Double> values) {
    if (values.size() == 1) {
      return values.get(0);
    }
    double sum = 0;
    for (double value : values) {
      sum += value;
    }
    return sum / values.size();
  }

  /** The metrics of a run that completed, or {@code null}. */
  private static JsonNode metrics(JsonNode run) {
    if (run == null || !DONE.contains(run.path("status").asText())) {
      return null;
    }
    JsonNode metrics = run.path("metrics");
    return metrics.isObject() ? metrics : null;
  }

  /**
   * The groups as JSON: per group {@code group}, {@code pairs}, {@code complete_pairs} and per
   * metric {@code n, mean, sd, ci_low, ci_high} of the difference treatment minus control, or
   * {@code null}.
   */
  public static ArrayNode json(List<PairedGroup> groups) {
    ArrayNode array = Json.MAPPER.createArrayNode();
    for (PairedGroup g : groups) {
      ObjectNode node = array.addObject();
      ObjectNode key = node.putObject("group");
      g.key().forEach(key::put);
      node.put("pairs", g.pairs());
      node.put("complete_pairs", g.complete());
      for (String metric : METRICS) {
        Estimate e = g.difference(metric);
        if (e == null) {
          node.putNull(metric);
          continue;
        }
        ObjectNode estimate = node.putObject(metric);
        estimate.put("n", e.n());
        Table.put(estimate, "mean", e.mean());
        Table.put(estimate, "sd", e.sd());
        Table.put(estimate, "ci_low", e.ciLow());
        Table.put(estimate, "ci_high", e.ciHigh());
      }
    }
    return array;
  }

  /**
   * One row per group and metric that has differences: the group's key columns, then {@code metric,
   * pairs, n, mean_diff, sd, ci_low, ci_high}.
   */
  public static Table table(List<PairedGroup> groups) {
    Set<String> keys = new LinkedHashSet<>();
    groups.forEach(g -> keys.addAll(g.key().keySet()));
    List<String> columns = new ArrayList<>(keys);
    columns.addAll(List.of("metric", "pairs", "n", "mean_diff", "sd", "ci_low", "ci_high"));
    List<List<Object>> rows = new ArrayList<>();
    for (PairedGroup g : groups) {
      for (String metric : METRICS) {
        Estimate e = g.difference(metric);
        if (e == null) {
          continue;
        }
        List<Object> row = new ArrayList<>();
        keys.forEach(k -> row.add(g.key().get(k)));
        row.addAll(List.of(metric, g.pairs(), e.n()));
        row.add(e.mean());
        row.add(e.sd());
        row.add(e.ciLow());
        row.add(e.ciHigh());
        rows.add(row);
      }
    }
    return new Table(columns, rows);
  }
}
