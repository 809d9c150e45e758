package org.goaldriftgym.plot;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import org.goaldriftgym.analysis.Aggregator;
import org.goaldriftgym.analysis.Estimate;
import org.goaldriftgym.analysis.GroupSummary;
import org.goaldriftgym.analysis.RunRecord;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategorySeries;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.XYSeries.XYSeriesRenderStyle;
import org.knowm.xchart.internal.chartpart.Chart;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * The figures of many runs, one colour per group ({@link Palette#series}, in group order), from
 * {@link GroupSummary} values (see {@link Aggregator}). Groups with no aggregated run are left out.
 * Every series is named {@code <group> (n=<runs>)}. Intervals are 95% Student t intervals; a group
 * of one run has none (drawn without error bar or band). Stateless.
 */
public final class SummaryCharts {

  public static final String MEAN_ALIGNMENT = "mean_alignment";
  public static final String ALIGNMENT_SLOPE = "alignment_slope";
  public static final String DRIFT_CURVE = "drift_curve";
  public static final String FIRST_CROSSING = "first_crossing";

  /** The category of runs that never crossed the threshold in {@link #firstCrossings}. */
  public static final String NEVER = "never";

  /** Suffix of the (legend-less) band series of {@link #driftCurve}. */
  public static final String BAND_SUFFIX = " 95% CI";

  private SummaryCharts() {}

  /** The four summary figures. */
  public static List<Figure> all(List<GroupSummary> groups, String groupedBy) {
    return List.of(
        new Figure(MEAN_ALIGNMENT, meanAlignment(groups, groupedBy)),
        new Figure(ALIGNMENT_SLOPE, alignmentSlope(groups, groupedBy)),
        new Figure(DRIFT_CURVE, driftCurve(groups, groupedBy)),
        new Figure(FIRST_CROSSING, firstCrossings(groups, groupedBy)));
  }

  /** Group names can be long: one legend entry per line, below the plot. */
  private static <C extends Chart<?, ?>> C stackedLegend(C chart) {
    chart.getStyler().setLegendLayout(Styler.LegendLayout.Vertical);
    return chart;
  }

  /** The legend name of a group: {@code <group> (n=<runs>)}. */
  public static String seriesName(GroupSummary group) {
    return group.name() + " (n=" + group.n() + ")";
  }

  /** Mean of the per-run mean alignment score per group, with its 95% t interval. */
  public static XYChart meanAlignment(List<GroupSummary> groups, String groupedBy) {
    return points(
        groups,
        GroupSummary::meanAlignmentScore,
        "Mean alignment score by " + groupedBy + " (mean, 95% t CI)",
        "mean alignment score per run",
        groupedBy);
  }

  /** Mean of the per-run alignment slope per group, with its 95% t interval. */
  public static XYChart alignmentSlope(List<GroupSummary> groups, String groupedBy) {
    XYChart chart =
        points(
            groups,
            GroupSummary::alignmentSlope,
            "Alignment slope by " + groupedBy + " (mean, 95% t CI)",
            "alignment slope (score per step)",
            groupedBy);
    chart.getStyler().setYAxisDecimalPattern("0.000");
    return chart;
  }

  private static XYChart points(
      List<GroupSummary> groups,
      Function<GroupSummary, Estimate> metric,
      String title,
      String yTitle,
      String groupedBy) {
    List<GroupSummary> shown = shown(groups);
    XYChart chart = stackedLegend(ChartStyle.xy(title, groupedBy, yTitle));
    chart.getStyler().setDefaultSeriesRenderStyle(XYSeriesRenderStyle.Scatter);
    chart.getStyler().setErrorBarsColorSeriesColor(true);
    chart.getStyler().setMarkerSize(11);
    for (int i = 0; i < shown.size(); i++) {
      GroupSummary group = shown.get(i);
      Estimate e = metric.apply(group);
      double half = Double.isNaN(e.halfWidth()) ? 0.0 : e.halfWidth();
      XYSeries series =
          chart.addSeries(
              seriesName(group),
              new double[] {i + 1},
              new double[] {e.mean()},
              new double[] {half});
      RunCharts.color(series, Palette.series(indexOf(groups, group)));
      series.setMarker(SeriesMarkers.CIRCLE);
    }
    chart.getStyler().setXAxisMin(0.5);
    chart.getStyler().setXAxisMax(Math.max(shown.size(), 1) + 0.5);
    // Group names are in the legend: XChart 4.0.3 loops forever laying out long custom x labels.
    chart.getStyler().setXAxisTicksVisible(false);
    return chart;
  }

  /**
   * The drift curve: per group, the mean alignment score at each step over the group's runs, with a
   * translucent 95% t band ({@code <group> 95% CI}, not in the legend), all groups overlaid; the
   * threshold as a dashed line when all runs share one.
   */
  public static XYChart driftCurve(List<GroupSummary> groups, String groupedBy) {
    XYChart chart =
        stackedLegend(
            ChartStyle.xy(
                "Drift curve: mean alignment per step by " + groupedBy + " (95% t band)",
                "step",
                "mean alignment score"));
    int longest = 0;
    List<GroupSummary> shown = shown(groups);
    for (GroupSummary group : shown) {
      int colour = indexOf(groups, group);
      List<Estimate> curve = Aggregator.byStep(group.included());
      int n = curve.size();
      longest = Math.max(longest, n);
      double[] x = new double[n];
      double[] mean = new double[n];
      double[] polygonX = new double[2 * n];
      double[] polygonY = new double[2 * n];
      for (int i = 0; i < n; i++) {
        Estimate e = curve.get(i);
        x[i] = i;
        mean[i] = e.mean();
        polygonX[i] = i;
        polygonY[i] = Double.isNaN(e.ciHigh()) ? e.mean() : e.ciHigh();
        polygonX[2 * n - 1 - i] = i;
        polygonY[2 * n - 1 - i] = Double.isNaN(e.ciLow()) ? e.mean() : e.ciLow();
      }
      XYSeries band = chart.addSeries(group.name() + BAND_SUFFIX, polygonX, polygonY);
      band.setXYSeriesRenderStyle(XYSeriesRenderStyle.PolygonArea);
      band.setFillColor(Palette.translucent(Palette.series(colour), 60));
      band.setLineColor(Palette.translucent(Palette.series(colour), 0));
      band.setMarker(SeriesMarkers.NONE);
      band.setShowInLegend(false);
      XYSeries line = chart.addSeries(seriesName(group), x, mean);
      line.setXYSeriesRenderStyle(XYSeriesRenderStyle.Line);
      RunCharts.color(line, Palette.series(colour));
      line.setMarker(SeriesMarkers.CIRCLE);
    }
    List<Double> thresholds =
        shown.stream()
            .flatMap(g -> g.included().stream())
            .map(RunRecord::threshold)
            .distinct()
            .toList();
    if (thresholds.size() == 1 && longest > 0) {
      double t = thresholds.get(0);
      XYSeries line =
          chart.addSeries(
              "threshold " + RunCharts.trim(t), new double[] {0, longest - 1}, new double[] {t, t});
      line.setXYSeriesRenderStyle(XYSeriesRenderStyle.Line);
      line.setLineColor(Palette.REFERENCE);
      line.setLineStyle(ChartStyle.DASHED);
      line.setMarker(SeriesMarkers.NONE);
    }
    if (shown.isEmpty()) {
      chart.addSeries("no runs", new double[] {0}, new double[] {0}).setMarker(SeriesMarkers.NONE);
    }
    chart.getStyler().setYAxisMin(0.0);
    chart.getStyler().setYAxisMax(1.0);
    chart.getStyler().setMarkerSize(5);
    chart.getStyler().setYAxisDecimalPattern("0.0");
    return chart;
  }

  /**
   * Distribution of the first step below the threshold: per group, how many runs first crossed at
   * each step ({@code 0} to the longest run's {@code max_steps - 1}) and how many never did ({@link
   * #NEVER}).
   */
  public static CategoryChart firstCrossings(List<GroupSummary> groups, String groupedBy) {
    List<GroupSummary> shown = shown(groups);
    int maxSteps =
        shown.stream()
            .flatMap(g -> g.included().stream())
            .mapToInt(run -> Math.max(run.maxSteps(), run.steps().size()))
            .max()
            .orElse(1);
    List<String> categories = new ArrayList<>();
    for (int i = 0; i < maxSteps; i++) {
      categories.add(Integer.toString(i));
    }
    categories.add(NEVER);
    CategoryChart chart =
        stackedLegend(
            ChartStyle.category(
                "First step below the threshold by " + groupedBy,
                "first step below threshold",
                "runs"));
    chart.getStyler().setXAxisTickMarkSpacingHint(20);
    for (GroupSummary group : shown) {
      List<Integer> counts = new ArrayList<>();
      for (int i = 0; i <= maxSteps; i++) {
        counts.add(0);
      }
      for (RunRecord run : group.included()) {
        Integer first = run.metrics().firstPassBelowThreshold();
        int slot = first == null ? maxSteps : Math.min(first, maxSteps - 1);
        counts.set(slot, counts.get(slot) + 1);
      }
      CategorySeries series = chart.addSeries(seriesName(group), categories, counts);
      series.setFillColor(Palette.series(indexOf(groups, group)));
    }
    if (shown.isEmpty()) {
      List<Integer> zeros = categories.stream().map(c -> 0).toList();
      chart.addSeries("no runs", categories, zeros);
    }
    chart.getStyler().setYAxisMin(0.0);
    chart.getStyler().setYAxisDecimalPattern("0");
    chart.getStyler().setAvailableSpaceFill(0.8);
    return chart;
  }

  private static List<GroupSummary> shown(List<GroupSummary> groups) {
    return groups.stream().filter(g -> g.n() > 0).toList();
  }

  private static int indexOf(List<GroupSummary> groups, GroupSummary group) {
    for (int i = 0; i < groups.size(); i++) {
      if (Objects.equals(groups.get(i), group)) {
        return i;
      }
    }
    return 0;
  }
}
