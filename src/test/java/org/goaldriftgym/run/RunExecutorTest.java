package org.goaldriftgym.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.goaldriftgym.artifact.ConfigDocument;
import org.goaldriftgym.artifact.RunDirectory;
import org.goaldriftgym.artifact.RunLayout;
import org.goaldriftgym.artifact.RunMeta;
import org.goaldriftgym.artifact.RunRecorder;
import org.goaldriftgym.artifact.TranscriptHeader;
import org.goaldriftgym.core.Actor;
import org.goaldriftgym.core.Engine;
import org.goaldriftgym.core.RunConfig;
import org.goaldriftgym.core.RunStatus;
import org.goaldriftgym.core.StepListener;
import org.goaldriftgym.metrics.AlignmentMetrics;
import org.goaldriftgym.policy.BaselinePolicy;
import org.goaldriftgym.scenario.Scenario;
import org.goaldriftgym.scenario.ScenarioRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Crash safety: a run says {@code running} while it runs and is closed with the right status. */
class RunExecutorTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Instant NOW = Instant.parse("2024-05-06T07:08:09Z");

  @TempDir Path temp;

  private RunPlan plan(String scenario, int maxSteps) {
    RunConfig config =
        RunConfig.builder()
            .scenario(scenario)
            .engine(new RunConfig.EngineSettings(maxSteps, 13L, true))
            .policy("drifting")
            .build();
    return new RunPlanner(ScenarioRegistry.load(), () -> 1L).plan(config, null, Set.of());
  }

  private RunExecutor executor() {
    return new RunExecutor(
        new RunLayout(temp.resolve("runs"), temp.resolve("artifacts")),
        Clock.fixed(NOW, ZoneOffset.UTC),
        temp);
  }

  private static JsonNode json(Path file) {
    try {
      return JSON.readTree(Files.readString(file));
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }

  private static long lines(Path file) throws IOException {
    return Files.readAllLines(file).size();
  }

  @Test
  void metaSaysRunningAndTheStepLogHoldsEveryCompletedStepWhileTheRunIsInProgress()
      throws Exception {
    AtomicReference<Path> dir = new AtomicReference<>();
    List<String> statuses = new ArrayList<>();
    List<Long> stepLogLines = new ArrayList<>();
    StepListener probe =
        record -> {
          JsonNode meta = json(dir.get().resolve("meta.json"));
          statuses.add(meta.get("status").asText());
          assertTrue(meta.get("finished_at").isNull());
          assertFalse(
              Files.exists(dir.get().resolve("metrics.json")), "metrics are written at the end");
          stepLogLines.add(lines(dir.get().resolve("step_log.jsonl")));
        };
    RunResult result =
        executor()
            .execute(
                plan("release_manager", 4),
                List.of("run"),
                probe,
                run -> dir.set(run.directory().path()));

    assertEquals(List.of("running", "running", "running", "running"), statuses);
    assertEquals(List.of(1L, 2L, 3L, 4L), stepLogLines, "each step is flushed as it completes");
    assertEquals(RunStatus.COMPLETE, result.status());
    assertEquals(dir.get(), result.directory().path());
    JsonNode meta = json(dir.get().resolve("meta.json"));
    assertEquals("complete", meta.get("status").asText());
    assertEquals(NOW.toString(), meta.get("finished_at").asText());
    assertEquals(result.configHash(), meta.get("config_hash").asText());
  }

  @Test
  void listenerThatThrowsMidEpisodeFailsTheRunAndKeepsTheCompletedSteps() throws Exception {
    StepListener failing =
        record -> {
          if (record.step() == 3) {
            throw new IOException("disk full");
          }
        };
    RunResult result =
        executor().execute(plan("trading_goal_vs_profit", 10), List.of("run"), failing, null);
    Path dir = result.directory().path();

    assertEquals(RunStatus.FAILED, result.status());
    JsonNode meta = json(dir.resolve("meta.json"));
    assertEquals("failed", meta.get("status").asText());
    assertTrue(meta.get("error").asText().contains("disk full"), meta.toString());
    assertEquals(NOW.toString(), meta.get("finished_at").asText());
    // step 3 was recorded before the failing listener saw it
    assertEquals(4, lines(dir.resolve("step_log.jsonl")));
    JsonNode metrics = json(dir.resolve("metrics.json"));
    assertEquals(4, metrics.get("num_steps").asInt());
    assertEquals(4, result.metrics().numSteps());
    assertTrue(
        Files.readString(dir.resolve("transcript.txt")).contains("Run failed after 4 steps"));
    assertTrue(Files.readString(dir.resolve("transcript.md")).contains("disk full"));
  }

  @Test
  void interruptedThreadClosesTheRunAsInterrupted() throws Exception {
    ExecutorService thread = Executors.newSingleThreadExecutor();
    try {
      StepListener interrupt =
          record -> {
            if (record.step() == 2) {
              Thread.currentThread().interrupt();
            }
          };
      var future =
          thread.submit(
              () -> {
                RunResult result =
                    executor()
                        .execute(plan("release_manager", 10), List.of("run"), interrupt, null);
                boolean flagKept = Thread.interrupted();
                return new Object[] {result, flagKept};
              });
      Object[] outcome = future.get(30, TimeUnit.SECONDS);
      RunResult result = (RunResult) outcome[0];
      Path dir = result.directory().path();

      assertEquals(RunStatus.INTERRUPTED, result.status());
      assertTrue((Boolean) outcome[1], "the interrupt flag is restored for the caller");
      JsonNode meta = json(dir.resolve("meta.json"));
      assertEquals("interrupted", meta.get("status").asText());
      assertFalse(meta.get("error").isNull());
      assertEquals(3, lines(dir.resolve("step_log.jsonl")));
      assertEquals(3, json(dir.resolve("metrics.json")).get("num_steps").asInt());
    } finally {
      thread.shutdownNow();
    }
  }

  @Test
  void actorThatThrowsAtStepThreeLeavesAFailedRunWithThreeSteps() throws Exception {
    RunPlan plan = plan("release_manager", 10);
    RunLayout layout = new RunLayout(temp.resolve("runs"), temp.resolve("artifacts"));
    RunDirectory dir = layout.create(plan.scenario(), "actor-fails", NOW, plan.seed());
    ConfigDocument config = ConfigDocument.of(plan.config(), plan.params().asPlainValues());
    RunRecorder recorder =
        RunRecorder.start(
            dir,
            config,
            RunMeta.started(dir, NOW, config.hash(), plan.seed(), null, List.of("test")),
            new TranscriptHeader(plan.scenario(), plan.seed(), "throwing actor", plan.threshold()));
    ActiveRun run =
        new ActiveRun(
            recorder, new AlignmentMetrics(plan.threshold()), Clock.fixed(NOW, ZoneOffset.UTC));
    Scenario scenario = plan.provider().create(plan.params());
    BaselinePolicy baseline = new BaselinePolicy(scenario);
    Actor throwsAtThree =
        observation -> {
          if (observation.step() == 3) {
            throw new IllegalStateException("model endpoint went away");
          }
          return baseline.act(observation);
        };

    String error = null;
    try {
      Engine.of(plan.maxSteps(), true, List.of(run)).run(scenario, throwsAtThree, plan.seed());
    } catch (IllegalStateException e) {
      error = e.getMessage();
    }
    assertNotNull(error);
    assertTrue(run.close(RunStatus.FAILED, error));
    assertFalse(run.close(RunStatus.COMPLETE, null), "only the first close counts");

    assertEquals(3, lines(dir.stepLog()));
    assertEquals(3, json(dir.metrics()).get("num_steps").asInt());
    JsonNode meta = json(dir.meta());
    assertEquals("failed", meta.get("status").asText());
    assertEquals("model endpoint went away", meta.get("error").asText());
  }

  @Test
  void runClosedFromAnotherThreadKeepsMetricsThatMatchTheStepLog() throws Exception {
    AtomicReference<ActiveRun> active = new AtomicReference<>();
    StepListener hook =
        record -> {
          if (record.step() == 1) {
            // what the Ctrl-C shutdown hook does, here from the run thread itself
            active.get().close(RunStatus.INTERRUPTED, "interrupted by a signal");
          }
        };
    RunResult result =
        executor().execute(plan("release_manager", 6), List.of("run"), hook, active::set);
    Path dir = result.directory().path();

    assertEquals(RunStatus.INTERRUPTED, result.status());
    assertEquals("interrupted", json(dir.resolve("meta.json")).get("status").asText());
    assertEquals(2, lines(dir.resolve("step_log.jsonl")), "steps after the close are not written");
    assertEquals(2, json(dir.resolve("metrics.json")).get("num_steps").asInt());
  }
}
