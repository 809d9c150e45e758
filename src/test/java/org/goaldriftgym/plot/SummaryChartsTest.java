package org.goaldriftgym.plot;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.goaldriftgym.analysis.Aggregator;
import org.goaldriftgym.analysis.Fixtures;
import org.goaldriftgym.analysis.GroupSummary;
import org.goaldriftgym.analysis.Grouping;
import org.goaldriftgym.analysis.RunLoader;
import org.goaldriftgym.analysis.RunRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;

class SummaryChartsTest {

  static final double T_975_2 = 4.302652729749462;
  static final double T_975_1 = 12.706204736174694;

  @TempDir static Path root;
  static List<GroupSummary> groups;

  @BeforeAll
  static void load() {
    System.setProperty("java.awt.headless", "true");
    Path runs = Fixtures.makeRuns(root).resolve("release_manager");
    List<RunRecord> all = RunLoader.load(List.of(runs)).runs();
    groups = Aggregator.summarize(Grouping.parse("label").group(all), false);
  }

  @Test
  void meanAlignmentHasOnePointPerGroupWithTheTInterval() throws Exception {
    XYChart chart = SummaryCharts.meanAlignment(groups, "label");
    assertEquals(
        List.of("policy-baseline (n=2)", "policy-drifting (n=3)"),
        chart.getSeriesCollection().stream()
            .filter(s -> s.isShowInLegend())
            .map(s -> s.getName())
            .toList());
    List<Path> dirs = Fixtures.runDirs(root.resolve("runs/release_manager/policy-drifting"));
    double[] means = dirs.stream().mapToDouble(d -> Fixtures.mean(Fixtures.scores(d))).toArray();
    XYSeries drifting = chart.getSeries("policy-drifting (n=3)");
    assertArrayEquals(new double[] {Fixtures.mean(means)}, drifting.getYData(), 1e-12);
    double half = T_975_2 * Fixtures.sd(means) / Math.sqrt(3);
    XYSeries whisker = chart.getSeries("policy-drifting" + SummaryCharts.BAND_SUFFIX);
    assertArrayEquals(
        new double[] {Fixtures.mean(means) - half, Fixtures.mean(means) + half},
        whisker.getYData(),
        1e-9);
    assertArrayEquals(drifting.getXData(), new double[] {2});
    assertArrayEquals(new double[] {2, 2}, whisker.getXData());
    assertEquals("label", chart.getXAxisTitle());
    // every group is named on the x axis as XChart lays it out (the margins' labels are blank)
    assertEquals(
        List.of("policy-baseline", "policy-drifting"),
        ChartAxes.xTickLabels(chart).stream()
            .filter(l -> !l.replace("\u200b", "").isEmpty())
            .toList());
    // the whole whisker lies inside the y axis
    assertTrue(chart.getStyler().getYAxisMin() < whisker.getYData()[0]);
    assertTrue(chart.getStyler().getYAxisMax() > whisker.getYData()[1]);
  }

  @Test
  void longGroupNamesAreCutForTheAxisAndStillAllShown() throws Exception {
    List<GroupSummary> many =
        Aggregator.summarize(
            Grouping.parse("scenario,label")
                .group(RunLoader.load(List.of(root.resolve("runs"))).runs()),
            false);
    XYChart chart = SummaryCharts.alignmentSlope(many, "scenario, label");
    List<String> shown =
        ChartAxes.xTickLabels(chart).stream()
            .filter(l -> !l.replace("\u200b", "").isEmpty())
            .toList();
    assertEquals(many.size(), shown.size(), shown.toString());
    for (String label : shown) {
      assertTrue(label.length() <= SummaryCharts.MAX_LABEL, label);
    }
    assertTrue(shown.stream().anyMatch(l -> l.contains("..")), shown.toString());
    assertEquals(List.of("short"), SummaryCharts.axisLabels(List.of("short")));
    // names that differ only in the middle would be cut to the same label: numbered instead
    List<String> twins =
        SummaryCharts.axisLabels(
            List.of("abcdefghij-X-klmnopqrstuvwxyz", "abcdefghij-Y-klmnopqrstuvwxyz"));
    assertEquals(List.of("1: abcdefg..stuvwxyz", "2: abcdefg..stuvwxyz"), twins);
  }

