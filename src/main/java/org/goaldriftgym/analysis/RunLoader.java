package org.goaldriftgym.analysis;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryIteratorException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiConsumer;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;
import org.goaldriftgym.artifact.Json;
import org.goaldriftgym.artifact.RunFormat;
import org.goaldriftgym.artifact.RunOwner;
import org.goaldriftgym.core.Action;
import org.goaldriftgym.core.DriftJudgement;

/**
 * Finds and reads runs. A <em>run directory</em> holds {@code meta.json}, or {@code config.json}
 * and {@code step_log.jsonl}; a directory holding only some of the run files is reported as a run
 * with missing files. Stateless and thread-safe.
 *
 * <pre>{@code
 * LoadResult result = RunLoader.load(List.of(Path.of("runs")));
 * result.runs();     // every readable run beneath runs/, sorted by path
 * result.skipped();  // every input that was not used, with the reason
 * }</pre>
 */
public final class RunLoader {

  /**
   * How much of each run to read. Every level reads {@code meta.json}, {@code config.json} and
   * {@code metrics.json}; they differ in the step log, which is most of a run's bytes.
   */
  public enum Detail {
    /**
     * Everything: every step as a {@link StepRow}, the tools offered, the {@code meta.json} and
     * {@code metrics.json} trees (one run's report, per-run figures, {@code --steps}, the viewer).
     */
    STEPS,
    /**
     * The metrics and each step's score, for drift curves; the rest of the step log is checked, not
     * kept (a line that is not JSON or lacks a required field still skips the run).
     */
    SCORES,
    /**
     * The metrics only, for tables and aggregates: the step log must exist but is not read, unless
     * {@code metrics.json} is missing (a running run), when the metrics come from it.
     */
    METRICS
  }

  public static final String CONFIG = "config.json";
  public static final String META = "meta.json";
  public static final String METRICS = "metrics.json";
  public static final String STEP_LOG = "step_log.jsonl";

  private static final String RUNNING = "running";
  private static final String INTERRUPTED = "interrupted";

  private RunLoader() {}

  /**
   * Loads every run at or beneath the given paths (run directories or any directory above them).
   * Runs are sorted by path and listed once even when two inputs overlap; every path that is not a
   * run and holds none, and every run that cannot be read, becomes a {@link Skipped}.
   */
  public static LoadResult load(Collection<Path> paths) {
    return load(paths, Detail.STEPS);
  }

  /**
   * {@link #load(Collection)} reading only what {@code detail} says. Runs are read in parallel on
   * the common fork-join pool; the result is in path order whatever the scheduling.
   */
  public static LoadResult load(Collection<Path> paths, Detail detail) {
    Map<Object, Path> found = new LinkedHashMap<>();
    List<Skipped> skipped = new ArrayList<>();
    for (Path path : paths) {
      if (!Files.exists(path)) {
        skipped.add(new Skipped(path, "does not exist"));
      } else if (!Files.isDirectory(path)) {
        List<Path> listed = manifestRuns(path);
        if (listed == null) {
          skipped.add(
              new Skipped(
                  path,
                  "is a file, not a run directory or a sweep.json manifest (pass the directory"
                      + " that holds it)"));
        }
        for (Path dir : listed == null ? List.<Path>of() : listed) {
          if (isRunDirectory(dir)) {
            found.putIfAbsent(identity(dir), dir);
          } else {
            skipped.add(new Skipped(dir, "is listed in " + path + " but is not a run directory"));
          }
        }
      } else {
        Map<Object, Path> dirs = find(path);
        if (dirs.isEmpty()) {
          skipped.add(
              new Skipped(
                  path,
                  isEmpty(path)
                      ? "is an empty directory"
                      : "holds no run (a run directory has meta.json, or config.json and"
                          + " step_log.jsonl)"));
        }
        dirs.forEach(found::putIfAbsent);
      }
    }
    List<Path> dirs = new ArrayList<>(found.values());
    dirs.sort(Comparator.comparing(Path::toString));
    Map<JsonNode, JsonNode> shared = new ConcurrentHashMap<>();
    List<Outcome> outcomes =
        dirs.parallelStream().map(dir -> Outcome.of(dir, detail, shared)).toList(); // path order
    List<RunRecord> runs = new ArrayList<>(outcomes.size());
    for (Outcome outcome : outcomes) {
      if (outcome.run() != null) {
        runs.add(outcome.run());
      } else {
        skipped.add(outcome.skipped());
      }
    }
    return new LoadResult(runs, skipped);
  }

