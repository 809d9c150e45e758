package org.goaldriftgym.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import org.goaldriftgym.agent.AgentFactory;
import org.goaldriftgym.agent.ReplyCache;
import org.goaldriftgym.analysis.PairedDifferences;
import org.goaldriftgym.artifact.Json;
import org.goaldriftgym.artifact.PrefillSource;
import org.goaldriftgym.artifact.RunClaims;
import org.goaldriftgym.artifact.RunIndex;
import org.goaldriftgym.config.ConfigLoader;
import org.goaldriftgym.core.HarnessException;
import org.goaldriftgym.core.RunConfig;
import org.goaldriftgym.run.RunExecutor;
import org.goaldriftgym.run.RunPlan;
import org.goaldriftgym.run.RunPlanner;
import org.goaldriftgym.scenario.ScenarioRegistry;
import org.goaldriftgym.sweep.ControlOverride;
import org.goaldriftgym.sweep.PairedSweep;
import org.goaldriftgym.sweep.Seeds;
import org.goaldriftgym.sweep.Shard;
import org.goaldriftgym.sweep.SweepAxes;
import org.goaldriftgym.sweep.SweepEntry;
import org.goaldriftgym.sweep.SweepItem;
import org.goaldriftgym.sweep.SweepManifest;
import org.goaldriftgym.sweep.SweepPlan;
import org.goaldriftgym.sweep.SweepRecorder;
import org.goaldriftgym.sweep.SweepRunner;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code sweep}: the cross product of configs, seeds, policies, models and parameter values, run in
 * one JVM on several threads, each run exactly as {@code run} would make it. Plans every run before
 * starting any, so a typo fails the whole sweep up front; after that one run failing never stops
 * the others.
 */
@Command(
    name = "sweep",
    mixinStandardHelpOptions = true,
    addMethodSubcommands = false,
    sortOptions = false,
    description = {
      "Run the cross product of configs, seeds, policies and parameter values in one JVM.",
      "Writes every run as `run` would, a sweep.json manifest, and a summary on stdout."
    })
