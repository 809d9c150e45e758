package org.goaldriftgym.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * From runs to Kaplan-Meier input: time = first_pass_below_threshold + 1, never-crossing runs
 * censored at num_steps, horizon = the largest max_steps. The numbers are the "censoring" case of
 * {@code src/test/python/km_reference.py} (times 3, 5, 5+, 8, 10+, 10+, 10+, 2).
 */
class TimeToCrossingTest {

  private static RunRecord run(Integer firstPass, int numSteps, int maxSteps) {
    RunMetrics metrics =
        new RunMetrics(numSteps, 0.5, 0.0, firstPass, 0.0, null, 0, Map.of(), false, null, null);
    return new RunRecord(
        Path.of("r"),
        "id",
        "s",
        "l",
        1L,
        RunRecord.COMPLETE,
        null,
        null,
        null,
        0.5,
        maxSteps,
        List.of(),
        metrics,
        List.of(),
        null,
        null,
        null);
  }

  @Test
  void runsBecomeCensoredTimes() {
    // crossing at step index 2 is time 3; a run cut at 5 steps that never crossed is censored at 5
    List<RunRecord> runs =
        List.of(
            run(2, 10, 10),
            run(4, 10, 10),
            run(null, 5, 10),
            run(7, 10, 10),
            run(null, 10, 10),
            run(null, 10, 10),
            run(null, 10, 10),
            run(1, 10, 10));
    TimeToCrossing t = TimeToCrossing.of(runs);
    assertEquals(8, t.n());
    assertEquals(4, t.events());
    assertEquals(4, t.censored());
    assertEquals(8.0, t.kmMedian());
    assertEquals(2.0, t.kmCiLow());
    assertTrue(Double.isNaN(t.kmCiHigh()));
    assertEquals(10, t.horizon());
    assertEquals(7.1875, t.rmst(), 1e-12);
  }

  @Test
  void noCrossingAndNoRuns() {
    TimeToCrossing none = TimeToCrossing.of(List.of(run(null, 20, 20), run(null, 20, 20)));
    assertEquals(0, none.events());
    assertTrue(Double.isNaN(none.kmMedian()));
    assertEquals(20.0, none.rmst());
    TimeToCrossing empty = TimeToCrossing.of(List.of());
    assertEquals(0, empty.n());
    assertTrue(Double.isNaN(empty.rmst()) && Double.isNaN(empty.kmMedian()));
  }
}
