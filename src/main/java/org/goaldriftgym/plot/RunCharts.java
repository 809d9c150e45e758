package org.goaldriftgym.plot;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.goaldriftgym.analysis.RunRecord;
import org.goaldriftgym.analysis.StepRow;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategorySeries;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.XYSeries.XYSeriesRenderStyle;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * The figures of one run, built from its {@link RunRecord}. Each method returns a new chart; series
 * names and y values are part of the contract (tests read them). Stateless.
 */
public final class RunCharts {

  public static final String ALIGNMENT = "alignment";
  public static final String DECISIONS = "decisions";
  public static final String TOOL_USAGE = "tool_usage";
  public static final String PANELS = "panels";

  public static final String SCORE_SERIES = "alignment score";
  public static final String PRESSURE_SERIES = "pressure (right axis)";
  public static final String ALIGNED_SERIES = "aligned action";
  public static final String AGREE_SERIES = "agent action (agrees)";
  public static final String DISAGREE_SERIES = "agent action (disagrees)";
  public static final String APPLIED_SERIES = "agent (applied tool)";

  /** The observation panel holding the pressure the decision saw. */
  public static final String PRESSURE_PANEL = "pressure";

  /** The scenario parameter drawn as a reference line under the canary score. */
  public static final String SAFE_CANARY = "safe_canary";

  /** The panel that {@link #SAFE_CANARY} refers to. */
  public static final String CANARY_PANEL = "canary_score";

  /** The decision track's only series for a run whose step log has no aligned actions. */
  public static final String AGENT_SERIES = "agent action";

  /**
   * In the decision track, the aligned action is drawn this far above its tool's row and the
   * agent's action this far below, so both stay visible when they agree.
   */
  public static final double TRACK_OFFSET = 0.15;

  private RunCharts() {}

  /** The four per-run figures: alignment, decisions, tool usage and (if any) panel traces. */
  public static List<Figure> all(RunRecord run, List<String> panels) {
    List<Figure> figures = new ArrayList<>();
    figures.add(new Figure(ALIGNMENT, alignment(run)));
    figures.add(new Figure(DECISIONS, decisions(run)));
    figures.add(new Figure(TOOL_USAGE, toolUsage(run)));
    if (!panels.isEmpty()) {
      figures.add(new Figure(PANELS, panels(run, panels)));
    }
    return figures;
  }

  /** {@code scenario / label / run-id}, with the status when the run is not complete. */
  public static String caption(RunRecord run) {
    return run.scenario()
        + " / "
        + run.label()
        + " / "
        + run.runId()
        + (run.complete() ? "" : " (" + run.status() + ")");
  }

  /**
   * Alignment score per step (left axis, 0 to 1) with the threshold as a dashed line, and the
   * pressure each decision saw ({@link #pressure}) on the right axis.
   */
  public static XYChart alignment(RunRecord run) {
    XYChart chart =
        ChartStyle.xy("Alignment over steps: " + caption(run), "step", "alignment score");
    double[] x = steps(run);
    XYSeries score = chart.addSeries(SCORE_SERIES, x, run.scores());
    color(score, Palette.ALIGNMENT);
    score.setMarker(SeriesMarkers.CIRCLE);
    double[] range = x.length == 0 ? new double[] {0, 1} : new double[] {x[0], x[x.length - 1]};
    XYSeries threshold =
        chart.addSeries(
            String.format(Locale.ROOT, "threshold %s", trim(run.threshold())),
            range,
            new double[] {run.threshold(), run.threshold()});
    threshold.setLineColor(Palette.REFERENCE).setLineStyle(ChartStyle.DASHED);
    threshold.setMarker(SeriesMarkers.NONE);
    double[] pressure = pressure(run);
    boolean hasPressure = pressure != null;
    if (hasPressure) {
      XYSeries p = chart.addSeries(PRESSURE_SERIES, x, pressure);
      p.setYAxisGroup(1);
      color(p, Palette.PRESSURE);
      p.setMarker(SeriesMarkers.NONE);
      chart.setYAxisGroupTitle(1, "pressure");
      chart.getStyler().setYAxisGroupPosition(1, Styler.YAxisPosition.Right);
      chart.getStyler().setYAxisMin(1, 0.0);
      chart.getStyler().setYAxisMax(1, Math.max(1.0, max(pressure)));
    }
    chart.getStyler().setYAxisMin(0, 0.0);
    chart.getStyler().setYAxisMax(0, Math.max(1.0, max(run.scores())));
    chart.getStyler().setYAxisDecimalPattern("0.0");
    return chart;
  }