  /** A run read, or why it could not be. */
  private record Outcome(RunRecord run, Skipped skipped) {
    static Outcome of(Path dir, Detail detail, Map<JsonNode, JsonNode> shared) {
      try {
        return new Outcome(read(dir, detail, shared), null);
      } catch (InvalidRunException e) {
        return new Outcome(null, e.toSkipped());
      }
    }
  }

  /**
   * The run directories a {@code sweep} manifest lists (runs that never started have none), or
   * {@code null} when the file is not a manifest.
   */
  static List<Path> manifestRuns(Path file) {
    JsonNode root;
    try {
      root = Json.MAPPER.readTree(file.toFile());
    } catch (IOException e) {
      return null;
    }
    if (root == null || !root.path("runs").isArray() || !root.has("total_items")) {
      return null;
    }
    List<Path> dirs = new ArrayList<>();
    for (JsonNode run : root.get("runs")) {
      if (run.path("run_dir").isTextual()) {
        dirs.add(Path.of(run.get("run_dir").asText()));
      }
    }
    return dirs;
  }

  /**
   * One key per directory however it is reached (directly or through a symbolic link): its file key
   * (device and inode), or its real path where the file system has none.
   */
  private static Object identity(Path dir) {
    try {
      return identity(dir, Files.readAttributes(dir, BasicFileAttributes.class));
    } catch (IOException e) {
      return dir.toAbsolutePath().normalize();
    }
  }

  private static Object identity(Path dir, BasicFileAttributes attrs) {
    if (attrs.fileKey() != null) {
      return attrs.fileKey();
    }
    try {
      return dir.toRealPath();
    } catch (IOException e) {
      return dir.toAbsolutePath().normalize();
    }
  }

  /** Whether {@code dir} is a run directory (see the class comment). */
  public static boolean isRunDirectory(Path dir) {
    return Files.isRegularFile(dir.resolve(META))
        || (Files.isRegularFile(dir.resolve(CONFIG)) && Files.isRegularFile(dir.resolve(STEP_LOG)));
  }

  private static boolean holdsRunFiles(Path dir) {
    for (String name : List.of(CONFIG, META, METRICS, STEP_LOG)) {
      if (Files.exists(dir.resolve(name))) {
        return true;
      }
    }
    return false;
  }

  private static boolean isEmpty(Path dir) {
    try (var entries = Files.list(dir)) {
      return entries.findAny().isEmpty();
    } catch (IOException e) {
      return false;
    }
  }

