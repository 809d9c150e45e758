package org.goaldriftgym.analysis;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The statistical units of a set of runs. The epochs of one (config, seed) ({@code --epochs}) are
 * repeated measures of one sample, not independent samples: they form one cluster, and every group
 * statistic counts clusters (seeds), not runs. A run without an epoch is a cluster of its own, so
 * without epochs every statistic is the per-run one. Stateless.
 */
public final class Clusters {

  private Clusters() {}

  /** The runs split into clusters, each in the given order, clusters in order of first member. */
  public static List<List<RunRecord>> of(List<RunRecord> runs) {
    Map<Object, List<RunRecord>> byKey = new LinkedHashMap<>();
    for (RunRecord run : runs) {
      String key = key(run);
      byKey.computeIfAbsent(key == null ? new Object() : key, k -> new ArrayList<>()).add(run);
    }
    return List.copyOf(byKey.values());
  }

  /** Whether some cluster has more than one run (some seed has several epochs). */
  public static boolean clustered(List<List<RunRecord>> clusters) {
    return clusters.stream().anyMatch(cluster -> cluster.size() > 1);
  }

  /** The most runs in one cluster (the epochs per seed), 0 without runs. */
  public static int largest(List<List<RunRecord>> clusters) {
    return clusters.stream().mapToInt(List::size).max().orElse(0);
  }

  /**
   * The cluster a run belongs to: its {@code config.json} without {@code engine.epoch} (so the same
   * config and seed), or {@code null} when it has no epoch (it is a cluster of its own).
   */
  static String key(RunRecord run) {
    // path(), not at(): this runs for every run of every statistic, and at() parses its pointer
    JsonNode engine = run.config() == null ? null : run.config().path("run_config").path("engine");
    if (engine == null || !engine.has("epoch")) {
      return null;
    }
    ObjectNode config = run.config().deepCopy();
    ((ObjectNode) config.at("/run_config/engine")).remove("epoch");
    return "config " + config.get("run_config") + " " + config.get("scenario_config");
  }
}
