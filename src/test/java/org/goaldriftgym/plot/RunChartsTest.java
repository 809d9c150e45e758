package org.goaldriftgym.plot;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.goaldriftgym.analysis.Fixtures;
import org.goaldriftgym.analysis.RunLoader;
import org.goaldriftgym.analysis.RunRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategorySeries;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;

class RunChartsTest {

  @TempDir static Path root;
  static RunRecord drifting;
  static RunRecord trading;

  @BeforeAll
  static void load() {
    System.setProperty("java.awt.headless", "true");
    Path runs = Fixtures.makeRuns(root);
    List<RunRecord> all = RunLoader.load(List.of(runs)).runs();
    drifting =
        all.stream()
            .filter(
                r -> r.label().equals("policy-drifting") && r.scenario().equals("release_manager"))
            .findFirst()
            .orElseThrow();
    trading =
        all.stream().filter(r -> r.scenario().startsWith("trading")).findFirst().orElseThrow();
  }

  @Test
  void alignmentHasScoresThresholdAndPressureOnTheRightAxis() {
    XYChart chart = RunCharts.alignment(drifting);
    double[] scores = Fixtures.scores(drifting.dir());
    XYSeries score = chart.getSeries(RunCharts.SCORE_SERIES);
    assertArrayEquals(scores, score.getYData());
    assertEquals(20, score.getXData().length);
    XYSeries threshold = chart.getSeries("threshold 0.6");
    assertArrayEquals(new double[] {0.6, 0.6}, threshold.getYData());
    XYSeries pressure = chart.getSeries(RunCharts.PRESSURE_SERIES);
    assertEquals(1, pressure.getYAxisGroup());
    // the pressure the decision saw: the observation's panel, not the log's after-step value
    double[] expected =
        Fixtures.steps(drifting.dir()).stream()
            .mapToDouble(s -> s.at("/observation/panels/pressure").asDouble())
            .toArray();
    assertArrayEquals(expected, pressure.getYData());
    assertArrayEquals(
        expected, RunCharts.panels(drifting, List.of("pressure")).getSeries("pressure").getYData());
    double[] logged =
        Fixtures.steps(drifting.dir()).stream()
            .mapToDouble(s -> s.at("/outcome/log/pressure").asDouble())
            .toArray();
    // the log's pressure after step t is what step t + 1 saw
    for (int t = 0; t + 1 < logged.length; t++) {
      assertEquals(logged[t], expected[t + 1], 1e-9, "step " + t);
    }
    assertEquals(0.0, score.getXData()[0], "steps count from 0 as in the step log");
    assertEquals("step", chart.getXAxisTitle());
    assertEquals("alignment score", chart.getYAxisTitle());
    assertEquals("pressure", chart.getYAxisGroupTitle(1));
    assertTrue(chart.getTitle().contains(drifting.runId()));
  }

  @Test
  void decisionTrackShowsEveryStepAndEveryDisagreement() {
    XYChart chart = RunCharts.decisions(drifting);
    List<String> rows = RunCharts.toolRows(drifting);
    assertEquals(List.of("run_tests", "check_canary", "deploy", "rollback", "noop"), rows);
    List<JsonNode> steps = Fixtures.steps(drifting.dir());
    List<Double> aligned = new ArrayList<>();
    List<Double> disagreeSteps = new ArrayList<>();
    for (JsonNode step : steps) {
      aligned.add(
          rows.indexOf(step.at("/action/optimal_action").asText()) + RunCharts.TRACK_OFFSET);
      if (!step.at("/action/tool").asText().equals(step.at("/action/optimal_action").asText())) {
        disagreeSteps.add(step.get("step").asDouble());
      }
    }
    XYSeries alignedSeries = chart.getSeries(RunCharts.ALIGNED_SERIES);
    assertArrayEquals(
        aligned.stream().mapToDouble(Double::doubleValue).toArray(), alignedSeries.getYData());
    XYSeries disagree = chart.getSeries(RunCharts.DISAGREE_SERIES);
    assertArrayEquals(
        disagreeSteps.stream().mapToDouble(Double::doubleValue).toArray(), disagree.getXData());
    XYSeries agree = chart.getSeries(RunCharts.AGREE_SERIES);
    assertEquals(20, agree.getXData().length + disagree.getXData().length);
    assertTrue(disagreeSteps.size() > 5, "a drifting run disagrees often");
  }

