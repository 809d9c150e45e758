package org.goaldriftgym.agent;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;
import org.goaldriftgym.artifact.Json;
import org.goaldriftgym.artifact.JsonDiff;
import org.goaldriftgym.core.HarnessException;

/**
 * The record/replay cache: one readable JSON file per reply, {@code <dir>/<key>.json}, keyed by the
 * sha256 of the canonical JSON of what decides the reply (endpoint, the episode's seed, model,
 * messages, tools, tool_choice, temperature, max_tokens, seed, reasoning, provider), never the key,
 * headers or timeouts. In {@code replay} mode it is the only source of replies: a miss fails and
 * names the part of the request that differs from the closest recorded one. Thread-safe (entries
 * are written to a temporary name and renamed).
 */
public final class ReplyCache {

  /** The format version of a cache entry. */
  public static final int SCHEMA_VERSION = 1;

  /** How the cache is used. */
  public enum Mode {
    /** No cache. */
    OFF("off"),
    /** Serve recorded replies, record new ones. */
    READ_WRITE("read-write"),
    /** Serve recorded replies only; never touch the network; a miss fails. */
    REPLAY("replay");

    private final String wireName;

    Mode(String wireName) {
      this.wireName = wireName;
    }

    public String wireName() {
      return wireName;
    }

    /**
     * Parses a mode name.
     *
     * @throws IllegalArgumentException naming the valid modes
     */
    public static Mode parse(String name) {
      for (Mode mode : values()) {
        if (mode.wireName.equals(name.trim().toLowerCase(Locale.ROOT))) {
          return mode;
        }
      }
      throw new IllegalArgumentException(
          "unknown cache mode '" + name + "'; valid modes: off, read-write, replay");
    }
  }

  private static final List<String> FIELDS =
      List.of(
          "endpoint",
          "episode_seed",
          "epoch",
          "role",
          "model",
          "tools",
          "tool_choice",
          "temperature",
          "max_tokens",
          "seed",
          "reasoning",
          "provider",
          "messages");

  private final Path dir;
  private final Mode mode;

  private ReplyCache(Path dir, Mode mode) {
    this.dir = dir;
    this.mode = Objects.requireNonNull(mode, "mode");
  }

  /** No cache. */
  public static ReplyCache off() {
    return new ReplyCache(null, Mode.OFF);
  }

  /** A cache in {@code dir}; {@code dir} may be {@code null} only for {@link Mode#OFF}. */
  public static ReplyCache of(Path dir, Mode mode) {
    if (mode != Mode.OFF) {
      Objects.requireNonNull(dir, "dir");
    }
    return new ReplyCache(mode == Mode.OFF ? null : dir, mode);
  }

  public Mode mode() {
    return mode;
  }

  public Path dir() {
    return dir;
  }

  /**
   * What decides the reply: the endpoint, the episode (its seed: the same prompt in another episode
   * is another sample) and the request body.
   */
  static ObjectNode material(String baseUrl, Long episodeSeed, ObjectNode requestBody) {
    return material(baseUrl, episodeSeed, null, requestBody);
  }

  /**
   * As {@link #material(String, Long, ObjectNode)} for an agent in a role other than the
   * decision-maker ({@code adversary}): the role is part of the key, so the two agents of one run
   * never share an entry even for the same request.
   */
  static ObjectNode material(
      String baseUrl, Long episodeSeed, String role, ObjectNode requestBody) {
    return material(baseUrl, episodeSeed, null, role, requestBody);
  }

  /**
   * As {@link #material(String, Long, String, ObjectNode)} for one epoch of several repetitions of
   * the episode: the epoch is part of the key (absent when {@code null}, so keys recorded before
   * epochs existed still match).
   */
  static ObjectNode material(
      String baseUrl, Long episodeSeed, Integer epoch, String role, ObjectNode requestBody) {
    ObjectNode material = Json.object();
    material.put("endpoint", baseUrl);
    if (episodeSeed != null) {
      material.put("episode_seed", episodeSeed);
    }
    if (epoch != null) {
      material.put("epoch", epoch);
    }
    if (role != null) {
      material.put("role", role);
    }
    requestBody.fieldNames().forEachRemaining(name -> material.set(name, requestBody.get(name)));
    return material;
  }

  /** The entry key of a request. */
  static String key(ObjectNode material) {
    return Json.sha256(Json.canonical(material));
  }

  /** The recorded response body for this request, if any. */
  Optional<String> lookup(ObjectNode material) {
    if (mode == Mode.OFF) {
      return Optional.empty();
    }
    Path file = dir.resolve(key(material) + ".json");
    if (!Files.isRegularFile(file)) {
      return Optional.empty();
    }
    JsonNode entry = read(file);
    JsonNode response = entry == null ? null : entry.get("response");
    if (response == null || !response.isObject()) {
      throw new HarnessException(
          HarnessException.Kind.AGENT,
          "cache entry " + file + " is not a goal-drift-gym reply cache entry; delete it");
    }
    return Optional.of(Json.compact(response));
  }