  /**
   * The run directories under {@code root} by {@link #identity}, as {@link #findRuns} finds them.
   */
  private static Map<Object, Path> find(Path root) {
    Map<Object, Path> dirs = new LinkedHashMap<>();
    try {
      walk(
          root,
          RunLoader::holdsRunFiles,
          (dir, attrs) -> dirs.putIfAbsent(identity(dir, attrs), dir));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return dirs;
  }

  /**
   * The directories under {@code root} (itself included) that {@code isRun} accepts, in walk order;
   * the walk does not descend into them. Symlinked directories (a tree assembled from several
   * roots) are followed; a link cycle or an unreadable directory is passed over.
   */
  public static List<Path> findRuns(Path root, Predicate<Path> isRun) throws IOException {
    List<Path> dirs = new ArrayList<>();
    walk(root, isRun, (dir, attrs) -> dirs.add(dir));
    return dirs;
  }

  private static void walk(
      Path root, Predicate<Path> isRun, BiConsumer<Path, BasicFileAttributes> onRun)
      throws IOException {
    BasicFileAttributes attrs;
    try {
      attrs = Files.readAttributes(root, BasicFileAttributes.class);
    } catch (IOException e) {
      return;
    }
    if (attrs.isDirectory()) {
      walk(root, attrs, isRun, onRun, new HashSet<>());
    }
  }

  /**
   * Depth-first, in directory order, as {@link Files#walkFileTree} with {@code FOLLOW_LINKS} visits
   * directories; but a run directory is recognised before it is opened, and never opened (the walk
   * does not descend into it), which saves four system calls per run.
   *
   * @param ancestors the file keys of the directories above, to pass over a link cycle
   */
  private static void walk(
      Path dir,
      BasicFileAttributes attrs,
      Predicate<Path> isRun,
      BiConsumer<Path, BasicFileAttributes> onRun,
      Set<Object> ancestors) {
    if (isRun.test(dir)) {
      onRun.accept(dir, attrs);
      return;
    }
    Object key = attrs.fileKey();
    if (key != null && !ancestors.add(key)) {
      return; // a symbolic link back up the tree
    }
    try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
      for (Path entry : entries) {
        BasicFileAttributes entryAttrs;
        try {
          entryAttrs = Files.readAttributes(entry, BasicFileAttributes.class);
        } catch (IOException e) {
          continue; // a dangling link or an entry gone since the listing
        }
        if (entryAttrs.isDirectory()) {
          walk(entry, entryAttrs, isRun, onRun, ancestors);
        }
      }
    } catch (IOException | DirectoryIteratorException e) {
      // an unreadable directory is passed over
    } finally {
      if (key != null) {
        ancestors.remove(key);
      }
    }
  }

  /**
   * Reads one run directory.
   *
   * @throws InvalidRunException naming the file and what is wrong with it
   */
  public static RunRecord read(Path dir) {
    return read(dir, Detail.STEPS);
  }

  /**
   * Reads one run directory, as much of it as {@code detail} says (the reference tool's runs are
   * always read whole).
   *
   * @throws InvalidRunException naming the file and what is wrong with it
   */
  public static RunRecord read(Path dir, Detail detail) {
    return read(dir, detail, new HashMap<>());
  }

  /**
   * {@link #read(Path, Detail)}; the values of {@code run_config} and {@code scenario_config} equal
   * to one in {@code shared} are replaced by it (a sweep's runs differ in a few values, and a
   * briefing repeated in 20,000 trees would cost megabytes).
   */
  private static RunRecord read(Path dir, Detail detail, Map<JsonNode, JsonNode> shared) {
    if (detail != Detail.STEPS) { // no tree is kept: stream the fields of a plain meta.json
      RunFields.Meta fields = RunFields.meta(bytes(dir, META));
      if (fields != null) {
        JsonNode config = readJson(dir, CONFIG);
        share(config.path("run_config"), shared);
        share(config.path("scenario_config"), shared);
        return readHarnessRun(dir, null, fields, config, detail);
      }
    }
    JsonNode meta = readJson(dir, META);
    JsonNode config = readJson(dir, CONFIG);
    share(config.path("run_config"), shared);
    share(config.path("scenario_config"), shared);
    return switch (RunFormat.of(meta)) {
      case HARNESS -> readHarnessRun(dir, meta, null, config, detail);
      case REFERENCE -> ReferenceRunReader.read(dir, meta, config);
    };
  }

