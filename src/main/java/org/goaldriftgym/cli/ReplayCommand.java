package org.goaldriftgym.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.goaldriftgym.agent.ReplyCache;
import org.goaldriftgym.artifact.Json;
import org.goaldriftgym.artifact.RunFormat;
import org.goaldriftgym.artifact.RunLayout;
import org.goaldriftgym.config.ConfigLoader;
import org.goaldriftgym.core.HarnessException;
import org.goaldriftgym.core.RunConfig;
import org.goaldriftgym.run.ReferenceReplay;
import org.goaldriftgym.run.ReplaySources;
import org.goaldriftgym.run.RunComparison;
import org.goaldriftgym.run.RunExecutor;
import org.goaldriftgym.run.RunPlan;
import org.goaldriftgym.run.RunPlanner;
import org.goaldriftgym.run.RunResult;
import org.goaldriftgym.scenario.ScenarioRegistry;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code replay}: re-runs recorded runs from their {@code config.json} into a temporary directory
 * and checks that {@code config.json}, {@code metrics.json}, {@code step_log.jsonl} and the
 * transcripts come out byte for byte the same; the proof that results still reproduce.
 */
@Command(
    name = "replay",
    mixinStandardHelpOptions = true,
    addMethodSubcommands = false,
    sortOptions = false,
    description = {
      "Re-run recorded runs from their config.json and compare the artifacts byte for byte.",
      "Takes run directories, directories with runs beneath them (a runs root, a sweep's tree)"
          + " and sweep.json manifests; prints one line per run and a total.",
      "Runs of the reference Python tool are re-simulated from their config.json and step log"
          + " actions and compared by number (panels, scores, done flags, metrics; to 1e-9).",
      "Exit 0 when every run reproduces; 1 with the first differing file, step and field when"
          + " any does not."
    })
