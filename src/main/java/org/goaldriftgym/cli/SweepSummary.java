package org.goaldriftgym.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.goaldriftgym.artifact.Json;
import org.goaldriftgym.sweep.SweepEntry;

/** The per-label summary printed at the end of a sweep and stored in its manifest. */
final class SweepSummary {

  private SweepSummary() {}

  static JsonNode of(List<SweepEntry> entries) {
    Map<String, int[]> byLabel = new TreeMap<>();
    for (SweepEntry entry : entries) {
      int[] counts =
          byLabel.computeIfAbsent(entry.scenario() + "/" + entry.label(), k -> new int[2]);
      counts[entry.succeeded() ? 0 : 1]++;
    }
    ArrayNode groups = Json.MAPPER.createArrayNode();
    byLabel.forEach(
        (name, counts) -> {
          ObjectNode group = groups.addObject();
          group.put("group", name);
          group.put("complete", counts[0]);
          group.put("not_complete", counts[1]);
        });
    return groups;
  }
}