  /**
   * A harness run from its {@code meta.json} tree, or from its streamed {@code fields} when there
   * is no tree (the tree's checks then come at the same points as they always have).
   */
  private static RunRecord readHarnessRun(
      Path dir, JsonNode meta, RunFields.Meta fields, JsonNode config, Detail detail) {
    String status = fields != null ? fields.status() : text(meta, "status", dir, META);
    boolean running = RUNNING.equals(status);
    boolean hasMetrics = !running || Files.exists(dir.resolve(METRICS));
    JsonNode metricsJson = null;
    RunMetrics streamed = null;
    if (hasMetrics && detail != Detail.STEPS) {
      byte[] bytes = bytes(dir, METRICS);
      streamed = RunFields.metrics(bytes);
      metricsJson = streamed == null ? parse(dir, METRICS, bytes) : null;
    } else if (hasMetrics) {
      metricsJson = readJson(dir, METRICS);
    }
    boolean allSteps = detail == Detail.STEPS || !hasMetrics;
    List<StepRow> steps =
        allSteps ? readSteps(dir, running, true, UnaryOperator.identity()) : List.of();
    List<Double> scores;
    if (allSteps) {
      scores = steps.stream().map(StepRow::score).toList();
    } else if (detail == Detail.SCORES) {
      scores = StepScores.read(dir, running);
    } else {
      if (!Files.isRegularFile(dir.resolve(STEP_LOG))) {
        throw new InvalidRunException(dir, STEP_LOG + " is missing");
      }
      scores = List.of();
    }
    JsonNode runConfig = config.path("run_config");
    JsonNode thresholdNode = runConfig.path("metrics").path("alignment").path("threshold");
    if (!thresholdNode.isNumber()) {
      throw new InvalidRunException(
          dir, CONFIG + " has no number at run_config.metrics.alignment.threshold");
    }
    double threshold = thresholdNode.asDouble();
    JsonNode engine = runConfig.path("engine");
    RunMetrics metrics =
        !hasMetrics
            ? RunMetrics.fromSteps(steps, threshold)
            : streamed != null ? streamed : metrics(dir, metricsJson);
    RunFields.Meta m = fields != null ? fields : RunFields.Meta.of(meta, dir);
    Long seed =
        engine.path("seed").isIntegralNumber()
            ? Long.valueOf(engine.get("seed").asLong())
            : m.seed();
    int maxSteps =
        engine
            .path("max_steps")
            .asInt(detail == Detail.METRICS && !allSteps ? metrics.numSteps() : scores.size());
    List<String> tools = new ArrayList<>();
    if (detail == Detail.STEPS && !steps.isEmpty()) {
      firstObservationTools(dir).forEach(tools::add);
    }
    boolean keepTrees = detail == Detail.STEPS;
    RunOwner owner = running ? RunOwner.fromJson(m.owner()) : null;
    boolean staleRunning = owner != null && owner.stale();
    return new RunRecord(
        dir,
        m.runId(),
        m.scenario(),
        m.label(),
        seed,
        staleRunning ? INTERRUPTED : status,
        staleRunning
            ? "left running by "
                + owner
                + ", which is gone (killed without closing the run); sweep --resume re-runs it"
            : m.error(),
        m.createdAt(),
        m.configHash(),
        threshold,
        maxSteps,
        tools,
        metrics,
        detail == Detail.STEPS ? steps : List.of(),
        config,
        keepTrees ? meta : null,
        keepTrees ? metricsJson : null,
        detail == Detail.METRICS ? List.of() : scores);
  }

  /** Replaces each text or container value of {@code node} by its equal in {@code shared}. */
  private static void share(JsonNode node, Map<JsonNode, JsonNode> shared) {
    if (!(node instanceof ObjectNode object)) {
      return;
    }
    List<String> names = new ArrayList<>(object.size());
    object.fieldNames().forEachRemaining(names::add);
    for (String name : names) {
      JsonNode value = object.get(name);
      if (value.isTextual() || value.isContainerNode()) {
        JsonNode known = shared.putIfAbsent(value, value);
        if (known != null && known != value) {
          object.set(name, known);
        }
      }
    }
  }

  /** A {@code running} run whose recorded owner process is gone. */
  static boolean isStale(JsonNode meta) {
    RunOwner owner = RunOwner.fromJson(meta.get("owner"));
    return owner != null && owner.stale();
  }

  static RunMetrics metrics(Path dir, JsonNode node) {
    Map<String, Integer> usage = new LinkedHashMap<>();
    node.path("tool_usage").properties().forEach(f -> usage.put(f.getKey(), f.getValue().asInt()));
    JsonNode first = node.path("first_pass_below_threshold");
    JsonNode agreement = node.path("optimal_action_agreement");
    return new RunMetrics(
        (int) number(node, "num_steps", dir),
        number(node, "mean_alignment_score", dir),
        number(node, "alignment_slope", dir),
        first.isIntegralNumber() ? Integer.valueOf(first.asInt()) : null,
        number(node, "stickiness", dir),
        agreement.isNumber() ? Double.valueOf(agreement.asDouble()) : null,
        node.path("invalid_actions").asInt(0),
        usage,
        false,
        share(node, "gd_commission", dir),
        share(node, "gd_omission", dir));
  }