final class ReplayCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Parameters(
      arity = "1..*",
      paramLabel = "PATH",
      description =
          "Run directories, directories with runs beneath them, or sweep.json manifests. Runs"
              + " found beneath a directory or in a manifest that are not complete are skipped"
              + " (one line each).")
  List<Path> runs = new ArrayList<>();

  @Option(
      names = "--jobs",
      paramLabel = "N",
      defaultValue = "1",
      description = "Runs replayed in parallel (default ${DEFAULT-VALUE}).")
  int jobs;

  @Option(
      names = "--keep",
      description =
          "Keep the re-run's files (their directory is printed) instead of deleting them.")
  boolean keep;

  @Mixin ReplyCacheMixin replies;

  @Mixin QuietMixin quietness;

  private final Main.Environment environment;

  ReplayCommand(Main.Environment environment) {
    this.environment = environment;
  }

  @Override
  public Integer call() throws IOException, InterruptedException {
    if (jobs < 1) {
      throw HarnessException.usage("--jobs must be at least 1, got " + jobs);
    }
    PrintWriter out = spec.commandLine().getOut();
    ScenarioRegistry registry = ScenarioRegistry.load();
    ReplayTargets targets = ReplayTargets.of(runs);
    for (Path run : targets.explicit()) {
      requireCompleteRun(run);
    }
    List<Path> toReplay = new ArrayList<>(targets.explicit());
    int skipped = 0;
    for (Path found : targets.found()) {
      Optional<String> why = whyNotReplayable(found);
      if (why.isPresent()) {
        out.println("skipped    " + found + ": " + why.get());
        skipped++;
      } else {
        toReplay.add(found);
      }
    }
    for (String problem : targets.problems()) {
      out.println("skipped    " + problem);
      skipped++;
    }
    if (toReplay.isEmpty()) {
      throw HarnessException.usage(
          "no complete run to replay under "
              + runs
              + " (pass run directories, a runs root or a"
              + " sweep.json manifest)");
    }
    boolean strict = toReplay.size() == 1 && targets.found().isEmpty();
    ExecutorService pool = Executors.newFixedThreadPool(Math.min(jobs, toReplay.size()));
    int different = 0;
    try {
      List<Future<Optional<String>>> results = new ArrayList<>();
      for (Path run : toReplay) {
        results.add(pool.submit(() -> replayOrExplain(run, registry, strict)));
      }
      for (int i = 0; i < toReplay.size(); i++) {
        Path run = toReplay.get(i);
        Optional<String> difference;
        try {
          difference = results.get(i).get();
        } catch (ExecutionException e) {
          if (e.getCause() instanceof RuntimeException runtime) {
            throw runtime;
          }
          if (e.getCause() instanceof IOException io) {
            throw io;
          }
          throw new IllegalStateException(e.getCause());
        }
        if (difference.isEmpty()) {
          out.println("reproduced " + run);
        } else {
          different++;
          out.println("DIFFERS    " + run + ": " + difference.get());
        }
        out.flush();
      }
    } finally {
      pool.shutdownNow();
    }
    if (toReplay.size() + skipped > 1) {
      out.println(
          "replay: "
              + (toReplay.size() - different)
              + " of "
              + toReplay.size()
              + " runs reproduced, "
              + different
              + " differ"
              + (skipped > 0 ? ", " + skipped + " skipped" : ""));
    }
    return different == 0 ? ExitCodes.OK : ExitCodes.RUN_FAILED;
  }

  /**
   * The replay's difference; with several runs, a run that cannot be replayed is a difference with
   * its reason, so the others still run.
   */
  private Optional<String> replayOrExplain(Path run, ScenarioRegistry registry, boolean strict)
      throws IOException {
    if (strict) {
      return replay(run, registry);
    }
    try {
      return replay(run, registry);
    } catch (HarnessException e) {
      return Optional.of("cannot replay: " + e.getMessage());
    } catch (IOException e) {
      return Optional.of("cannot replay: " + IoMessages.describe(e));
    }
  }

  private static Optional<String> whyNotReplayable(Path run) {
    try {
      requireCompleteRun(run);
      return Optional.empty();
    } catch (HarnessException e) {
      return Optional.of(e.getMessage());
    }
  }

  private static void requireCompleteRun(Path run) {
    if (RunFormat.of(run) == RunFormat.REFERENCE) {
      if (!Files.isRegularFile(run.resolve("metrics.json"))
          || !Files.isRegularFile(run.resolve("step_log.jsonl"))) {
        throw HarnessException.usage(
            run
                + " is a run of the reference tool without metrics.json or step_log.jsonl: it did"
                + " not finish, so it cannot be replayed");
      }
      return;
    }
    Path meta = run.resolve("meta.json");
    if (!Files.isRegularFile(meta) || !Files.isRegularFile(run.resolve("config.json"))) {
      throw HarnessException.usage(
          run
              + " is not a run directory (no meta.json and config.json); pass runs/<scenario>/<label>/<run-id>");
    }
    JsonNode node;
    try {
      node = Json.MAPPER.readTree(meta.toFile());
    } catch (IOException e) {
      throw HarnessException.usage(run + "/meta.json is not readable JSON: " + e.getMessage());
    }
    String status = node.path("status").asText();
    if (!status.equals("complete")) {
      throw HarnessException.usage(
          run + " has status '" + status + "': only complete runs can be replayed and compared");
    }
    for (String file : RunComparison.DETERMINISTIC_FILES) {
      if (!Files.isRegularFile(run.resolve(file))) {
        throw HarnessException.environment(
            run
                + " says complete but has no "
                + file
                + ": the directory was copied or cleaned in part; restore it from where it was"
                + " made",
            null);
      }
    }
  }

  private Optional<String> replay(Path run, ScenarioRegistry registry) throws IOException {
    boolean reference = RunFormat.of(run) == RunFormat.REFERENCE;
    // a reference run's files come from another JSON writer: re-simulate its recorded actions
    // and compare numbers, not bytes
    RunConfig config =
        reference ? referenceConfig(run) : ConfigLoader.load(run.resolve("config.json"));
    String label = run.getParent() == null ? null : run.getParent().getFileName().toString();
    RunPlanner planner = new RunPlanner(registry, environment.seeds());
    if (!reference) {
      // a counterfactual run finds its source relative to where the run is now
      planner =
          planner.withReplaySources(
              ReplaySources.forRun(run, Json.MAPPER.readTree(run.resolve("config.json").toFile())));
    }
    RunPlan plan = planner.plan(config, label, Set.of());
    Path scratch = Files.createTempDirectory("goal-drift-gym-replay-");
    try {
      RunLayout layout = new RunLayout(scratch.resolve("runs"), scratch.resolve("artifacts"));
      boolean agents = plan.agent() != null || plan.adversary() != null;
      if (agents && replies.cache == null) {
        throw HarnessException.usage(
            run
                + " is an agent run: pass --cache DIR with its recorded replies (replay never"
                + " calls the model)");
      }
      RunExecutor executor =
          new RunExecutor(
              layout,
              environment.clock(),
              environment.workingDirectory(),
              environment
                  .agentFactory()
                  .withCache(replies.replyCache(agents, ReplyCache.Mode.REPLAY)));
      RunResult result = executor.execute(plan, List.of("replay", run.toString()), null, null);
      Path replayed = result.directory().path();
      Optional<String> difference =
          reference
              ? ReferenceReplay.firstDifference(run, replayed)
              : RunComparison.firstDifference(run, replayed);
      if (difference.isEmpty() && !result.status().wireName().equals("complete")) {
        difference =
            Optional.of("the re-run ended " + result.status().wireName() + ": " + result.error());
      }
      if (keep) {
        quietness
            .info(spec.commandLine().getErr())
            .println("replay: re-run kept in " + result.directory().path());
      }
      return difference;
    } finally {
      if (!keep) {
        deleteTree(scratch);
      }
    }
  }

  private static RunConfig referenceConfig(Path run) throws IOException {
    try {
      return ReferenceReplay.config(run);
    } catch (IllegalArgumentException e) {
      throw HarnessException.usage(e.getMessage());
    }
  }

  private static void deleteTree(Path root) throws IOException {
    try (Stream<Path> paths = Files.walk(root)) {
      for (Path path : (Iterable<Path>) paths.sorted(Comparator.reverseOrder())::iterator) {
        Files.deleteIfExists(path);
      }
    }
  }
}
