package org.goaldriftgym.sweep;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.goaldriftgym.artifact.Json;
import org.goaldriftgym.artifact.MetricsJson;
import org.goaldriftgym.artifact.RunIndex;
import org.goaldriftgym.core.RunStatus;
import org.goaldriftgym.metrics.MetricsSummary;
import org.goaldriftgym.run.ActiveRun;
import org.goaldriftgym.run.RunExecutor;
import org.goaldriftgym.run.RunPlan;
import org.goaldriftgym.run.RunResult;

/**
 * Executes planned sweep items on {@code jobs} threads, each exactly as {@code run} executes one
 * run, so a sweep's run directories are byte-identical to runs made one by one. One run failing
 * never stops the others. Runs are streamed: only each run's small summary is kept. Thread-safe for
 * one {@link #run} at a time.
 */
public final class SweepRunner {

  private final RunExecutor executor;
  private final int jobs;
  private final Set<ActiveRun> active = ConcurrentHashMap.newKeySet();

  public SweepRunner(RunExecutor executor, int jobs) {
    if (jobs < 1) {
      throw new IllegalArgumentException("--jobs must be >= 1, was " + jobs);
    }
    this.executor = Objects.requireNonNull(executor, "executor");
    this.jobs = jobs;
  }

  /**
   * Runs the plans in parallel; with a {@code resume} index, plans whose config hash is already
   * complete are skipped.
   *
   * @param plans the planned items, in sweep order
   * @param resume complete runs to skip, or {@code null}
   * @return one entry per plan, in the same order
   */
  public List<SweepEntry> run(
      List<Planned> plans, RunIndex resume, List<String> commandLine, SweepListener listener)
      throws InterruptedException {
    ExecutorService pool = Executors.newFixedThreadPool(jobs, daemonThreads());
    AtomicInteger done = new AtomicInteger();
    try {
      List<Future<SweepEntry>> futures = new ArrayList<>();
      for (Planned planned : plans) {
        futures.add(
            pool.submit(
                () -> {
                  SweepEntry entry = execute(planned, resume, commandLine);
                  if (listener != null) {
                    synchronized (listener) {
                      listener.onFinished(entry, done.incrementAndGet(), plans.size());
                    }
                  }
                  return entry;
                }));
      }
      List<SweepEntry> entries = new ArrayList<>();
      for (Future<SweepEntry> future : futures) {
        try {
          entries.add(future.get());
        } catch (ExecutionException e) {
          throw new IllegalStateException("sweep worker failed", e.getCause());
        }
      }
      return Collections.unmodifiableList(entries);
    } finally {
      pool.shutdownNow();
    }
  }

  /** Closes every run in progress as interrupted (from a shutdown hook). */
  public void interruptActive(String reason) {
    for (ActiveRun run : active) {
      try {
        run.close(RunStatus.INTERRUPTED, reason);
      } catch (IOException e) {
        // the process is going down; the other runs still get closed
      }
    }
  }

  private SweepEntry execute(Planned planned, RunIndex resume, List<String> commandLine) {
    RunPlan plan = planned.plan();
    String hash = planned.configHash();
    if (resume != null && resume.complete(hash) != null) {
      Path existing = resume.complete(hash);
      return entry(planned, SweepEntry.SKIPPED, existing, null, recordedMetrics(existing), null);
    }
    AtomicReference<ActiveRun> started = new AtomicReference<>();
    try {
      RunResult result =
          executor.execute(
              plan,
              commandLine,
              null,
              run -> {
                started.set(run);
                active.add(run);
              });
      return entry(
          planned,
          result.status().wireName(),
          result.directory().path(),
          result.error(),
          result.metrics(),
          result.agentUsage() == null ? null : result.agentUsage().cost());
    } catch (IOException e) {
      return entry(
          planned, RunStatus.FAILED.wireName(), null, "cannot write the run: " + e, null, null);
    } finally {
      if (started.get() != null) {
        active.remove(started.get());
      }
    }
  }

  /** The metrics of a run found complete, or {@code null} when they cannot be read. */
  private static MetricsSummary recordedMetrics(Path runDir) {
    try {
      return MetricsJson.decode(Json.MAPPER.readTree(runDir.resolve("metrics.json").toFile()));
    } catch (IOException | IllegalArgumentException e) {
      return null;
    }
  }

  private static SweepEntry entry(
      Planned planned, String status, Path dir, String error, MetricsSummary metrics, Double cost) {
    RunPlan plan = planned.plan();
    return new SweepEntry(
        planned.item().index(),
        plan.scenario(),
        plan.label(),
        plan.seed(),
        plan.config().policy(),
        planned.configHash(),
        status,
        dir,
        error,
        metrics,
        cost);
  }

  private static ThreadFactory daemonThreads() {
    AtomicInteger count = new AtomicInteger();
    return task -> {
      Thread thread = new Thread(task, "sweep-" + count.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    };
  }

  /** A sweep item with its plan and config hash. Immutable. */
  public record Planned(SweepItem item, RunPlan plan, String configHash) {}
}
