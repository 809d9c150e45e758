package org.goaldriftgym.sweep;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.goaldriftgym.artifact.AtomicFiles;
import org.goaldriftgym.artifact.Json;
import org.goaldriftgym.artifact.MetricsJson;

/**
 * {@code sweep.json}: every item of a sweep (or of one shard) with its status and run directory,
 * the counts, and a summary, so {@code report} and {@code plot --summary} can take the manifest
 * instead of a directory. Written whole through a temporary file.
 */
public final class SweepManifest {

  /** Bump when a key is renamed or removed. */
  public static final int SCHEMA_VERSION = 1;

  private static final DateTimeFormatter NAME_TIME =
      DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss", Locale.ROOT).withZone(ZoneOffset.UTC);

  private SweepManifest() {}

  /** The default place: {@code <runs-root>/sweeps/sweep-<UTC time>[-shard-i-of-n].json}, free. */
  public static Path defaultPath(Path runsRoot, Instant startedAt, Shard shard) throws IOException {
    Path dir = runsRoot.resolve("sweeps");
    Files.createDirectories(dir);
    String base =
        "sweep-"
            + NAME_TIME.format(startedAt)
            + (shard.count() == 1 ? "" : "-shard-" + shard.index() + "-of-" + shard.count());
    for (int suffix = 1; ; suffix++) {
      Path candidate = dir.resolve(base + (suffix == 1 ? "" : "-" + suffix) + ".json");
      try {
        Files.createFile(candidate);
        return candidate;
      } catch (FileAlreadyExistsException taken) {
        // try the next suffix
      }
    }
  }

  /** The sweep is still running: the manifest is a snapshot, its journal has later runs. */
  public static final String RUNNING = "running";

  /** The sweep ran every item. */
  public static final String FINISHED = "finished";

  /** The sweep was stopped by a signal: in-flight runs interrupted, the rest not started. */
  public static final String INTERRUPTED = "interrupted";

  /** The sweep stopped starting runs because the file system refused to write. */
  public static final String STOPPED = "stopped";

  /** Builds the manifest document of a finished sweep. */
  public static ObjectNode encode(
      Instant startedAt,
      Instant finishedAt,
      List<String> commandLine,
      Shard shard,
      int totalItems,
      List<SweepEntry> entries,
      JsonNode summary) {
    return encode(
        FINISHED, startedAt, finishedAt, commandLine, shard, totalItems, entries, summary);
  }

  /**
   * Builds the manifest document.
   *
   * @param state {@link #RUNNING}, {@link #FINISHED}, {@link #INTERRUPTED} or {@link #STOPPED}
   * @param finishedAt when the sweep ended, or {@code null} while it runs
   */
  public static ObjectNode encode(
      String state,
      Instant startedAt,
      Instant finishedAt,
      List<String> commandLine,
      Shard shard,
      int totalItems,
      List<SweepEntry> entries,
      JsonNode summary) {
    ObjectNode root = Json.object();
    root.put("schema_version", SCHEMA_VERSION);
    root.put("state", state);
    root.put("created_at", startedAt.toString());
    root.put("finished_at", finishedAt == null ? null : finishedAt.toString());
    ArrayNode args = root.putArray("command_line");
    commandLine.forEach(args::add);
    root.put("shard", shard.toString());
    root.put("total_items", totalItems);
    root.put("items", entries.size());
    Map<String, Integer> counts = new TreeMap<>();
    entries.forEach(entry -> counts.merge(entry.status(), 1, Integer::sum));
    root.set("counts", Json.tree(counts));
    ArrayNode runs = root.putArray("runs");
    for (SweepEntry entry : entries) {
      runs.add(encodeEntry(entry));
    }
    root.set("summary", summary);
    return root;
  }

  /** One item as the manifest's {@code runs} array and the journal's lines hold it. */
  public static ObjectNode encodeEntry(SweepEntry entry) {
    ObjectNode run = Json.object();
    run.put("index", entry.index());
    run.put("scenario", entry.scenario());
    run.put("label", entry.label());
    run.put("seed", entry.seed());
    run.put("policy", entry.policy());
    run.put("config_hash", entry.configHash());
    run.put("status", entry.status());
    run.put(
        "run_dir",
        entry.runDir() == null ? null : entry.runDir().toAbsolutePath().normalize().toString());
    run.put("error", entry.error());
    run.set("metrics", entry.metrics() == null ? null : MetricsJson.encode(entry.metrics()));
    run.put("cost", entry.cost());
    return run;
  }

  public static void write(Path file, ObjectNode manifest) throws IOException {
    AtomicFiles.write(file, Json.pretty(manifest));
  }
}
