package org.goaldriftgym.cli;

import java.io.PrintWriter;
import java.util.List;
import org.goaldriftgym.analysis.Skipped;

/** Prints skipped inputs of {@code report} and {@code plot}, one line each on stderr. */
final class Skips {

  private Skips() {}

  /** Prints each skip as {@code goal-drift-gym: skipped <path>: <reason>}. */
  static void print(PrintWriter err, List<Skipped> skipped) {
    for (Skipped skip : skipped) {
      err.println("goal-drift-gym: skipped " + skip.message());
    }
    err.flush();
  }

  /** Tells how many incomplete runs were left out of aggregates, when there are any. */
  static void noteExcluded(PrintWriter err, int excluded) {
    if (excluded > 0) {
      err.println(
          "goal-drift-gym: note: "
              + excluded
              + (excluded == 1 ? " run is" : " runs are")
              + " not complete and left out of the aggregates (--include-incomplete to include"
              + " them)");
      err.flush();
    }
  }
}