  /** Records a usable reply (read-write mode only). */
  void store(ObjectNode material, String body) {
    if (mode != Mode.READ_WRITE) {
      return;
    }
    JsonNode response = WireJson.parse(body);
    if (response == null) {
      return; // only parsed replies reach here; nothing else is worth keeping
    }
    String key = key(material);
    ObjectNode entry = Json.object();
    entry.put("schema_version", SCHEMA_VERSION);
    entry.put("key", key);
    entry.set("request", material);
    entry.set("response", response);
    try {
      Files.createDirectories(dir);
      Path target = dir.resolve(key + ".json");
      Path temp = Files.createTempFile(dir, "." + key, ".tmp");
      Files.write(temp, Json.pretty(entry));
      try {
        Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
      }
    } catch (IOException e) {
      throw new HarnessException(
          HarnessException.Kind.RUN,
          "cannot write reply cache entry in " + dir + ": " + e.getMessage() + "; check --cache",
          e);
    }
  }

  /** The error for a replay miss, naming what differs from the closest recorded request. */
  HarnessException miss(ObjectNode built, int step) {
    // compare as read back from text, as the recorded entries are (an int and a long 7 are equal)
    JsonNode material = WireJson.parse(Json.compact(built));
    List<Path> files = entries();
    String head =
        "replay cache miss at step "
            + step
            + ": "
            + dir
            + " has no recorded reply for this request (key "
            + key(built)
            + ")";
    String tail =
        "; --cache-mode replay never touches the network: record the run first with"
            + " --cache-mode read-write";
    if (files.isEmpty()) {
      return new HarnessException(
          HarnessException.Kind.AGENT, head + "; the cache holds no entries" + tail);
    }
    Path best = null;
    long bestScore = -1;
    String bestDiff = null;
    for (Path file : files) {
      JsonNode entry = read(file);
      JsonNode request = entry == null ? null : entry.get("request");
      if (request == null || !request.isObject()) {
        continue;
      }
      long score = similarity(request, material);
      if (score > bestScore) {
        bestScore = score;
        best = file;
        bestDiff = firstDifference(request, material);
      }
    }
    if (best == null) {
      return new HarnessException(
          HarnessException.Kind.AGENT, head + "; no readable entries" + tail);
    }
    return new HarnessException(
        HarnessException.Kind.AGENT,
        head + "; closest recorded request " + best.getFileName() + ": " + bestDiff + tail);
  }

  private List<Path> entries() {
    if (dir == null || !Files.isDirectory(dir)) {
      return List.of();
    }
    try (Stream<Path> list = Files.list(dir)) {
      return list.filter(p -> p.getFileName().toString().endsWith(".json"))
          .filter(p -> !p.getFileName().toString().startsWith("."))
          .sorted()
          .toList();
    } catch (IOException e) {
      return List.of();
    }
  }

  private static JsonNode read(Path file) {
    try {
      return WireJson.parse(Files.readString(file, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new HarnessException(
          HarnessException.Kind.AGENT, "cannot read cache entry " + file + ": " + e.getMessage());
    }
  }

  /** Higher is closer: equal top-level fields first, then the length of the common history. */
  private static long similarity(JsonNode cached, JsonNode requested) {
    long score = 0;
    for (String field : FIELDS) {
      if (!field.equals("messages") && Objects.equals(cached.get(field), requested.get(field))) {
        score += 1_000_000;
      }
    }
    JsonNode a = cached.path("messages");
    JsonNode b = requested.path("messages");
    int common = 0;
    while (common < a.size() && common < b.size() && a.get(common).equals(b.get(common))) {
      common++;
    }
    score += common * 10L;
    if (a.size() == b.size()) {
      score += 5;
    }
    return score;
  }

  /** Where two requests first differ, in words. */
  static String firstDifference(JsonNode cached, JsonNode requested) {
    return JsonDiff.first(cached, requested)
        .map(ReplyCache::describe)
        .orElse("no difference found (the entry's key does not match its request; re-record it)");
  }

  private static String describe(JsonDiff.Difference difference) {
    if (difference.expected() == null) {
      return difference.path()
          + " is only in the requested request ("
          + shorten(difference.actual())
          + ")";
    }
    if (difference.actual() == null) {
      return difference.path()
          + " is only in the cached request ("
          + shorten(difference.expected())
          + ")";
    }
    return difference.path()
        + " differs: cached "
        + shorten(difference.expected())
        + ", requested "
        + shorten(difference.actual());
  }

  private static String shorten(JsonNode node) {
    String text = node.isTextual() ? node.asText() : Json.compact(node);
    text = text.replaceAll("\\s+", " ");
    return text.length() <= 80 ? text : text.substring(0, 80) + "…";
  }
}
