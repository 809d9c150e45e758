package org.goaldriftgym.sweep;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.function.Consumer;
import org.goaldriftgym.artifact.Json;
import org.goaldriftgym.artifact.MetricsJson;
import org.goaldriftgym.artifact.RunClaims;
import org.goaldriftgym.artifact.RunIndex;
import org.goaldriftgym.core.HarnessException;
import org.goaldriftgym.core.RunStatus;
import org.goaldriftgym.metrics.MetricsSummary;
import org.goaldriftgym.run.ActiveRun;
import org.goaldriftgym.run.RunDirectories;
import org.goaldriftgym.run.RunExecutor;
import org.goaldriftgym.run.RunPlan;
import org.goaldriftgym.run.RunResult;

/**
 * Executes planned sweep items on {@code jobs} threads, each exactly as {@code run} executes one
 * run, so a sweep's run directories are byte-identical to runs made one by one. One run failing
 * never stops the others; a full or read-only disk stops the sweep from starting more ({@link
 * #diskFailure}). {@link #stop} (a signal) stops starting runs and closes every run in flight as
 * {@code interrupted}; {@link #snapshot} tells at any moment what became of every item. Runs are
 * streamed: only each run's small summary is kept. Thread-safe for one {@link #run} at a time.
 */
public final class SweepRunner {

  /** Waits between attempts of a failed agent run. */
  @FunctionalInterface
  public interface Backoff {
    void sleep(Duration duration) throws InterruptedException;
  }

  private static final Duration FIRST_BACKOFF = Duration.ofSeconds(2);
  private static final Duration MAX_BACKOFF = Duration.ofMinutes(1);

  private final RunExecutor executor;
  private final int jobs;
  private final int retries;
  private final Backoff backoff;
  private final RunClaims claims;
  private final Consumer<String> notes;
  private final Map<Integer, ActiveRun> active = new ConcurrentHashMap<>();
  private volatile boolean stopping;
  private volatile String stopReason;
  private final AtomicReference<String> diskFailure = new AtomicReference<>();
  private volatile List<Planned> plans = List.of();
  private volatile AtomicReferenceArray<SweepEntry> results = new AtomicReferenceArray<>(0);
  private volatile ExecutorService pool;

  public SweepRunner(RunExecutor executor, int jobs) {
    this(executor, jobs, 0, duration -> {}, null, note -> {});
  }

  private SweepRunner(
      RunExecutor executor,
      int jobs,
      int retries,
      Backoff backoff,
      RunClaims claims,
      Consumer<String> notes) {
    if (jobs < 1) {
      throw new IllegalArgumentException("--jobs must be >= 1, was " + jobs);
    }
    if (retries < 0) {
      throw new IllegalArgumentException("--retry must be >= 0, was " + retries);
    }
    this.executor = Objects.requireNonNull(executor, "executor");
    this.jobs = jobs;
    this.retries = retries;
    this.backoff = Objects.requireNonNull(backoff, "backoff");
    this.claims = claims;
    this.notes = Objects.requireNonNull(notes, "notes");
  }

  /**
   * The same runner, re-running a failed agent run up to {@code retries} more times, waiting 2 s, 4
   * s, 8 s, ... (at most a minute) between attempts; each failed attempt's directory is removed, so
   * a run is counted once. {@code notes} hears one line per retry.
   */
  public SweepRunner withRetries(int retries, Backoff backoff, Consumer<String> notes) {
    return new SweepRunner(executor, jobs, retries, backoff, claims, notes);
  }

