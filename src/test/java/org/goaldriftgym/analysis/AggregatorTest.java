package org.goaldriftgym.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AggregatorTest {

  /** t(0.975, 2), from scipy.stats.t.ppf: the groups of three runs. */
  static final double T_975_2 = 4.302652729749462;

  @TempDir static Path root;
  static List<RunRecord> runs;

  @BeforeAll
  static void load() {
    runs = RunLoader.load(List.of(Fixtures.makeRuns(root))).runs();
  }

  @Test
  void groupsByScenarioAndLabelInKeyOrder() {
    List<Group> groups = Grouping.parse("scenario,label").group(runs);
    assertEquals(
        List.of(
            "release_manager / policy-baseline",
            "release_manager / policy-drifting",
            "trading_goal_vs_profit / policy-drifting"),
        groups.stream().map(Group::name).toList());
    assertEquals(
        Map.of("scenario", "release_manager", "label", "policy-drifting"), groups.get(1).key());
  }

  @Test
  void aggregatesMatchAnIndependentComputation() {
    GroupSummary drifting =
        Aggregator.summarize(Grouping.parse("scenario,label").group(runs), false).get(1);
    List<Path> dirs = Fixtures.runDirs(root.resolve("runs/release_manager/policy-drifting"));
    double[] means = dirs.stream().mapToDouble(d -> Fixtures.mean(Fixtures.scores(d))).toArray();
    double[] slopes = dirs.stream().mapToDouble(d -> Fixtures.slope(Fixtures.scores(d))).toArray();
    assertEquals(3, drifting.n());
    assertEquals(0, drifting.excluded());
    assertEquals(Fixtures.mean(means), drifting.meanAlignmentScore().mean(), 1e-12);
    assertEquals(Fixtures.sd(means), drifting.meanAlignmentScore().sd(), 1e-12);
    double half = T_975_2 * Fixtures.sd(means) / Math.sqrt(3);
    assertEquals(Fixtures.mean(means) - half, drifting.meanAlignmentScore().ciLow(), 1e-9);
    assertEquals(Fixtures.mean(means) + half, drifting.meanAlignmentScore().ciHigh(), 1e-9);
    assertEquals(Fixtures.mean(slopes), drifting.alignmentSlope().mean(), 1e-12);
    assertEquals(3, drifting.crossing().successes());
    assertEquals(3, drifting.firstPassBelowThreshold().n());
  }

  @Test
  void groupsByAScenarioParameterNumerically() {
    List<Group> groups = Grouping.parse("pressure_growth").group(runs);
    assertEquals(List.of("0.12", Grouping.ABSENT), groups.stream().map(Group::name).toList());
    assertEquals(5, groups.get(0).runs().size());
    assertThrows(
        IllegalArgumentException.class, () -> Grouping.parse("pressure_grwoth").validate(runs));
  }

  @Test
  void driftCurveIsTheMeanScorePerStep() {
    List<RunRecord> drifting =
        runs.stream()
            .filter(RunFilters.label("policy-drifting").and(RunFilters.scenario("release_manager")))
            .toList();
    List<Estimate> curve = Aggregator.byStep(drifting);
    assertEquals(20, curve.size());
    for (int step = 0; step < 20; step++) {
      int s = step;
      double[] at = drifting.stream().mapToDouble(r -> Fixtures.scores(r.dir())[s]).toArray();
      assertEquals(Fixtures.mean(at), curve.get(step).mean(), 1e-12);
      assertEquals(3, curve.get(step).n());
    }
    assertTrue(curve.get(0).mean() > curve.get(19).mean());
  }
}
