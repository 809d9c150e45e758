package org.goaldriftgym.artifact;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The complete runs under a runs root, by config hash: what {@code sweep --resume} skips. A run
 * counts only when its {@code meta.json} says {@code complete}; failed, interrupted and
 * half-written runs are not in the index, so they are run again. The hash is recomputed from each
 * run's {@code config.json} (so a run recorded under an older hash definition is still found).
 * Immutable.
 */
public final class RunIndex {

  private final Map<String, Path> completeByHash;

  private RunIndex(Map<String, Path> completeByHash) {
    this.completeByHash = Collections.unmodifiableMap(completeByHash);
  }

  /**
   * Reads every {@code <root>/<scenario>/<label>/<run-id>/meta.json}; unreadable ones are skipped.
   */
  public static RunIndex scan(Path runsRoot) throws IOException {
    Map<String, Path> complete = new TreeMap<>();
    if (!Files.isDirectory(runsRoot)) {
      return new RunIndex(complete);
    }
    try (Stream<Path> metas = Files.find(runsRoot, 4, (path, attrs) -> isMeta(path, attrs))) {
      for (Path meta : (Iterable<Path>) metas.sorted()::iterator) {
        try {
          JsonNode node = Json.MAPPER.readTree(meta.toFile());
          if ("complete".equals(node.path("status").asText())) {
            // the hash of config.json as this version computes it, not meta.json's: runs recorded
            // before the hash took RFC 8785 numbers carry an older hash of the same config
            JsonNode config = Json.MAPPER.readTree(meta.resolveSibling("config.json").toFile());
            if (config.path("run_config").isObject() && config.path("scenario_config").isObject()) {
              complete.putIfAbsent(ConfigDocument.hashOf(config), meta.getParent());
            }
          }
        } catch (IOException unreadable) {
          // a run being written or a corrupt one: not complete, so it will be run again
        }
      }
    }
    return new RunIndex(complete);
  }

  private static boolean isMeta(Path path, java.nio.file.attribute.BasicFileAttributes attrs) {
    return attrs.isRegularFile() && path.getFileName().toString().equals("meta.json");
  }

  /** The directory of a complete run with this config hash, or {@code null}. */
  public Path complete(String configHash) {
    return completeByHash.get(configHash);
  }

  public int size() {
    return completeByHash.size();
  }
}