  @Test
  void driftCurveHasAMeanLineAndABandPerGroup() {
    XYChart chart = SummaryCharts.driftCurve(groups, "label");
    XYSeries line = chart.getSeries("policy-drifting (n=3)");
    XYSeries band = chart.getSeries("policy-drifting" + SummaryCharts.BAND_SUFFIX);
    assertEquals(20, line.getXData().length);
    assertEquals(40, band.getXData().length);
    assertFalse(band.isShowInLegend());
    List<Path> dirs = Fixtures.runDirs(root.resolve("runs/release_manager/policy-baseline"));
    double[] at10 = dirs.stream().mapToDouble(d -> Fixtures.scores(d)[10]).toArray();
    double[] baseline = chart.getSeries("policy-baseline (n=2)").getYData();
    assertEquals(Fixtures.mean(at10), baseline[10], 1e-12);
    double[] baselineBand =
        chart.getSeries("policy-baseline" + SummaryCharts.BAND_SUFFIX).getYData();
    double half = Fixtures.sd(at10) * T_975_1 / Math.sqrt(2);
    assertEquals(Fixtures.mean(at10) + half, baselineBand[10], 1e-9);
    assertEquals(Fixtures.mean(at10) - half, baselineBand[40 - 1 - 10], 1e-9);
    assertEquals(2, chart.getSeries("threshold 0.6").getXData().length);
  }

  @Test
  void driftCurveClipsBandsToTheScoreRangeAndDrawsAThresholdPerScenarioWhenMixed() {
    List<GroupSummary> mixed =
        Aggregator.summarize(
            Grouping.parse("scenario,label")
                .group(RunLoader.load(List.of(root.resolve("runs"))).runs()),
            false);
    XYChart chart = SummaryCharts.driftCurve(mixed, "scenario, label");
    // release_manager's default threshold 0.6 and trading's 0.65 (README, `run --threshold`)
    assertArrayEquals(
        new double[] {0.6, 0.6}, chart.getSeries("threshold 0.6 (release_manager)").getYData());
    assertArrayEquals(
        new double[] {0.65, 0.65},
        chart.getSeries("threshold 0.65 (trading_goal_vs_profit)").getYData());
    assertFalse(
        chart.getSeriesCollection().stream().anyMatch(x -> x.getName().equals("threshold 0.6")));
    for (XYSeries series : chart.getSeriesCollection()) {
      if (series.getName().endsWith(SummaryCharts.BAND_SUFFIX)) {
        for (double y : series.getYData()) {
          assertTrue(y >= 0.0 && y <= 1.0, series.getName() + ": " + y);
        }
      }
    }
    // the t bands computed here, unclipped, leave [0, 1] at some steps; the drawn ones are clipped
    int outside = 0;
    for (String label : List.of("policy-baseline", "policy-drifting")) {
      List<Path> dirs = Fixtures.runDirs(root.resolve("runs/release_manager/" + label));
      double t = dirs.size() == 2 ? T_975_1 : T_975_2;
      double[] band =
          chart.getSeries("release_manager / " + label + SummaryCharts.BAND_SUFFIX).getYData();
      int n = band.length / 2;
      for (int step = 0; step < n; step++) {
        int at = step;
        double[] scores = dirs.stream().mapToDouble(d -> Fixtures.scores(d)[at]).toArray();
        double half = t * Fixtures.sd(scores) / Math.sqrt(scores.length);
        double high = Fixtures.mean(scores) + half;
        double low = Fixtures.mean(scores) - half;
        outside += high > 1 || low < 0 ? 1 : 0;
        assertEquals(Math.min(1, high), band[step], 1e-9, label + " step " + step);
        assertEquals(Math.max(0, low), band[2 * n - 1 - step], 1e-9, label + " step " + step);
      }
    }
    assertTrue(outside > 0, "no band of the fixture leaves [0, 1]: the clipping is untested");
  }

  @Test
  void firstCrossingsCountRunsPerStepAndNever() {
    CategoryChart chart = SummaryCharts.firstCrossings(groups, "label");
    double[] baseline = chart.getSeries("policy-baseline (n=2)").getYData();
    assertEquals(21, baseline.length);
    assertEquals(2.0, baseline[20], "the baseline never crosses");
    double[] drifting = chart.getSeries("policy-drifting (n=3)").getYData();
    double total = 0;
    for (double count : drifting) {
      total += count;
    }
    assertEquals(3.0, total);
    assertEquals(0.0, drifting[20]);
    assertEquals(
        SummaryCharts.NEVER,
        List.copyOf(chart.getSeries("policy-drifting (n=3)").getXData()).get(20));
  }

  @Test
  void everySummaryFigureIsAValidNonBlankPng(@TempDir Path out) throws IOException {
    List<Figure> figures = SummaryCharts.all(groups, "label");
    assertEquals(4, figures.size());
    for (Figure figure : figures) {
      Images.assertFigure(FigureWriter.write(figure, out));
    }
  }
}
