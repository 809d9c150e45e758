package org.goaldriftgym.sweep;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.goaldriftgym.artifact.Json;
import org.goaldriftgym.artifact.MetricsJson;

/**
 * Merges the manifests of the shards of one sweep ({@code sweep --shard i/n}, run on several
 * machines) into one list of entries in sweep order. A run directory that is not where the shard
 * recorded it (the shard's runs root was copied to the merging machine) is looked up under the runs
 * root the manifest now sits in ({@code <root>/sweeps/x.json}). Stateless.
 */
public final class ManifestMerge {

  private ManifestMerge() {}

  /**
   * The merged sweep.
   *
   * @param totalItems the sweep's size, as every shard recorded it
   * @param entries every item found, in sweep order
   * @param missing sweep indexes (from 0) that no manifest holds
   * @param states each manifest's state ({@code finished}, {@code interrupted}, ...)
   */
  public record Result(
      int totalItems,
      List<SweepEntry> entries,
      List<Integer> missing,
      List<String> states,
      List<String> commandLine) {

    public Result {
      entries = List.copyOf(entries);
      missing = List.copyOf(missing);
      states = List.copyOf(states);
      commandLine = List.copyOf(commandLine);
    }
  }

  /**
   * Reads and merges the manifests.
   *
   * @throws IllegalArgumentException naming the file when a manifest is not one, the shards are of
   *     different sweeps (different sizes) or two of them hold the same item
   * @throws IOException when a manifest cannot be read
   */
  public static Result merge(List<Path> manifests) throws IOException {
    Integer total = null;
    Map<Integer, SweepEntry> byIndex = new TreeMap<>();
    Map<Integer, Path> source = new TreeMap<>();
    List<String> states = new ArrayList<>();
    List<String> commandLine = new ArrayList<>();
    for (Path file : manifests) {
      JsonNode root;
      try {
        root = Json.MAPPER.readTree(Files.readAllBytes(file));
      } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
        throw new IllegalArgumentException(file + " is not JSON: " + e.getOriginalMessage());
      }
      if (root == null || !root.path("runs").isArray() || !root.path("total_items").isInt()) {
        throw new IllegalArgumentException(file + " is not a sweep.json manifest");
      }
      int items = root.get("total_items").asInt();
      if (total != null && total != items) {
        throw new IllegalArgumentException(
            file
                + " is a shard of a sweep of "
                + items
                + " items, the others of "
                + total
                + "; merge the shards of one sweep");
      }
      total = items;
      states.add(root.path("state").asText(SweepManifest.FINISHED));
      if (commandLine.isEmpty()) {
        root.path("command_line").forEach(arg -> commandLine.add(arg.asText()));
      }
      Path runsRoot = file.toAbsolutePath().normalize().getParent().getParent();
      for (JsonNode run : root.get("runs")) {
        SweepEntry entry = decode(run, runsRoot);
        Path earlier = source.putIfAbsent(entry.index(), file);
        if (earlier != null) {
          throw new IllegalArgumentException(
              "item "
                  + (entry.index() + 1)
                  + " is in both "
                  + earlier
                  + " and "
                  + file
                  + "; were they made with different --shard values of one sweep?");
        }
        byIndex.put(entry.index(), entry);
      }
    }
    List<Integer> missing = new ArrayList<>();
    for (int i = 0; total != null && i < total; i++) {
      if (!byIndex.containsKey(i)) {
        missing.add(i);
      }
    }
    return new Result(
        total == null ? 0 : total, new ArrayList<>(byIndex.values()), missing, states, commandLine);
  }

  private static SweepEntry decode(JsonNode run, Path runsRoot) {
    Path dir = null;
    if (run.path("run_dir").isTextual()) {
      dir = Path.of(run.get("run_dir").asText());
      int names = dir.getNameCount();
      if (!Files.isDirectory(dir) && runsRoot != null && names >= 3) {
        Path moved = runsRoot.resolve(dir.subpath(names - 3, names));
        if (Files.isDirectory(moved)) {
          dir = moved;
        }
      }
    }
    JsonNode metrics = run.path("metrics");
    return new SweepEntry(
        run.path("index").asInt(),
        run.path("scenario").asText(),
        run.path("label").asText(),
        run.path("seed").asLong(),
        run.path("policy").isTextual() ? run.get("policy").asText() : null,
        run.path("config_hash").asText(),
        run.path("status").asText(),
        dir,
        run.path("error").isTextual() ? run.get("error").asText() : null,
        metrics.isObject() ? MetricsJson.decode(metrics) : null,
        run.path("cost").isNumber() ? Double.valueOf(run.get("cost").asDouble()) : null);
  }
}
