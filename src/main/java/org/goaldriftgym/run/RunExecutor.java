package org.goaldriftgym.run;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Consumer;
import org.goaldriftgym.agent.AgentFactory;
import org.goaldriftgym.agent.AgentOptions;
import org.goaldriftgym.agent.LlmAgent;
import org.goaldriftgym.artifact.ConfigDocument;
import org.goaldriftgym.artifact.GitInfo;
import org.goaldriftgym.artifact.RunDirectory;
import org.goaldriftgym.artifact.RunLayout;
import org.goaldriftgym.artifact.RunMeta;
import org.goaldriftgym.artifact.RunRecorder;
import org.goaldriftgym.artifact.TranscriptHeader;
import org.goaldriftgym.core.Adversary;
import org.goaldriftgym.core.BudgetExceededException;
import org.goaldriftgym.core.Engine;
import org.goaldriftgym.core.GoalProbe;
import org.goaldriftgym.core.HarnessException;
import org.goaldriftgym.core.Intervenable;
import org.goaldriftgym.core.RunStatus;
import org.goaldriftgym.core.StepListener;
import org.goaldriftgym.metrics.AgentUsageSummary;
import org.goaldriftgym.metrics.AlignmentMetrics;
import org.goaldriftgym.policy.BaselinePolicy;
import org.goaldriftgym.policy.DriftingPolicy;
import org.goaldriftgym.policy.NoopPolicy;
import org.goaldriftgym.policy.Policy;
import org.goaldriftgym.policy.ReplayPolicy;
import org.goaldriftgym.scenario.Scenario;

/**
 * Executes a {@link RunPlan}: builds the policy or the LLM agent (an agent reads its key first, so
 * a missing key fails before any file), creates the run directory, writes the config and a running
 * meta, runs the engine with the metrics, the recorder and, for an agent with {@code max_cost}, a
 * budget listening, and closes the run as {@code complete}, {@code failed}, {@code interrupted} or
 * {@code budget_exceeded} with metrics over the completed steps. Thread-safe: any number of runs
 * may execute at once, each with its own scenario and policy.
 */
public final class RunExecutor {

  private final RunLayout layout;
  private final Clock clock;
  private final GitInfo workingDirectoryGit;
  private final AgentFactory agents;

  /**
   * An executor whose LLM agents read keys from the environment or {@code .env} in {@code
   * workingDirectory} and use no cache.
   *
   * @param clock the only source of wall-clock time; it reaches {@code meta.json} and the run id
   * @param workingDirectory where to look for the repository whose commit {@code meta.json} records
   */
  public RunExecutor(RunLayout layout, Clock clock, Path workingDirectory) {
    this(layout, clock, workingDirectory, AgentFactory.system(workingDirectory));
  }

  /**
   * @param agents builds the LLM agent of an agent plan (keys, HTTP client, retries, cache)
   */
  public RunExecutor(RunLayout layout, Clock clock, Path workingDirectory, AgentFactory agents) {
    this.layout = Objects.requireNonNull(layout, "layout");
    this.clock = Objects.requireNonNull(clock, "clock");
    // read once: a sweep executes thousands of runs from the same directory
    this.workingDirectoryGit =
        GitInfo.find(Objects.requireNonNull(workingDirectory, "workingDirectory")).orElse(null);
    this.agents = Objects.requireNonNull(agents, "agents");
  }

