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
 * half-written runs, and runs left {@code running} by a process that is gone, are not in the index,
 * so they are run again. Runs that a live process is writing are listed apart ({@link
 * #inProgress}). The hash is recomputed from each run's {@code config.json} (so a run recorded
 * under an older hash definition is still found). Immutable.
 */
public final class RunIndex {

  private final Map<String, Path> completeByHash;
  private final Map<String, Path> liveByHash;

  private RunIndex(Map<String, Path> completeByHash, Map<String, Path> liveByHash) {
    this.completeByHash = Collections.unmodifiableMap(completeByHash);
    this.liveByHash = Collections.unmodifiableMap(liveByHash);
  }

  /**
   * Reads every {@code <root>/<scenario>/<label>/<run-id>/meta.json}; unreadable ones are skipped.
   */
  public static RunIndex scan(Path runsRoot) throws IOException {
    Map<String, Path> complete = new TreeMap<>();
    Map<String, Path> live = new TreeMap<>();
    if (!Files.isDirectory(runsRoot)) {
      return new RunIndex(complete, live);
    }
    try (Stream<Path> metas =
        Files.find(
            runsRoot,
            4,
            (path, attrs) -> isMeta(path, attrs),
            java.nio.file.FileVisitOption.FOLLOW_LINKS)) {
      for (Path meta : (Iterable<Path>) metas.sorted()::iterator) {
        try {
          JsonNode node = Json.MAPPER.readTree(meta.toFile());
          String status = node.path("status").asText();
          RunOwner owner = RunOwner.fromJson(node.get("owner"));
          if ("running".equals(status) && owner != null && owner.alive()) {
            // another live process is running it right now: not to be started twice
            JsonNode config = Json.MAPPER.readTree(meta.resolveSibling("config.json").toFile());
            live.putIfAbsent(ConfigDocument.hashOf(config), meta.getParent());
          }
          if ("complete".equals(status)) {
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
    return new RunIndex(complete, live);
  }

  private static boolean isMeta(Path path, java.nio.file.attribute.BasicFileAttributes attrs) {
    return attrs.isRegularFile() && path.getFileName().toString().equals("meta.json");
  }

  /** The directory of a complete run with this config hash, or {@code null}. */
  public Path complete(String configHash) {
    return completeByHash.get(configHash);
  }

  /**
   * The directory of a run with this config hash that a live process (another sweep, or a run) is
   * writing now, or {@code null}. A {@code running} run whose owner is gone is not listed: it was
   * killed, and {@code --resume} runs it again.
   */
  public Path inProgress(String configHash) {
    return liveByHash.get(configHash);
  }

  public int size() {
    return completeByHash.size();
  }
}