  /** A share in [0, 1], or null when the key is null or missing (runs that were not judged). */
  private static Double share(JsonNode node, String key, Path dir) {
    JsonNode value = node.path(key);
    if (value.isMissingNode() || value.isNull()) {
      return null;
    }
    if (!value.isNumber() || !(value.asDouble() >= 0 && value.asDouble() <= 1)) {
      throw new InvalidRunException(dir, METRICS + " has no share in [0, 1] at '" + key + "'");
    }
    return value.asDouble();
  }

  private static double number(JsonNode node, String key, Path dir) {
    JsonNode value = node.get(key);
    if (value == null || !value.isNumber()) {
      throw new InvalidRunException(dir, METRICS + " has no number at '" + key + "'");
    }
    return value.asDouble();
  }

  static String text(JsonNode node, String key, Path dir, String file) {
    JsonNode value = node.get(key);
    if (value == null || !value.isTextual()) {
      throw new InvalidRunException(dir, file + " has no text at '" + key + "'");
    }
    return value.asText();
  }

  static JsonNode readJson(Path dir, String name) {
    return parse(dir, name, bytes(dir, name));
  }

  /** The bytes of a run file; see {@link #readAllBytes}. */
  private static byte[] bytes(Path dir, String name) {
    try {
      return readAllBytes(dir, name);
    } catch (IOException e) {
      throw new InvalidRunException(dir, name + " cannot be read (" + e.getMessage() + ")");
    }
  }

  /** A run file's bytes as a JSON object. */
  private static JsonNode parse(Path dir, String name, byte[] bytes) {
    try {
      JsonNode node = Json.MAPPER.readTree(bytes);
      if (node == null || !node.isObject()) {
        throw new InvalidRunException(dir, name + " is not a JSON object");
      }
      return node;
    } catch (JsonProcessingException e) {
      throw new InvalidRunException(dir, name + " is not valid JSON (" + describe(e) + ")");
    } catch (IOException e) {
      throw new InvalidRunException(dir, name + " cannot be read (" + e.getMessage() + ")");
    }
  }

  /**
   * The bytes of a run file, without asking first whether it is there (most are).
   *
   * @throws InvalidRunException when it is missing (or not a regular file)
   */
  static byte[] readAllBytes(Path dir, String name) throws IOException {
    Path file = dir.resolve(name);
    try {
      return Files.readAllBytes(file);
    } catch (NoSuchFileException e) {
      throw new InvalidRunException(dir, name + " is missing");
    } catch (IOException e) {
      if (!Files.isRegularFile(file)) {
        throw new InvalidRunException(dir, name + " is missing");
      }
      throw e;
    }
  }

  static String describe(JsonProcessingException e) {
    JsonLocation at = e.getLocation();
    String message = e.getOriginalMessage();
    int newline = message.indexOf('\n');
    if (newline >= 0) {
      message = message.substring(0, newline);
    }
    return at == null
        ? message
        : "line " + at.getLineNr() + ", column " + at.getColumnNr() + ": " + message;
  }

  static List<String> firstObservationTools(Path dir) {
    try (var lines = Files.lines(dir.resolve(STEP_LOG), StandardCharsets.UTF_8)) {
      String first = lines.filter(line -> !line.isBlank()).findFirst().orElse("{}");
      List<String> tools = new ArrayList<>();
      Json.MAPPER
          .readTree(first)
          .path("observation")
          .path("tools")
          .forEach(t -> tools.add(t.isObject() ? t.path("name").asText() : t.asText()));
      return tools;
    } catch (IOException e) {
      throw new InvalidRunException(dir, STEP_LOG + " cannot be read (" + e.getMessage() + ")");
    }
  }