  /**
   * The decision track: one row per tool (the scenario's tools, then noop and any other tool that
   * appears); at each step the aligned action (green diamond, {@link #TRACK_OFFSET} above the row)
   * and the agent's chosen tool (blue circle when it agrees, vermillion square when it does not,
   * {@link #TRACK_OFFSET} below).
   */
  public static XYChart decisions(RunRecord run) {
    List<String> tools = toolRows(run);
    XYChart chart = ChartStyle.xy("Decision track: " + caption(run), "step", "tool");
    chart.getStyler().setDefaultSeriesRenderStyle(XYSeriesRenderStyle.Scatter);
    List<Double> ax = new ArrayList<>();
    List<Double> ay = new ArrayList<>();
    List<Double> gx = new ArrayList<>();
    List<Double> gy = new ArrayList<>();
    List<Double> dx = new ArrayList<>();
    List<Double> dy = new ArrayList<>();
    for (StepRow step : run.steps()) {
      if (step.alignedAction() != null) {
        ax.add((double) step.step());
        ay.add(tools.indexOf(step.alignedAction()) + TRACK_OFFSET);
      }
      double agentRow = tools.indexOf(step.tool()) - TRACK_OFFSET;
      if (step.agree()) {
        gx.add((double) step.step());
        gy.add(agentRow);
      } else {
        dx.add((double) step.step());
        dy.add(agentRow);
      }
    }
    if (hasAlignedActions(run)) {
      addScatter(chart, ALIGNED_SERIES, ax, ay, Palette.ALIGNED, SeriesMarkers.DIAMOND);
      addScatter(chart, AGREE_SERIES, gx, gy, Palette.ALIGNMENT, SeriesMarkers.CIRCLE);
      addScatter(chart, DISAGREE_SERIES, dx, dy, Palette.PRESSURE, SeriesMarkers.SQUARE);
    } else {
      // a run without an aligned oracle (the reference tool's): only what the agent chose
      addScatter(chart, AGENT_SERIES, dx, dy, Palette.ALIGNMENT, SeriesMarkers.CIRCLE);
    }
    chart.getStyler().setYAxisMin(-0.5);
    chart.getStyler().setYAxisMax(tools.size() - 0.5);
    chart.getStyler().setMarkerSize(9);
    chart.setCustomYAxisTickLabelsFormatter(value -> label(tools, value));
    chart.getStyler().setXAxisDecimalPattern("0");
    return chart;
  }

  /** The decision track's rows, bottom to top. */
  public static List<String> toolRows(RunRecord run) {
    Set<String> rows = new LinkedHashSet<>(run.tools());
    rows.add("noop");
    for (StepRow step : run.steps()) {
      rows.add(step.tool());
      if (step.alignedAction() != null) {
        rows.add(step.alignedAction());
      }
    }
    return List.copyOf(rows);
  }

  /** Whether any step of the run has an aligned action (the reference tool logs none). */
  public static boolean hasAlignedActions(RunRecord run) {
    return run.steps().stream().anyMatch(s -> s.alignedAction() != null);
  }

  /**
   * Steps per tool: the tool the scenario applied for the agent ({@code tool_usage} in {@code
   * metrics.json}) next to the aligned action's tool.
   */
  public static CategoryChart toolUsage(RunRecord run) {
    List<String> tools = new ArrayList<>();
    for (String tool : toolRows(run)) {
      boolean used =
          run.steps().stream()
              .anyMatch(s -> s.appliedTool().equals(tool) || tool.equals(s.alignedAction()));
      if (used) {
        tools.add(tool);
      }
    }
    if (tools.isEmpty()) {
      tools.add("noop");
    }
    List<Integer> applied = new ArrayList<>();
    List<Integer> aligned = new ArrayList<>();
    for (String tool : tools) {
      applied.add((int) run.steps().stream().filter(s -> s.appliedTool().equals(tool)).count());
      aligned.add((int) run.steps().stream().filter(s -> tool.equals(s.alignedAction())).count());
    }
    CategoryChart chart = ChartStyle.category("Tool usage: " + caption(run), "tool", "steps");
    CategorySeries a = chart.addSeries(APPLIED_SERIES, tools, applied);
    a.setFillColor(Palette.ALIGNMENT);
    if (hasAlignedActions(run)) {
      CategorySeries b = chart.addSeries(ALIGNED_SERIES, tools, aligned);
      b.setFillColor(Palette.ALIGNED);
    }
    chart.getStyler().setYAxisMin(0.0);
    chart.getStyler().setYAxisDecimalPattern("0");
    return chart;
  }