  /**
   * The same runner, claiming each run before starting it, so two sweeps resuming into one runs
   * root never both run it (for {@code --resume}).
   */
  public SweepRunner withClaims(RunClaims value) {
    return new SweepRunner(executor, jobs, retries, backoff, value, notes);
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
    prepare(plans);
    ExecutorService workers = Executors.newFixedThreadPool(jobs, daemonThreads());
    pool = workers;
    AtomicInteger done = new AtomicInteger();
    AtomicReference<Throwable> bug = new AtomicReference<>();
    try {
      for (int i = 0; i < plans.size(); i++) {
        int position = i;
        Planned planned = plans.get(i);
        workers.execute(
            () -> {
              if (stopping) {
                return; // a signal or a full disk: no new run starts
              }
              try {
                SweepEntry entry = execute(position, planned, resume, commandLine);
                results.set(position, entry);
                if (listener != null) {
                  synchronized (listener) {
                    listener.onFinished(entry, done.incrementAndGet(), plans.size());
                  }
                }
              } catch (RuntimeException | Error e) {
                bug.compareAndSet(null, e);
              }
            });
      }
      workers.shutdown(); // after stop(), queued items are dropped and this ends sooner
      while (!workers.awaitTermination(1, java.util.concurrent.TimeUnit.SECONDS)) {
        // waiting for the runs in flight
      }
      if (bug.get() != null) {
        throw new IllegalStateException("sweep worker failed", bug.get());
      }
      return snapshot();
    } finally {
      workers.shutdownNow();
    }
  }

  /**
   * Makes {@link #snapshot} list these plans (all {@code pending}) before {@link #run} starts them;
   * {@link #run} calls it too.
   */
  public synchronized void prepare(List<Planned> plans) {
    if (!this.plans.equals(plans)) {
      this.plans = List.copyOf(plans);
      this.results = new AtomicReferenceArray<>(plans.size());
    }
  }

  /**
   * Stops the sweep (from a shutdown hook): no run starts any more, and every run in flight is
   * closed as {@code interrupted} with {@code reason}.
   *
   * @return what became of every item, as {@link #snapshot}
   */
  public List<SweepEntry> stop(String reason) {
    stopReason = reason;
    stopping = true;
    for (ActiveRun run : active.values()) {
      try {
        run.close(RunStatus.INTERRUPTED, reason);
      } catch (IOException e) {
        // the disk refused; the other runs still get closed
      }
    }
    ExecutorService workers = pool;
    if (workers != null) {
      workers.shutdownNow(); // interrupts the workers: their episodes stop between steps
    }
    return snapshot();
  }

  /** Closes every run in progress as interrupted; as {@link #stop}. */
  public void interruptActive(String reason) {
    stop(reason);
  }

  /**
   * What became of every item so far, in sweep order: the finished entries; {@code interrupted} for
   * a run in flight after {@link #stop}; {@code running} for one in flight otherwise; {@code
   * not_started} for the rest.
   */
  public List<SweepEntry> snapshot() {
    List<Planned> planned = plans;
    AtomicReferenceArray<SweepEntry> finished = results;
    List<SweepEntry> entries = new ArrayList<>(planned.size());
    for (int i = 0; i < planned.size(); i++) {
      SweepEntry entry = finished.get(i);
      if (entry == null) {
        ActiveRun run = active.get(i);
        if (run != null) {
          entry =
              entry(
                  planned.get(i),
                  stopping ? RunStatus.INTERRUPTED.wireName() : RunStatus.RUNNING.wireName(),
                  run.directory().path(),
                  stopping ? stopReason : null,
                  run.metrics(),
                  run.agentUsage() == null ? null : run.agentUsage().cost());
        } else {
          entry =
              entry(
                  planned.get(i),
                  stopping ? SweepEntry.NOT_STARTED : SweepEntry.PENDING,
                  null,
                  null,
                  null,
                  null);
        }
      }
      entries.add(entry);
    }
    return Collections.unmodifiableList(entries);
  }

  /** Whether {@link #stop} was called. */
  public boolean stopped() {
    return stopping && stopReason != null;
  }

  /**
   * The first error of a full or read-only file system, which stopped the sweep from starting more
   * runs, or {@code null}.
   */
  public String diskFailure() {
    return diskFailure.get();
  }