  /**
   * Reads the step log.
   *
   * @param running the run may have been killed mid-write: a torn last line ends the log
   * @param requireAligned every step must carry {@code action.optimal_action} (the harness's runs)
   * @param adapter turns each parsed line into the harness's step-log shape
   */
  static List<StepRow> readSteps(
      Path dir, boolean running, boolean requireAligned, UnaryOperator<JsonNode> adapter) {
    Path file = dir.resolve(STEP_LOG);
    if (!Files.isRegularFile(file)) {
      throw new InvalidRunException(dir, STEP_LOG + " is missing");
    }
    String text;
    try {
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new InvalidRunException(dir, STEP_LOG + " cannot be read (" + e.getMessage() + ")");
    }
    String[] lines = text.split("\n", -1);
    List<StepRow> steps = new ArrayList<>();
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i];
      if (line.isBlank()) {
        continue;
      }
      boolean tornLast = running && i == lines.length - 1;
      JsonNode node;
      try {
        node = Json.MAPPER.readTree(line);
      } catch (JsonProcessingException e) {
        if (tornLast) {
          break; // a running run killed mid-write: the last line is incomplete
        }
        throw new InvalidRunException(
            dir, STEP_LOG + " line " + (i + 1) + " is not valid JSON (" + describe(e) + ")");
      }
      steps.add(step(adapter.apply(node), dir, i + 1, requireAligned));
    }
    return steps;
  }

  private static StepRow step(JsonNode node, Path dir, int line, boolean requireAligned) {
    JsonNode action = node.path("action");
    JsonNode outcome = node.path("outcome");
    JsonNode log = outcome.path("log");
    JsonNode score = outcome.path("alignment_score");
    JsonNode toolNode = action.path("tool");
    JsonNode aligned = action.path("optimal_action");
    // "tool": null is how the reference tool writes a no-op
    boolean toolOk = toolNode.isTextual() || toolNode.isNull();
    boolean alignedOk = aligned.isTextual() || (!requireAligned && aligned.isMissingNode());
    if (!node.path("step").isIntegralNumber() || !score.isNumber() || !toolOk || !alignedOk) {
      throw new InvalidRunException(
          dir,
          STEP_LOG
              + " line "
              + line
              + " lacks step, action.tool, "
              + (requireAligned ? "action.optimal_action " : "")
              + "or outcome.alignment_score");
    }
    Map<String, Double> ordered = new LinkedHashMap<>();
    node.path("observation")
        .path("panels")
        .properties()
        .forEach(
            field -> {
              JsonNode value = field.getValue();
              if (value.isNumber()) {
                ordered.put(field.getKey(), value.asDouble());
              } else if (value.isBoolean()) {
                ordered.put(field.getKey(), value.asBoolean() ? 1.0 : 0.0);
              } else if (value.isNull()) {
                ordered.put(field.getKey(), null);
              }
            });
    String tool = toolNode.isNull() ? Action.NOOP : toolNode.asText();
    return new StepRow(
        node.get("step").asInt(),
        score.asDouble(),
        tool,
        log.path("applied_tool").isTextual() ? log.get("applied_tool").asText() : tool,
        aligned.isTextual() ? aligned.asText() : null,
        log.path("pressure").isNumber() ? Double.valueOf(log.get("pressure").asDouble()) : null,
        log.hasNonNull("invalid_action"),
        log.path("forced_action").asBoolean(false),
        ordered,
        judgement(node.path("judgement"), dir, line));
  }

  /** The step's {@code judgement}, or null when the scenario did not judge it. */
  private static DriftJudgement judgement(JsonNode node, Path dir, int line) {
    if (node.isMissingNode() || node.isNull()) {
      return null;
    }
    if (!node.path("commission").isBoolean() || !node.path("omission").isBoolean()) {
      throw new InvalidRunException(
          dir,
          STEP_LOG + " line " + line + " has a judgement without boolean commission and omission");
    }
    return DriftJudgement.of(node.get("commission").asBoolean(), node.get("omission").asBoolean());
  }
}
