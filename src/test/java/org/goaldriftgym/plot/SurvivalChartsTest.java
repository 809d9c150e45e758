package org.goaldriftgym.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.goaldriftgym.analysis.Aggregator;
import org.goaldriftgym.analysis.Fixtures;
import org.goaldriftgym.analysis.GroupSummary;
import org.goaldriftgym.analysis.Grouping;
import org.goaldriftgym.analysis.RunLoader;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;

/** The Kaplan-Meier figure, read back from the chart's series. */
class SurvivalChartsTest {

  @TempDir static Path root;
  static List<GroupSummary> groups;

  @BeforeAll
  static void makeRuns() {
    System.setProperty("java.awt.headless", "true");
    Path runs = Fixtures.makeRuns(root);
    groups =
        Aggregator.summarize(
            Grouping.parse("label")
                .group(RunLoader.load(List.of(runs.resolve("release_manager"))).runs()),
            false);
  }

  @Test
  void oneStepCurvePerGroupFromOneToTheHorizon() {
    XYChart chart = SurvivalCharts.timeToCrossing(groups, "label");
    // baseline: 2 runs, none crossed: flat at 1 up to max_steps 20
    XYSeries baseline = chart.getSeries("policy-baseline (n=2, 2 censored)");
    double[] y = baseline.getYData();
    assertTrue(y.length > 0);
    for (double v : y) {
      assertEquals(1.0, v);
    }
    double[] x = baseline.getXData();
    assertEquals(20.0, x[x.length - 1]);
    // drifting: 3 runs; each step of the curve is S(t) of the Kaplan-Meier estimate
    XYSeries drifting = chart.getSeries("policy-drifting (n=3, 0 censored)");
    double[] dx = drifting.getXData();
    double[] dy = drifting.getYData();
    GroupSummary group = groups.get(1);
    for (int i = 0; i < dx.length; i++) {
      double t = dx[i];
      double s = dy[i];
      double before = group.timeToCrossing().curve().survivalAt(t - 1e-9);
      double at = group.timeToCrossing().curve().survivalAt(t);
      assertTrue(s == before || s == at, "point " + i + " at t=" + t);
    }
    assertEquals(0.0, dy[dy.length - 1], "every drifting run crossed");
    // the band is there, out of the legend
    XYSeries band = chart.getSeries("policy-drifting" + SummaryCharts.BAND_SUFFIX);
    assertFalse(band.isShowInLegend());
  }

  @Test
  void writesAPng(@TempDir Path out) throws java.io.IOException {
    Path png = FigureWriter.write(SurvivalCharts.figure(groups, "label"), out);
    assertEquals("time_to_crossing.png", png.getFileName().toString());
    Images.assertFigure(png);
  }
}