  private SweepEntry execute(
      int position, Planned planned, RunIndex resume, List<String> commandLine) {
    String hash = planned.configHash();
    if (resume != null) {
      Path existing = resume.complete(hash);
      if (existing != null) {
        return entry(planned, SweepEntry.SKIPPED, existing, null, recordedMetrics(existing), null);
      }
      Path elsewhere = resume.inProgress(hash);
      if (elsewhere != null) {
        return claimedElsewhere(planned, elsewhere, "being run by another live process");
      }
    }
    if (claims != null) {
      try {
        RunClaims.Outcome outcome = claims.claim(hash);
        if (outcome instanceof RunClaims.Complete complete) {
          return entry(
              planned,
              SweepEntry.SKIPPED,
              complete.runDir(),
              null,
              recordedMetrics(complete.runDir()),
              null);
        }
        if (outcome instanceof RunClaims.HeldBy held) {
          return claimedElsewhere(planned, null, "claimed by " + held.owner() + ", still running");
        }
      } catch (IOException e) {
        return cannotWrite(planned, e);
      }
    }
    SweepEntry entry = attempts(position, planned, commandLine);
    if (claims != null) {
      try {
        if (entry.status().equals(RunStatus.COMPLETE.wireName())) {
          claims.complete(hash, entry.runDir());
        } else {
          claims.release(hash);
        }
      } catch (IOException e) {
        // the run itself is recorded; a claim left behind is taken over once this process is gone
      }
    }
    return entry;
  }

  private SweepEntry attempts(int position, Planned planned, List<String> commandLine) {
    RunPlan plan = planned.plan();
    for (int attempt = 1; ; attempt++) {
      RunResult result;
      try {
        result = executor.execute(plan, commandLine, null, run -> active.put(position, run));
      } catch (IOException e) {
        return cannotWrite(planned, e);
      } catch (HarnessException e) {
        return entry(planned, RunStatus.FAILED.wireName(), null, e.getMessage(), null, null);
      } finally {
        active.remove(position);
      }
      if (result.failureKind() == HarnessException.Kind.ENVIRONMENT) {
        noteDiskFailure(result.error());
      }
      boolean retry =
          plan.agent() != null
              && result.status() == RunStatus.FAILED
              && result.failureKind() != HarnessException.Kind.ENVIRONMENT
              && attempt <= retries
              && !stopping;
      if (!retry) {
        return entry(
            planned,
            result.status().wireName(),
            result.directory().path(),
            result.error(),
            result.metrics(),
            result.agentUsage() == null ? null : result.agentUsage().cost());
      }
      Duration wait = backoffAfter(attempt);
      notes.accept(
          "sweep: run "
              + (planned.item().index() + 1)
              + " (seed "
              + plan.seed()
              + ") failed on attempt "
              + attempt
              + " of "
              + (retries + 1)
              + ": "
              + result.error()
              + "; retrying in "
              + wait.toSeconds()
              + "s");
      RunDirectories.deleteQuietly(result.directory()); // the run is counted once, by its retry
      try {
        backoff.sleep(wait);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return entry(
            planned,
            RunStatus.INTERRUPTED.wireName(),
            null,
            "interrupted while waiting to retry: " + result.error(),
            null,
            null);
      }
    }
  }

  static Duration backoffAfter(int attempt) {
    Duration wait = FIRST_BACKOFF.multipliedBy(1L << Math.min(attempt - 1, 20));
    return wait.compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : wait;
  }

  private SweepEntry cannotWrite(Planned planned, IOException e) {
    String message = "cannot write the run: " + describe(e);
    noteDiskFailure(message);
    return entry(planned, RunStatus.FAILED.wireName(), null, message, null, null);
  }

  /** A full or read-only file system fails every run alike: stop starting more. */
  private void noteDiskFailure(String message) {
    if (message != null && DiskErrors.diskWide(message)) {
      diskFailure.compareAndSet(null, message);
      stopping = true;
    }
  }

  private static String describe(IOException e) {
    if (e instanceof java.nio.file.FileSystemException fs && fs.getReason() != null) {
      return fs.getFile() + ": " + fs.getReason();
    }
    return String.valueOf(e.getMessage());
  }

  private static SweepEntry claimedElsewhere(Planned planned, Path dir, String why) {
    return entry(
        planned,
        SweepEntry.CLAIMED,
        dir,
        why + "; run sweep --resume again once it has finished",
        null,
        null);
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