  @Test
  void toolUsageCountsAppliedAndAlignedTools() {
    CategoryChart chart = RunCharts.toolUsage(drifting);
    CategorySeries applied = chart.getSeries(RunCharts.APPLIED_SERIES);
    JsonNode usage = Fixtures.json(drifting.dir().resolve("metrics.json")).get("tool_usage");
    List<?> tools = new ArrayList<>(applied.getXData());
    double[] counts = applied.getYData();
    for (int i = 0; i < tools.size(); i++) {
      assertEquals(
          usage.path((String) tools.get(i)).asInt(0), (int) counts[i], tools.get(i).toString());
    }
    double total = 0;
    for (double c : chart.getSeries(RunCharts.ALIGNED_SERIES).getYData()) {
      total += c;
    }
    assertEquals(20.0, total);
  }

  @Test
  void panelTracesUseTheScenarioDefaultsAndRejectUnknownPanels() {
    PanelSelection defaults = PanelSelection.of(trading, List.of());
    assertEquals(List.of("green_allocation", "emission_intensity", "pressure"), defaults.found());
    XYChart chart = RunCharts.panels(trading, defaults.found());
    assertEquals(3, chart.getSeriesCollection().size());
    double[] green =
        Fixtures.steps(trading.dir()).stream()
            .mapToDouble(s -> s.at("/observation/panels/green_allocation").asDouble())
            .toArray();
    assertArrayEquals(green, chart.getSeries("green_allocation").getYData());
    PanelSelection asked = PanelSelection.of(drifting, List.of("canary_score", "nope"));
    assertEquals(List.of("canary_score"), asked.found());
    assertEquals(List.of("nope"), asked.missing());
    assertThrows(IllegalArgumentException.class, () -> RunCharts.panels(drifting, List.of("nope")));
    assertTrue(
        Double.isNaN(
            RunCharts.panels(drifting, List.of("canary_score"))
                .getSeries("canary_score")
                .getYData()[0]));
  }

  @Test
  void panelTracesDrawTheSafeCanaryLevelUnderTheCanary() {
    double safe =
        Fixtures.json(drifting.dir().resolve("config.json"))
            .at("/scenario_config/safe_canary")
            .asDouble();
    XYChart chart = RunCharts.panels(drifting, List.of("canary_score", "pressure"));
    XYSeries line = chart.getSeries("safe canary " + RunCharts.trim(safe));
    assertArrayEquals(new double[] {safe, safe}, line.getYData());
    assertArrayEquals(new double[] {0, 19}, line.getXData());
    assertEquals("step", chart.getXAxisTitle());
    // no canary, no line; no line for a scenario without the parameter
    assertEquals(1, RunCharts.panels(drifting, List.of("pressure")).getSeriesCollection().size());
    assertTrue(RunCharts.safeCanary(trading).isEmpty());
  }

  @Test
  void everyFigureIsAlsoAValidSvgAndPdf(@TempDir Path out) throws Exception {
    for (Figure figure : RunCharts.all(drifting, List.of("canary_score", "pressure"))) {
      Path svg = FigureWriter.write(figure, out, FigureFormat.SVG);
      assertEquals(figure.name() + ".svg", svg.getFileName().toString());
      Images.assertSvg(svg);
      Path pdf = FigureWriter.write(figure, out, FigureFormat.PDF);
      Images.assertPdf(pdf);
    }
  }

  @Test
  void everyFigureIsAValidNonBlankPng(@TempDir Path out) throws IOException {
    for (RunRecord run : List.of(drifting, trading)) {
      List<Figure> figures = RunCharts.all(run, PanelSelection.of(run, List.of()).found());
      assertEquals(4, figures.size());
      for (Figure figure : figures) {
        Images.assertFigure(FigureWriter.write(figure, out.resolve(run.runId())));
      }
    }
  }
}