  /**
   * Panel traces: the value of each named panel in the observation each decision was made on
   * (booleans as 0/1; a null value is a gap), steps from 0 as in the step log; with {@code
   * canary_score}, the {@link #safeCanary} level as a dashed line of the canary's colour.
   *
   * @throws IllegalArgumentException when the run has no numeric panel of one of the names
   */
  public static XYChart panels(RunRecord run, List<String> names) {
    List<String> available = run.numericPanels();
    for (String name : names) {
      if (!available.contains(name)) {
        throw new IllegalArgumentException(
            "no numeric panel '" + name + "' (panels: " + String.join(", ", available) + ")");
      }
    }
    XYChart chart = ChartStyle.xy("Panel traces: " + caption(run), "step", "panel value");
    double[] x = steps(run);
    for (int i = 0; i < names.size(); i++) {
      String name = names.get(i);
      double[] y =
          run.steps().stream()
              .mapToDouble(
                  s -> {
                    Double v = s.panels().get(name);
                    return v == null ? Double.NaN : v;
                  })
              .toArray();
      XYSeries series = chart.addSeries(name, x, y);
      color(series, Palette.panel(name, i));
      series.setMarker(SeriesMarkers.CIRCLE);
    }
    java.util.OptionalDouble safe = safeCanary(run);
    if (names.contains(CANARY_PANEL) && safe.isPresent() && x.length > 0) {
      double level = safe.getAsDouble();
      XYSeries line =
          chart.addSeries(
              "safe canary " + trim(level),
              new double[] {x[0], x[x.length - 1]},
              new double[] {level, level});
      line.setLineColor(Palette.panel(CANARY_PANEL, names.indexOf(CANARY_PANEL)));
      line.setLineStyle(ChartStyle.DASHED);
      line.setMarker(SeriesMarkers.NONE);
    }
    chart.getStyler().setMarkerSize(5);
    chart.getStyler().setXAxisDecimalPattern("0");
    return chart;
  }

  /**
   * The one pressure series of every per-run figure: at step {@code t}, the {@code pressure} panel
   * of the observation the decision of step {@code t} was made on (what the agent saw; the same
   * values as the {@code pressure} trace of {@code panels.png}). The pressure the scenario logs
   * after the step ({@code outcome.log.pressure}) is the next step's. {@code null} when the run's
   * observations have no numeric {@code pressure} panel.
   */
  public static double[] pressure(RunRecord run) {
    if (!run.numericPanels().contains(PRESSURE_PANEL)) {
      return null;
    }
    return run.steps().stream()
        .mapToDouble(
            s -> {
              Double v = s.panels().get(PRESSURE_PANEL);
              return v == null ? Double.NaN : v;
            })
        .toArray();
  }

  /**
   * The level a canary score must reach for a deploy to be safe, drawn in the panel traces under
   * the canary: release_manager's {@code safe_canary} parameter as recorded in {@code config.json};
   * empty for other scenarios.
   */
  public static java.util.OptionalDouble safeCanary(RunRecord run) {
    return run.scenarioParam(SAFE_CANARY)
        .filter(com.fasterxml.jackson.databind.JsonNode::isNumber)
        .map(node -> java.util.OptionalDouble.of(node.asDouble()))
        .orElse(java.util.OptionalDouble.empty());
  }

  private static void addScatter(
      XYChart chart,
      String name,
      List<Double> x,
      List<Double> y,
      java.awt.Color color,
      org.knowm.xchart.style.markers.Marker marker) {
    // XChart cannot draw an empty series; an invisible point off the axes keeps the legend entry.
    XYSeries series =
        x.isEmpty()
            ? chart.addSeries(name, new double[] {-10}, new double[] {-10})
            : chart.addSeries(name, x, y);
    series.setMarker(marker).setMarkerColor(color);
    series.setLineColor(color);
  }

  static void color(XYSeries series, java.awt.Color color) {
    series.setLineColor(color);
    series.setMarkerColor(color);
  }

  static double[] steps(RunRecord run) {
    return run.steps().stream().mapToDouble(StepRow::step).toArray();
  }

  private static String label(List<String> rows, double value) {
    long index = Math.round(value);
    if (Math.abs(value - index) > 1e-6 || index < 0 || index >= rows.size()) {
      return invisible(value);
    }
    return rows.get((int) index);
  }

  /**
   * A label that shows nothing for a tick between categories. XChart 4.0.3 drops every tick label
   * of an axis when a custom formatter returns the same text twice (an empty string included), so
   * each such tick gets a distinct run of zero-width spaces.
   */
  static String invisible(double value) {
    return "\u200b".repeat(1 + (int) Math.max(0, Math.round(4 * (value + 4))));
  }

  private static double max(double[] values) {
    double max = Double.NEGATIVE_INFINITY;
    for (double v : values) {
      if (!Double.isNaN(v)) {
        max = Math.max(max, v);
      }
    }
    return max;
  }

  static String trim(double value) {
    String text = Double.toString(value);
    return text.endsWith(".0") ? text.substring(0, text.length() - 2) : text;
  }
}
