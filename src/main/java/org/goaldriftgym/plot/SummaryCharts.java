package org.goaldriftgym.plot;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.geom.Line2D;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
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
import org.knowm.xchart.style.markers.Marker;
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

  /**
   * The legend name of a group: {@code <group> (n=<runs>)}, or {@code <group> (n=10 seeds × 3
   * epochs)} when a seed has several epochs (the intervals are over seeds).
   */
  public static String seriesName(GroupSummary group) {
    return group.name() + " (n=" + group.sampleSize() + ")";
  }

  /** Mean of the per-run mean alignment score per group, with its 95% t interval. */
  public static XYChart meanAlignment(List<GroupSummary> groups, String groupedBy) {
    return points(
        groups,
        GroupSummary::meanAlignmentScore,
        "Mean alignment score by " + groupedBy + " (mean, 95% t CI)",
        "mean alignment score per run",
        groupedBy,
        true);
  }

  /** Mean of the per-run alignment slope per group, with its 95% t interval. */
  public static XYChart alignmentSlope(List<GroupSummary> groups, String groupedBy) {
    XYChart chart =
        points(
            groups,
            GroupSummary::alignmentSlope,
            "Alignment slope by " + groupedBy + " (mean, 95% t CI)",
            "alignment slope (score per step)",
            groupedBy,
            false);
    chart.getStyler().setYAxisDecimalPattern("0.000");
    return chart;
  }

  private static XYChart points(
      List<GroupSummary> groups,
      Function<GroupSummary, Estimate> metric,
      String title,
      String yTitle,
      String groupedBy,
      boolean score) {
    List<GroupSummary> shown = shown(groups);
    XYChart chart = stackedLegend(ChartStyle.xy(title, groupedBy, yTitle));
    chart.getStyler().setDefaultSeriesRenderStyle(XYSeriesRenderStyle.Scatter);
    chart.getStyler().setMarkerSize(11);
    List<String> names = axisLabels(shown.stream().map(GroupSummary::name).toList());
    // One tick per whole x (0 and n + 1 are margins): every series has x values in 0..n+1, added
    // in increasing order, so XChart 4.0.3 puts ticks on those values only and its custom label
    // layout terminates (with ticks between data points it can loop forever).
    double[] slots = new double[shown.size() + 2];
    for (int i = 0; i < slots.length; i++) {
      slots[i] = i;
    }
    XYSeries margin =
        chart.addSeries(
            MARGIN_SERIES, slots, new double[slots.length]); // y 0: inside every range shown
    margin.setMarker(SeriesMarkers.NONE);
    margin.setShowInLegend(false);
    double low = Double.POSITIVE_INFINITY;
    double high = Double.NEGATIVE_INFINITY;
    for (int i = 0; i < shown.size(); i++) {
      GroupSummary group = shown.get(i);
      Color colour = Palette.series(indexOf(groups, group));
      Estimate e = metric.apply(group);
      double[] interval = whisker(e, score);
      double x = i + 1;
      if (interval != null) {
        XYSeries whisker =
            chart.addSeries(group.name() + BAND_SUFFIX, new double[] {x, x}, interval);
        whisker.setXYSeriesRenderStyle(XYSeriesRenderStyle.Line);
        whisker.setLineColor(colour);
        whisker.setLineStyle(new BasicStroke(1.8f));
        whisker.setMarker(new WhiskerCap()).setMarkerColor(colour);
        whisker.setShowInLegend(false);
        low = Math.min(low, interval[0]);
        high = Math.max(high, interval[1]);
      }
      XYSeries point =
          chart.addSeries(seriesName(group), new double[] {x}, new double[] {e.mean()});
      RunCharts.color(point, colour);
      point.setMarker(SeriesMarkers.CIRCLE);
      low = Math.min(low, e.mean());
      high = Math.max(high, e.mean());
    }
    double[] range = yRange(low, high, score);
    chart.updateXYSeries(MARGIN_SERIES, slots, constant(slots.length, range[0]), null);
    chart.getStyler().setYAxisMin(range[0]);
    chart.getStyler().setYAxisMax(range[1]);
    chart.setCustomXAxisTickLabelsFormatter(value -> slotLabel(names, value));
    chart.getStyler().setXAxisLabelRotation(rotation(names));
    return chart;
  }

  /** The name of a legend-less series that only spreads the x axis of the point figures. */
  public static final String MARGIN_SERIES = "\u200b";

  /**
   * The 95% t interval of an estimate as {low, high}, clipped to [0, 1] for scores (a score cannot
   * leave it), or {@code null} when there is none (one run).
   */
  static double[] whisker(Estimate e, boolean score) {
    if (Double.isNaN(e.halfWidth()) || Double.isNaN(e.mean())) {
      return null;
    }
    double lo = e.mean() - e.halfWidth();
    double hi = e.mean() + e.halfWidth();
    return score ? new double[] {clip(lo), clip(hi)} : new double[] {lo, hi};
  }

  static double clip(double score) {
    return Math.max(0.0, Math.min(1.0, score));
  }

  /**
   * A y range holding every point and whole whisker with 6% room either side; for scores never
   * wider than [0, 1] plus that room.
   */
  static double[] yRange(double low, double high, boolean score) {
    if (!Double.isFinite(low) || !Double.isFinite(high)) {
      return new double[] {0.0, 1.0};
    }
    double span = high - low;
    double pad = span > 0 ? 0.06 * span : Math.max(0.05, Math.abs(high) * 0.1);
    double min = low - pad;
    double max = high + pad;
    if (score) {
      min = Math.max(min, -0.02);
      max = Math.min(max, 1.02);
    }
    return new double[] {min, max};
  }

  private static double[] constant(int n, double value) {
    double[] values = new double[n];
    java.util.Arrays.fill(values, value);
    return values;
  }

  /**
   * XChart 4.0.3 gives up on (and for numeric axes, loops over) a custom tick label longer than
   * this many characters.
   */
  static final int MAX_LABEL = 20;

  /**
   * The x tick labels of the groups: each group's name, its middle cut to {@code ..} when longer
   * than {@value #MAX_LABEL} characters (the legend has the whole name and n), numbered when two
   * cut names would be equal.
   */
  static List<String> axisLabels(List<String> groupNames) {
    List<String> labels = groupNames.stream().map(n -> cut(n, MAX_LABEL)).toList();
    if (new java.util.HashSet<>(labels).size() == labels.size()) {
      return labels;
    }
    List<String> numbered = new ArrayList<>();
    for (int i = 0; i < groupNames.size(); i++) {
      String prefix = (i + 1) + ": ";
      numbered.add(prefix + cut(groupNames.get(i), MAX_LABEL - prefix.length()));
    }
    return numbered;
  }

  private static String cut(String text, int width) {
    if (text.length() <= width) {
      return text;
    }
    int head = (width - 2) / 2;
    return text.substring(0, head) + ".." + text.substring(text.length() - (width - 2 - head));
  }

  /** The x tick label at a slot: the group's name, or a distinct invisible label for a margin. */
  static String slotLabel(List<String> names, double value) {
    long index = Math.round(value);
    if (Math.abs(value - index) < 1e-6 && index >= 1 && index <= names.size()) {
      return names.get((int) index - 1);
    }
    // XChart drops all labels when two are equal; these stay shorter than any name
    return index <= 0 ? "\u200b" : "\u200b\u200b";
  }

  /** Tilted x labels when the group names would not fit side by side (about 7 px a character). */
  static int rotation(List<String> names) {
    int longest = names.stream().mapToInt(String::length).max().orElse(0);
    double slot = 760.0 / (names.size() + 1);
    return longest * 7 <= slot ? 0 : 30;
  }

  /** A short horizontal bar: the cap of a whisker. */
  static final class WhiskerCap extends Marker {
    @Override
    public void paint(Graphics2D g, double x, double y, int markerSize) {
      g.setStroke(new BasicStroke(1.8f));
      g.draw(new Line2D.Double(x - markerSize * 0.6, y, x + markerSize * 0.6, y));
    }
  }

  /**
   * The drift curve: per group, the mean alignment score at each step over the group's runs, with a
   * translucent 95% t band ({@code <group> 95% CI}, not in the legend, clipped to the score's range
   * [0, 1]), all groups overlaid, each with its own marker; the threshold as dashed lines (see
   * {@link #thresholdLines}).
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
        polygonY[i] = clip(Double.isNaN(e.ciHigh()) ? e.mean() : e.ciHigh());
        polygonX[2 * n - 1 - i] = i;
        polygonY[2 * n - 1 - i] = clip(Double.isNaN(e.ciLow()) ? e.mean() : e.ciLow());
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
      line.setMarker(MARKERS[Math.floorMod(colour, MARKERS.length)]);
    }
    if (longest > 0) {
      thresholdLines(chart, shown, longest);
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
            .mapToInt(run -> Math.max(run.maxSteps(), run.stepScores().size()))
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

  /** Markers of the drift curves, by group, so groups differ by more than colour. */
  private static final Marker[] MARKERS = {
    SeriesMarkers.CIRCLE,
    SeriesMarkers.SQUARE,
    SeriesMarkers.DIAMOND,
    SeriesMarkers.TRIANGLE_UP,
    SeriesMarkers.TRIANGLE_DOWN,
    SeriesMarkers.CROSS
  };

  /**
   * The threshold as dashed grey lines: one per distinct threshold of the runs shown, named {@code
   * threshold <t>}; when the runs mix scenarios, one per (scenario, threshold), named {@code
   * threshold <t> (<scenario>)}, with a different dash per line.
   */
  private static void thresholdLines(XYChart chart, List<GroupSummary> shown, int longest) {
    Map<String, Set<Double>> byScenario = new TreeMap<>();
    for (GroupSummary group : shown) {
      for (RunRecord run : group.included()) {
        byScenario.computeIfAbsent(run.scenario(), k -> new TreeSet<>()).add(run.threshold());
      }
    }
    boolean mixed = byScenario.size() > 1;
    Set<String> drawn = new LinkedHashSet<>();
    int line = 0;
    for (Map.Entry<String, Set<Double>> entry : byScenario.entrySet()) {
      for (double t : entry.getValue()) {
        String name = "threshold " + RunCharts.trim(t) + (mixed ? " (" + entry.getKey() + ")" : "");
        if (!drawn.add(name)) {
          continue;
        }
        XYSeries series = chart.addSeries(name, new double[] {0, longest - 1}, new double[] {t, t});
        series.setXYSeriesRenderStyle(XYSeriesRenderStyle.Line);
        series.setLineColor(Palette.REFERENCE);
        series.setLineStyle(ChartStyle.dashed(line++));
        series.setMarker(SeriesMarkers.NONE);
      }
    }
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
