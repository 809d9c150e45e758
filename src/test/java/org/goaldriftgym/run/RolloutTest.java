package org.goaldriftgym.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import org.goaldriftgym.artifact.MetricsJson;
import org.goaldriftgym.artifact.RunLayout;
import org.goaldriftgym.core.RunConfig;
import org.goaldriftgym.scenario.ScenarioRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An in-memory rollout is the run {@code run} makes, without the directory. */
class RolloutTest {

  @TempDir Path temp;

  @Test
  void stepLogAndMetricsAreThoseOfTheRunDirectoryForEveryScenarioAndPolicy() throws Exception {
    ScenarioRegistry registry = ScenarioRegistry.load();
    RunPlanner planner = new RunPlanner(registry, () -> 1L);
    RunExecutor executor =
        new RunExecutor(
            new RunLayout(temp.resolve("runs"), temp.resolve("artifacts")),
            Clock.fixed(Instant.parse("2024-05-06T07:08:09Z"), ZoneOffset.UTC),
            temp);
    for (String scenario : registry.names()) {
      for (String policy : List.of("baseline", "noop", "drifting:0.3")) {
        RunPlan plan =
            planner.plan(
                RunConfig.builder()
                    .scenario(scenario)
                    .policy(policy)
                    .engine(RunConfig.EngineSettings.DEFAULT.withSeed(7L))
                    .build(),
                null,
                Set.of());
        Rollout rollout = Rollout.of(plan);
        RunResult run = executor.execute(plan, List.of(), null, null);
        Path dir = run.directory().path();
        String what = scenario + " " + policy;
        assertFalse(rollout.stepLog().isEmpty(), what);
        assertEquals(Files.readString(dir.resolve("step_log.jsonl")), rollout.stepLog(), what);
        assertEquals(
            MetricsJson.encode(run.metrics()), MetricsJson.encode(rollout.metrics()), what);
      }
    }
  }
}
