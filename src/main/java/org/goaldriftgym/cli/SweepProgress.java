package org.goaldriftgym.cli;

import java.io.PrintWriter;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import org.goaldriftgym.sweep.SweepEntry;
import org.goaldriftgym.sweep.SweepListener;

/**
 * Sweep progress on stderr: a bar redrawn in place on a terminal (done, failed, ETA, and the
 * reported spend of agent runs), plain log lines otherwise (every failure, and a line per 5% of
 * progress), nothing with --quiet.
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
    this.err = err;
    this.quiet = quiet;
    this.terminal = System.console() != null;
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
    String eta = eta(done, total);
    if (terminal) {
      int filled = total == 0 ? BAR_WIDTH : done * BAR_WIDTH / total;
      err.print(
          String.format(
              Locale.ROOT,
              "\r[%s%s] %d/%d done, %d failed, ETA %s%s",
              "#".repeat(filled),
              ".".repeat(BAR_WIDTH - filled),
              done,
              total,
              failed,
              eta,
              spendText()));
      if (done == total) {
        err.println();
      }
    } else if (done == total || done % Math.max(1, total / 20) == 0) {
      err.println(
          String.format(
              Locale.ROOT,
              "sweep: %d/%d done, %d failed, ETA %s%s",
              done,
              total,
              failed,
              eta,
              spendText()));
    }
    err.flush();
  }

  private String spendText() {
    return agents ? String.format(Locale.ROOT, ", spend %.4f", spend) : "";
  }

  private String eta(int done, int total) {
    Duration elapsed = Duration.between(start, clock.instant());
    if (done == 0) {
      return "?";
    }
    long remainingMillis = elapsed.toMillis() * (total - done) / done;
    return SweepCommand.seconds(Duration.ofMillis(remainingMillis));
  }
}