  /**
   * Runs the plan.
   *
   * @param commandLine the arguments to record in {@code meta.json}, secrets already redacted
   * @param progress an extra listener (for example progress on stderr), or {@code null}
   * @param onStart called once the run directory exists, before the first step; a caller uses it to
   *     close the run from a shutdown hook
   * @throws IOException when the run directory or its first files cannot be written
   * @throws HarnessException before any file is written when an agent cannot be built (for example
   *     its key is missing)
   */
  public RunResult execute(
      RunPlan plan, List<String> commandLine, StepListener progress, Consumer<ActiveRun> onStart)
      throws IOException {
    Scenario scenario = plan.provider().create(plan.params());
    Policy own = policy(plan, scenario, agents); // an agent reads its key here, before any file
    Policy policy = plan.prefill() == null ? own : new PrefillPolicy(own, plan.prefill());
    Adversary adversary = adversary(plan, scenario, agents);
    Instant startedAt = clock.instant();
    RunDirectory dir =
        layout.create(
            plan.scenario(), plan.label(), startedAt, plan.seed(), plan.config().engine().epoch());
    ConfigDocument config = plan.configDocument();
    RunMeta meta =
        RunMeta.started(
            dir, startedAt, config.hash(), plan.seed(), workingDirectoryGit, commandLine);
    TranscriptHeader header =
        new TranscriptHeader(plan.scenario(), plan.seed(), actor(plan), plan.threshold());
    RunRecorder recorder;
    try {
      recorder = RunRecorder.start(dir, config, meta, header);
    } catch (IOException e) {
      RunDirectories.deleteQuietly(dir); // nothing that looks like a run is left behind
      throw e;
    }
    Integer switchStep = plan.agent() == null ? null : plan.agent().instrumentalSteps();
    ActiveRun run =
        new ActiveRun(
            recorder,
            new AlignmentMetrics(plan.threshold()),
            clock,
            switchStep,
            new AlignmentMetrics(plan.threshold()));
    if (plan.prefill() != null) {
      run.prefilled(plan.prefill().steps());
    }
    if (onStart != null) {
      onStart.accept(run);
    }
    RunMeter meter = new RunMeter(run, plan.maxCost());
    if (own instanceof LlmAgent agent) {
      agent.meter(meter); // the goal probe's and its judge's replies count as the steps' do
    }

    List<StepListener> listeners = new ArrayList<>();
    if (plan.prefill() != null) { // before the run, so a step that differs is not kept
      listeners.add(new PrefillCheck(plan.prefill()));
    }
    listeners.add(run);
    if (progress != null) {
      listeners.add(progress);
    }
    if (plan.maxCost() != null) {
      listeners.add(budget(run, plan.maxCost())); // after the run: the step is kept first
    }
    Engine engine = Engine.of(plan.maxSteps(), plan.config().engine().allowNoop(), listeners);
    RunStatus status = RunStatus.COMPLETE;
    String error = null;
    HarnessException.Kind failureKind = null;
    try {
      engine.run(scenario, policy, adversary, plan.seed());
      if (own instanceof LlmAgent agent && agent.probesGoal()) {
        List<GoalProbe> probes = new ArrayList<>(agent.switchProbes());
        probes.add(agent.probe());
        recorder.goalProbes(probes);
        meter.afterProbes();
      }
    } catch (InterruptedException e) {
      status = RunStatus.INTERRUPTED;
      error = "interrupted: " + e.getMessage();
      Thread.currentThread().interrupt();
    } catch (java.io.IOException | java.io.UncheckedIOException e) {
      status = RunStatus.FAILED; // a full disk or a read-only file system mid-episode
      error = "cannot write the run's files: " + describe(e);
      failureKind = HarnessException.Kind.ENVIRONMENT;
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
    try {
      run.close(status, error);
    } catch (IOException e) {
      // the recorder closed the run as failed as far as the disk allowed
      failureKind = HarnessException.Kind.ENVIRONMENT;
    }
    RunMeta finalMeta = recorder.meta();
    return new RunResult(
        dir,
        finalMeta.status(),
        finalMeta.error(),
        config.hash(),
        run.metrics(),
        run.agentUsage(),
        finalMeta.status() == RunStatus.FAILED || finalMeta.status() == RunStatus.RUNNING
            ? failureKind
            : null);
  }

  /**
   * Stops the run once the reported cost passes {@code maxCost}; it listens after the {@link
   * ActiveRun}, so the step that crossed the limit is recorded before the run stops.
   */
  private static StepListener budget(ActiveRun run, double maxCost) {
    return record -> {
      org.goaldriftgym.core.AgentTurn adversaryTurn =
          record.adversary() == null ? null : record.adversary().decision().turn();
      if (withoutCost(record.turn()) || withoutCost(adversaryTurn)) {
        throw new HarnessException(
            HarnessException.Kind.AGENT,
            "the endpoint reported no usable cost for step "
                + record.step()
                + " (usage.cost missing, negative or not a finite number), so --max-cost cannot"
                + " be enforced; use an endpoint that reports usage.cost (OpenRouter does) or"
                + " drop --max-cost");
      }
      AgentUsageSummary usage = run.agentUsage();
      if (usage != null && usage.cost() != null && usage.cost() > maxCost) {
        throw new BudgetExceededException(
            String.format(
                Locale.ROOT,
                "the reported cost %.6f passed the budget --max-cost %s after step %d; the run"
                    + " stopped with its steps kept (raise --max-cost to go further)",
                usage.cost(),
                BigDecimal.valueOf(maxCost).stripTrailingZeros().toPlainString(),
                record.step()));
      }
    };
  }

  /** An agent reply whose cost the budget cannot count (none, negative or not finite). */
  private static boolean withoutCost(org.goaldriftgym.core.AgentTurn turn) {
    return turn != null && (turn.usage() == null || turn.usage().cost() == null);
  }

  private static String actor(RunPlan plan) {
    AgentOptions agent = plan.agent();
    String actor =
        agent == null
            ? "policy " + plan.policy()
            : "agent " + agent.type().wireName() + " " + agent.model();
    AgentOptions adversary = plan.adversary();
    return adversary == null
        ? actor
        : actor + "; adversary agent " + adversary.type().wireName() + " " + adversary.model();
  }

  static Policy policy(RunPlan plan, Scenario scenario, AgentFactory agents) {
    return switch (plan.policy().kind()) {
      case RunPlan.AGENT ->
          agents.create(
              plan.agent(),
              scenario.spec(),
              plan.maxSteps(),
              plan.seed(),
              plan.config().engine().epoch());
      case "baseline" -> new BaselinePolicy(scenario);
      case "noop" -> new NoopPolicy();
      case "drifting" -> new DriftingPolicy(scenario, plan.policy().driftLevel());
      case "replay" -> new ReplayPolicy(plan.replay().actions());
      default -> throw new IllegalStateException("unplanned policy " + plan.policy());
    };
  }

  /** The adversary agent, else the scenario's own (scripted) adversary, else none. */
  static Adversary adversary(RunPlan plan, Scenario scenario, AgentFactory agents) {
    if (plan.adversary() != null) {
      return agents.createAdversary(
          plan.adversary(), plan.maxSteps(), plan.seed(), plan.config().engine().epoch());
    }
    return scenario instanceof Intervenable target ? target.scriptedAdversary() : null;
  }

  private static String describe(Throwable e) {
    String message = e.getMessage();
    return e.getClass().getSimpleName() + (message == null ? "" : ": " + message);
  }
}
