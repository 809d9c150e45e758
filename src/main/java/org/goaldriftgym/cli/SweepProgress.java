package org.goaldriftgym.cli;

import java.io.PrintWriter;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import org.goaldriftgym.sweep.SweepEntry;
import org.goaldriftgym.sweep.SweepListener;

/**
 * Sweep progress on stderr: a bar redrawn in place when stderr is a terminal ({@link
 * StderrTerminal}, whatever stdout is), with done, failed, elapsed time, rate, ETA and the reported
 * spend of agent runs; plain log lines otherwise (every failure, and a line per 5% of progress);
 * nothing with --quiet. Hand-written rather than a progress-bar library: me.tongfei:progressbar
 * decides interactivity through JLine's terminal (stdin/stdout), draws from its own timer thread
 * and writes to a {@code PrintStream} of its own, where this bar must follow stderr alone, redraw
 * only when a run finishes (so output is reproducible in tests) and print through picocli's writer.
 * Thread-safe.
 */
final class SweepProgress implements SweepListener {

  private static final int BAR_WIDTH = 30;

  private final PrintWriter err;
  private final boolean quiet;
  private final boolean terminal;
  private final Clock clock;
  private final Instant start;
  private int failed;
  private double spend;
  private boolean agents;

  SweepProgress(PrintWriter err, boolean quiet, Clock clock) {
    this(err, quiet, clock, StderrTerminal.detect());
  }

  SweepProgress(PrintWriter err, boolean quiet, Clock clock, boolean terminal) {
    this.err = err;
    this.quiet = quiet;
    this.terminal = terminal;
    this.clock = clock;
    this.start = clock.instant();
  }

  @Override
  public synchronized void onFinished(SweepEntry entry, int done, int total) {
    if (quiet) {
      return;
    }
    if (entry.cost() != null) {
      agents = true;
      spend += entry.cost();
    }
    if (!entry.succeeded()) {
      failed++;
      if (terminal) {
        err.print("\r\033[K");
      }
      err.println(
          "sweep: run "
              + (entry.index() + 1)
              + " ("
              + entry.scenario()
              + ", seed "
              + entry.seed()
              + ") "
              + entry.status()
              + (entry.error() == null ? "" : ": " + entry.error()));
    }
    Duration elapsed = Duration.between(start, clock.instant());
    String timing =
        "elapsed "
            + SweepCommand.seconds(elapsed)
            + ", "
            + rate(done, elapsed)
            + ", ETA "
            + eta(done, total, elapsed);
    if (terminal) {
      int filled = total == 0 ? BAR_WIDTH : done * BAR_WIDTH / total;
      err.print(
          String.format(
              Locale.ROOT,
              "\r[%s%s] %d/%d done, %d failed, %s%s",
              "#".repeat(filled),
              ".".repeat(BAR_WIDTH - filled),
              done,
              total,
              failed,
              timing,
              spendText()));
      if (done == total) {
        err.println();
      }
    } else if (done == total || done % Math.max(1, total / 20) == 0) {
      err.println(
          String.format(
              Locale.ROOT,
              "sweep: %d/%d done, %d failed, %s%s",
              done,
              total,
              failed,
              timing,
              spendText()));
    }
    err.flush();
  }

  private String spendText() {
    return agents ? String.format(Locale.ROOT, ", spend %.4f", spend) : "";
  }

  /** Runs per second (per minute when slower than one a second), over the sweep so far. */
  static String rate(int done, Duration elapsed) {
    double seconds = elapsed.toMillis() / 1000.0;
    if (done == 0 || seconds <= 0) {
      return "? runs/s";
    }
    double perSecond = done / seconds;
    return perSecond >= 1
        ? String.format(Locale.ROOT, "%.1f runs/s", perSecond)
        : String.format(Locale.ROOT, "%.1f runs/min", perSecond * 60);
  }

  private static String eta(int done, int total, Duration elapsed) {
    if (done == 0) {
      return "?";
    }
    long remainingMillis = elapsed.toMillis() * (total - done) / done;
    return SweepCommand.seconds(Duration.ofMillis(remainingMillis));
  }
}