final class SweepCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Option(
      names = "--config",
      arity = "1..*",
      paramLabel = "FILE",
      description = "One or more YAML/JSON run configs (or a run's config.json).")
  List<Path> configs = new ArrayList<>();

  @Option(
      names = "--scenario",
      paramLabel = "NAME",
      description = "A scenario to sweep with its defaults, instead of --config.")
  String scenario;

  @Option(
      names = "--seeds",
      paramLabel = "SEEDS",
      description = "Seeds: ranges and lists, e.g. 1..100 or 1,5,9 (default: each config's seed).")
  String seeds;

  @Option(
      names = "--policy",
      paramLabel = "P1,P2",
      description = "Policies to cross, comma-separated (default: each config's).")
  String policies;

  @Option(
      names = "--model",
      paramLabel = "M1,M2",
      description = "Agent models to cross, comma-separated (needs an agent; see run --agent).")
  String models;

  @Option(
      names = "--scenario-param",
      paramLabel = "KEY=V1,V2",
      description =
          "Values of a scenario parameter to cross; repeatable. Lists stay whole: k=[a, b],[c].")
  List<String> params = new ArrayList<>();

  @Option(
      names = "--control",
      paramLabel = "KEY=VALUE",
      description =
          "Run each item a second time with this scenario parameter set, as a paired control"
              + " labelled <label>-control; repeatable (keys applied together). The summary adds"
              + " paired differences.")
  List<String> controls = new ArrayList<>();

  @Option(names = "--max-steps", paramLabel = "N", description = "Steps per run, for every run.")
  Integer maxSteps;

  @Option(
      names = "--threshold",
      paramLabel = "X",
      description = "Alignment threshold, for every run.")
  Double threshold;

  @Option(
      names = "--label",
      paramLabel = "LABEL",
      description =
          "One label for every run: every policy of the sweep is pooled into one group (default:"
              + " each run's own, e.g. policy-drifting-0.3).")
  String label;

  @Option(
      names = "--jobs",
      paramLabel = "N",
      description =
          "Runs in parallel (default: the number of cores; for agent runs at least"
              + " --max-concurrency).")
  Integer jobs;

  @Option(
      names = "--shard",
      paramLabel = "I/N",
      description = "Run only slice I of N of the cross product (1-based), e.g. 2/4.")
  String shard;

  @Option(
      names = "--resume",
      description = "Skip runs already complete under the runs root (same config hash).")
  boolean resume;

  @Option(names = "--manifest", paramLabel = "FILE", description = "Where to write sweep.json.")
  Path manifest;

  @Option(
      names = "--max-concurrency",
      paramLabel = "N",
      defaultValue = "8",
      description =
          "Agent requests in flight at once across all runs (default ${DEFAULT-VALUE}); halves on"
              + " each 429/503 and grows back on success.")
  int maxConcurrency;

  @Option(
      names = "--retry",
      paramLabel = "N",
      defaultValue = "0",
      description =
          "Re-run a failed agent run up to N more times, waiting 2s, 4s, 8s, ... (at most 1 min)"
              + " between attempts; a failed attempt's directory is removed (default"
              + " ${DEFAULT-VALUE}).")
  int retry;

  @Mixin QuietMixin quietness;

  @Mixin OutputRootsMixin roots;

  @Mixin ProtocolOptionsMixin protocol;

  @Mixin AdversaryAgentMixin adversary;

  @Mixin ReplyCacheMixin replies;

  private final Main.Environment environment;

  SweepCommand(Main.Environment environment) {
    this.environment = environment;
  }

  @Override
  public Integer call() throws IOException, InterruptedException {
    PrintWriter err = spec.commandLine().getErr();
    if (jobs != null && jobs < 1) {
      throw HarnessException.usage("--jobs must be at least 1, got " + jobs);
    }
    if (retry < 0) {
      throw HarnessException.usage("--retry must be at least 0, got " + retry);
    }
    if (maxConcurrency < 1) {
      throw HarnessException.usage("--max-concurrency must be >= 1, got " + maxConcurrency);
    }
    if (manifest != null) {
      checkManifestPath(manifest);
    }
    ScenarioRegistry registry = ScenarioRegistry.load();
    ControlOverride control =
        controls.isEmpty() ? null : parse(() -> ControlOverride.parse(controls));
    Shard slice = parse(() -> shard == null ? Shard.ALL : Shard.parse(shard));
    SweepAxes axes =
        new SweepAxes(
            seeds == null ? List.of() : parse(() -> Seeds.parse(seeds)),
            policies == null ? List.of() : SweepAxes.splitValues(policies),
            models == null ? List.of() : SweepAxes.splitValues(models),
            paramAxes(),
            label);
    Set<String> baseFlags = new HashSet<>();
    List<SweepItem> all =
        withEpochs(
            withObservationMode(
                SweepPlan.expand(baseConfigs(baseFlags), axes, baseFlags, registry)));
    List<SweepItem> mine = slice.slice(all);

    RunPlanner planner = new RunPlanner(registry, environment.seeds());
    PrefillSource prefillSource = protocol.prefillSource();
    List<SweepRunner.Planned> planned = new ArrayList<>();
    for (SweepItem item : mine) {
      RunPlan plan = planItem(planner, item);
      if (prefillSource != null) {
        plan = plan.withPrefill(prefillSource);
      }
      planned.add(new SweepRunner.Planned(item, plan, plan.configDocument().hash()));
    }
    PairedSweep paired =
        control == null
            ? null
            : PairedSweep.plan(planned, control, axes.params().keySet(), planner, all.size());
    if (paired != null) {
      planned = paired.runs();
    }
    RunIndex index = resume ? RunIndex.scan(roots.runsRoot) : null;

    Instant startedAt = environment.clock().instant();
    Path manifestPath =
        manifest != null ? manifest : SweepManifest.defaultPath(roots.runsRoot, startedAt, slice);
    boolean agents =
        planned.stream().anyMatch(p -> p.plan().agent() != null || p.plan().adversary() != null);
    ReplyCache cache = replies.replyCache(agents);
    int cores = Runtime.getRuntime().availableProcessors();
    // agent runs wait on the network, so they get as many workers as requests may be in flight
    int workers = jobs != null ? jobs : agents ? Math.max(cores, maxConcurrency) : cores;
    AgentFactory agentFactory = environment.agentFactory();
    SweepRunner runner =
        new SweepRunner(
                new RunExecutor(
                    roots.layout(),
                    environment.clock(),
                    environment.workingDirectory(),
                    agentFactory.withCache(cache).withMaxConcurrency(maxConcurrency)),
                workers)
            .withRetries(retry, agentFactory.sleeper()::sleep, note -> note(err, note));
    if (resume) {
      runner = runner.withClaims(RunClaims.of(roots.runsRoot));
    }
    runner.prepare(planned);
    if (!quietness.quiet) {
      err.println(
          "sweep: "
              + planned.size()
              + " runs"
              + (slice.count() > 1 ? " (shard " + slice + " of " + all.size() + ")" : "")
              + " on "
              + workers
              + " threads"
              + (index != null ? ", " + index.size() + " complete runs found for --resume" : ""));
      err.flush();
    }
    List<String> commandLine =
        CommandLineRedaction.redact(spec.commandLine().getParseResult().originalArgs());
    SweepRecorder recorder =
        SweepRecorder.start(
            manifestPath,
            new SweepRecorder.Header(
                startedAt, commandLine, slice, all.size() * (paired == null ? 1 : 2)),
            runner::snapshot,
            environment.clock());
    SweepRunner stoppable = runner;
    SweepEnd end = new SweepEnd(recorder, startedAt, paired);
    Thread hook =
        new Thread(
            () ->
                end.conclude(
                    SweepManifest.INTERRUPTED,
                    stoppable.stop("interrupted by a signal (Ctrl-C or kill)"),
                    null),
            "goal-drift-gym-sweep-interrupt");
    if (environment.hooks()) {
      Runtime.getRuntime().addShutdownHook(hook);
    }
    SweepProgress progress = new SweepProgress(err, quietness.quiet, environment.clock());
    List<SweepEntry> entries;
    try {
      entries =
          runner.run(
              planned,
              index,
              commandLine,
              (entry, done, total) -> {
                recorder.onFinished(entry, done, total);
                progress.onFinished(entry, done, total);
              });
    } finally {
      if (environment.hooks()) {
        try {
          Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
          // the hook is running
        }
      }
    }
    String disk = runner.diskFailure();
    return end.conclude(
        disk != null ? SweepManifest.STOPPED : SweepManifest.FINISHED, entries, disk);
  }

  private static void note(PrintWriter err, String line) {
    synchronized (err) {
      err.println(line);
      err.flush();
    }
  }

  /**
   * The end of a sweep, reached once: by the last run, or by a signal (the shutdown hook) first.
   * Writes the final manifest, the summary on stdout and the closing line on stderr.
   */
  private final class SweepEnd {

    private final SweepRecorder recorder;
    private final Instant startedAt;
    private final PairedSweep paired;
    private Integer code;

    SweepEnd(SweepRecorder recorder, Instant startedAt, PairedSweep paired) {
      this.recorder = recorder;
      this.startedAt = startedAt;
      this.paired = paired;
    }

    synchronized int conclude(String state, List<SweepEntry> entries, String diskFailure) {
      if (code != null) {
        return code;
      }
      PrintWriter err = spec.commandLine().getErr();
      ObjectNode document;
      try {
        document = recorder.finish(state, entries, SweepSummary.of(entries));
        if (paired != null) { // the pairs and their differences join the final manifest
          paired.annotate(document);
          document.set("paired_summary", PairedDifferences.json(PairedDifferences.of(document)));
          SweepManifest.write(recorder.manifest(), document);
        }
      } catch (IOException e) {
        err.println(
            "goal-drift-gym: environment error: cannot write the manifest "
                + recorder.manifest()
                + ": "
                + IoMessages.describe(e)
                + IoMessages.hint(e)
                + "; its journal "
                + SweepRecorder.journalOf(recorder.manifest()).getFileName()
                + " lists the finished runs");
        err.flush();
        code = ExitCodes.ENVIRONMENT;
        return code;
      }
      ObjectNode out = Json.object();
      out.put("manifest", recorder.manifest().toString());
      out.put("state", state);
      out.set("counts", document.get("counts"));
      out.set("summary", document.get("summary"));
      if (paired != null) {
        out.set("paired_summary", document.get("paired_summary"));
      }
      PrintWriter stdout = spec.commandLine().getOut();
      stdout.print(new String(Json.pretty(out), StandardCharsets.UTF_8));
      stdout.flush();
      if (!quietness.quiet || !state.equals(SweepManifest.FINISHED)) {
        err.println(
            "sweep "
                + (state.equals(SweepManifest.FINISHED) ? "finished" : state)
                + " in "
                + seconds(Duration.between(startedAt, environment.clock().instant()))
                + ": "
                + document.get("counts")
                + "; manifest "
                + recorder.manifest());
      }
      if (diskFailure != null) {
        err.println(
            "goal-drift-gym: environment error: "
                + diskFailure
                + "; no more runs were started (free space or choose a writable --runs-root,"
                + " then sweep --resume)");
      }
      err.flush();
      boolean allSucceeded = entries.stream().allMatch(SweepEntry::succeeded);
      code =
          diskFailure != null
              ? ExitCodes.ENVIRONMENT
              : state.equals(SweepManifest.INTERRUPTED)
                  ? ExitCodes.INTERRUPTED
                  : allSucceeded ? ExitCodes.OK : ExitCodes.RUN_FAILED;
      return code;
    }
  }

  /** A manifest that cannot be written is found before any run starts, not after the last. */
  private static void checkManifestPath(Path file) {
    if (Files.isDirectory(file)) {
      throw HarnessException.usage(
          "--manifest "
              + file
              + " is a directory; give a file name such as "
              + file.resolve("sweep.json"));
    }
    Path parent = file.toAbsolutePath().getParent();
    if (parent != null && Files.exists(parent) && !Files.isDirectory(parent)) {
      throw HarnessException.usage("--manifest " + file + ": " + parent + " is not a directory");
    }
  }

  private List<RunConfig> baseConfigs(Set<String> baseFlags) {
    List<RunConfig> bases = new ArrayList<>();
    if (configs.isEmpty() && scenario == null) {
      throw HarnessException.usage("sweep needs --config FILE... or --scenario NAME");
    }
    if (!configs.isEmpty() && scenario != null) {
      throw HarnessException.usage("give either --config or --scenario, not both");
    }
    if (scenario != null) {
      bases.add(RunConfig.builder().scenario(scenario).build());
      baseFlags.add(RunPlanner.SCENARIO);
    }
    for (Path file : configs) {
      bases.add(ConfigLoader.load(file));
    }
    if (maxSteps != null && maxSteps <= 0) {
      throw HarnessException.usage("--max-steps must be a positive integer, got " + maxSteps);
    }
    if (threshold != null && !(threshold >= 0 && threshold <= 1)) {
      throw HarnessException.usage("--threshold must be in [0, 1], got " + threshold);
    }
    if (maxSteps != null) {
      baseFlags.add(RunPlanner.MAX_STEPS);
    }
    List<RunConfig> adjusted = new ArrayList<>();
    for (RunConfig base : bases) {
      RunConfig.Builder builder = base.toBuilder();
      if (maxSteps != null) {
        builder.engine(base.engine().withMaxSteps(maxSteps));
      }
      if (threshold != null) {
        builder.threshold(threshold);
      }
      adversary.apply(builder, base.adversaryAgent(), baseFlags);
      if (seeds == null
          && base.engine().seed() == null
          && !base.scenarioParams().containsKey("seed")) {
        throw HarnessException.usage(
            "sweep needs seeds: pass --seeds (e.g. 1..20) or set engine.seed in every config");
      }
      adjusted.add(builder.build());
    }
    return adjusted;
  }

  /** Repeats every item {@code --epochs} times, epochs 1..N next to each other. */
  private List<SweepItem> withEpochs(List<SweepItem> items) {
    Integer epochs = protocol.epochs();
    if (epochs == null || epochs == 1) {
      return items;
    }
    List<SweepItem> result = new ArrayList<>();
    for (SweepItem item : items) {
      for (int epoch = 1; epoch <= epochs; epoch++) {
        RunConfig config =
            item.config().toBuilder().engine(item.config().engine().withEpoch(epoch)).build();
        result.add(new SweepItem(result.size(), config, item.label(), item.fromFlags()));
      }
    }
    return result;
  }

  /**
   * Applies {@code --observation-mode}, {@code --goal-probe} and {@code --judge-model} to every
   * agent run; they are an error without one.
   */
  private List<SweepItem> withObservationMode(List<SweepItem> items) {
    if (!protocol.setsAgentParams()) {
      return items;
    }
    if (items.stream().noneMatch(item -> item.config().agent() != null)) {
      throw HarnessException.usage(
          "--observation-mode, --goal-probe, --judge-model and --instrumental-steps need agent"
              + " runs: pass --model or use a config with an agent block");
    }
    List<SweepItem> result = new ArrayList<>();
    for (SweepItem item : items) {
      RunConfig.AgentSettings agent = item.config().agent();
      if (agent == null) {
        result.add(item);
        continue;
      }
      Map<String, Object> params = new LinkedHashMap<>(agent.params());
      protocol.applyTo(params);
      RunConfig config =
          item.config().toBuilder()
              .agent(new RunConfig.AgentSettings(agent.type(), params))
              .build();
      Set<String> fromFlags = new HashSet<>(item.fromFlags());
      result.add(new SweepItem(item.index(), config, item.label(), fromFlags));
    }
    return result;
  }

  private Map<String, List<String>> paramAxes() {
    Map<String, List<String>> axes = new LinkedHashMap<>();
    for (String assignment : params) {
      int equals = assignment.indexOf('=');
      if (equals <= 0) {
        throw HarnessException.usage(
            "--scenario-param expects KEY=V1,V2, got '" + assignment + "'");
      }
      axes.put(
          assignment.substring(0, equals).trim(),
          SweepAxes.splitValues(assignment.substring(equals + 1)));
    }
    return axes;
  }

  private static RunPlan planItem(RunPlanner planner, SweepItem item) {
    try {
      return planner.plan(item.config(), item.label(), item.fromFlags());
    } catch (HarnessException e) {
      throw new HarnessException(
          e.kind(), "sweep item " + (item.index() + 1) + ": " + e.getMessage(), e);
    }
  }

  private static <T> T parse(java.util.function.Supplier<T> parser) {
    try {
      return parser.get();
    } catch (IllegalArgumentException e) {
      throw HarnessException.usage(e.getMessage());
    }
  }

  static String seconds(Duration duration) {
    return String.format(Locale.ROOT, "%.1fs", duration.toMillis() / 1000.0);
  }
}
