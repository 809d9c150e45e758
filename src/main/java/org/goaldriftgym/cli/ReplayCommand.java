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
import java.util.stream.Stream;
import org.goaldriftgym.agent.ReplyCache;
import org.goaldriftgym.artifact.Json;
import org.goaldriftgym.artifact.RunFormat;
import org.goaldriftgym.artifact.RunLayout;
import org.goaldriftgym.config.ConfigLoader;
import org.goaldriftgym.core.HarnessException;
import org.goaldriftgym.core.RunConfig;
import org.goaldriftgym.run.ReferenceReplay;
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
    description = {
      "Re-run recorded runs from their config.json and compare the artifacts byte for byte.",
      "Runs of the reference Python tool are re-simulated from their config.json and step log"
          + " actions and compared by number (panels, scores, done flags, metrics; to 1e-9).",
      "Exit 0 when every run reproduces; 1 with the first differing file, step and field when not."
    })
final class ReplayCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Parameters(arity = "1..*", paramLabel = "RUN_DIR", description = "Run directories to re-run.")
  List<Path> runs = new ArrayList<>();

  @Option(
      names = "--keep",
      description =
          "Keep the re-run's files (their directory is printed) instead of deleting them.")
  boolean keep;

  @Mixin ReplyCacheMixin replies;

  private final Main.Environment environment;

  ReplayCommand(Main.Environment environment) {
    this.environment = environment;
  }

  @Override
  public Integer call() throws IOException {
    PrintWriter out = spec.commandLine().getOut();
    ScenarioRegistry registry = ScenarioRegistry.load();
    for (Path run : runs) {
      requireCompleteRun(run);
    }
    int different = 0;
    for (Path run : runs) {
      Optional<String> difference = replay(run, registry);
      if (difference.isEmpty()) {
        out.println("reproduced " + run);
      } else {
        different++;
        out.println("DIFFERS    " + run + ": " + difference.get());
      }
      out.flush();
    }
    if (runs.size() > 1) {
      spec.commandLine()
          .getErr()
          .println(
              "replay: " + (runs.size() - different) + " of " + runs.size() + " runs reproduced");
    }
    return different == 0 ? ExitCodes.OK : ExitCodes.RUN_FAILED;
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
  }

  private Optional<String> replay(Path run, ScenarioRegistry registry) throws IOException {
    boolean reference = RunFormat.of(run) == RunFormat.REFERENCE;
    // a reference run's files come from another JSON writer: re-simulate its recorded actions
    // and compare numbers, not bytes
    RunConfig config =
        reference ? referenceConfig(run) : ConfigLoader.load(run.resolve("config.json"));
    String label = run.getParent() == null ? null : run.getParent().getFileName().toString();
    RunPlan plan = new RunPlanner(registry, environment.seeds()).plan(config, label, Set.of());
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
        spec.commandLine().getErr().println("replay: re-run kept in " + result.directory().path());
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
