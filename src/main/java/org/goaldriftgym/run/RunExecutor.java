package org.goaldriftgym.run;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import org.goaldriftgym.artifact.ConfigDocument;
import org.goaldriftgym.artifact.GitInfo;
import org.goaldriftgym.artifact.RunDirectory;
import org.goaldriftgym.artifact.RunLayout;
import org.goaldriftgym.artifact.RunMeta;
import org.goaldriftgym.artifact.RunRecorder;
import org.goaldriftgym.artifact.TranscriptHeader;
import org.goaldriftgym.core.BudgetExceededException;
import org.goaldriftgym.core.Engine;
import org.goaldriftgym.core.HarnessException;
import org.goaldriftgym.core.RunStatus;
import org.goaldriftgym.core.StepListener;
import org.goaldriftgym.metrics.AlignmentMetrics;
import org.goaldriftgym.policy.BaselinePolicy;
import org.goaldriftgym.policy.DriftingPolicy;
import org.goaldriftgym.policy.NoopPolicy;
import org.goaldriftgym.policy.Policy;
import org.goaldriftgym.policy.ReplayPolicy;
import org.goaldriftgym.scenario.Scenario;

/**
 * Executes a {@link RunPlan}: creates the run directory, writes the config and a running meta, runs
 * the engine with the metrics and the recorder listening, and closes the run as {@code complete},
 * {@code failed} or {@code interrupted} with metrics over the completed steps. Thread-safe: any
 * number of runs may execute at once, each with its own scenario and policy.
 */
public final class RunExecutor {

  private final RunLayout layout;
  private final Clock clock;
  private final Path workingDirectory;

  /**
   * @param clock the only source of wall-clock time; it reaches {@code meta.json} and the run id
   * @param workingDirectory where to look for the repository whose commit {@code meta.json} records
   */
  public RunExecutor(RunLayout layout, Clock clock, Path workingDirectory) {
    this.layout = Objects.requireNonNull(layout, "layout");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.workingDirectory = Objects.requireNonNull(workingDirectory, "workingDirectory");
  }

  /**
   * Runs the plan.
   *
   * @param commandLine the arguments to record in {@code meta.json}, secrets already redacted
   * @param progress an extra listener (for example progress on stderr), or {@code null}
   * @param onStart called once the run directory exists, before the first step; a caller uses it to
   *     close the run from a shutdown hook
   * @throws IOException when the run directory or its first files cannot be written
   */
  public RunResult execute(
      RunPlan plan, List<String> commandLine, StepListener progress, Consumer<ActiveRun> onStart)
      throws IOException {
    Scenario scenario = plan.provider().create(plan.params());
    Policy policy = policy(plan, scenario);
    Instant startedAt = clock.instant();
    RunDirectory dir = layout.create(plan.scenario(), plan.label(), startedAt, plan.seed());
    ConfigDocument config = plan.configDocument();
    RunMeta meta =
        RunMeta.started(
            dir,
            startedAt,
            config.hash(),
            plan.seed(),
            GitInfo.find(workingDirectory).orElse(null),
            commandLine);
    TranscriptHeader header =
        new TranscriptHeader(
            plan.scenario(), plan.seed(), "policy " + plan.policy(), plan.threshold());
    RunRecorder recorder = RunRecorder.start(dir, config, meta, header);
    ActiveRun run = new ActiveRun(recorder, new AlignmentMetrics(plan.threshold()), clock);
    if (onStart != null) {
      onStart.accept(run);
    }

    List<StepListener> listeners = new ArrayList<>();
    listeners.add(run);
    if (progress != null) {
      listeners.add(progress);
    }
    Engine engine = Engine.of(plan.maxSteps(), plan.config().engine().allowNoop(), listeners);
    RunStatus status = RunStatus.COMPLETE;
    String error = null;
    HarnessException.Kind failureKind = null;
    try {
      engine.run(scenario, policy, plan.seed());
    } catch (InterruptedException e) {
      status = RunStatus.INTERRUPTED;
      error = "interrupted: " + e.getMessage();
      Thread.currentThread().interrupt();
    } catch (BudgetExceededException e) {
      status = RunStatus.BUDGET_EXCEEDED;
      error = e.getMessage();
    } catch (HarnessException e) {
      status = RunStatus.FAILED;
      error = e.getMessage();
      failureKind = e.kind();
    } catch (Exception | Error e) { // an Error too: never leave a run that says "running"
      status = RunStatus.FAILED;
      error = describe(e);
    }
    run.close(status, error);
    RunMeta finalMeta = recorder.meta();
    return new RunResult(
        dir,
        finalMeta.status(),
        finalMeta.error(),
        config.hash(),
        run.metrics(),
        run.agentUsage(),
        finalMeta.status() == RunStatus.FAILED ? failureKind : null);
  }

  private static Policy policy(RunPlan plan, Scenario scenario) {
    return switch (plan.policy().kind()) {
      case "baseline" -> new BaselinePolicy(scenario);
      case "noop" -> new NoopPolicy();
      case "drifting" -> new DriftingPolicy(scenario, plan.policy().driftLevel());
      case "replay" -> new ReplayPolicy(plan.replay().actions());
      default -> throw new IllegalStateException("unplanned policy " + plan.policy());
    };
  }

  private static String describe(Throwable e) {
    String message = e.getMessage();
    return e.getClass().getSimpleName() + (message == null ? "" : ": " + message);
  }
}
