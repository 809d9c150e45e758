package org.goaldriftgym.plot;

import java.util.ArrayList;
import java.util.List;
import org.goaldriftgym.analysis.GroupSummary;
import org.goaldriftgym.analysis.SurvivalStep;
import org.goaldriftgym.analysis.TimeToCrossing;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.XYSeries.XYSeriesRenderStyle;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * The time-to-crossing figure: per group, the Kaplan-Meier curve of the share of runs that have not
 * yet crossed the threshold after t steps, as a step function with its translucent pointwise 95%
 * log-log band (see {@link TimeToCrossing}; with epochs, the band of the cluster bootstrap over
 * seeds); runs that never crossed are censored, so a curve that stays high shows groups that held.
 * Colours follow {@link Palette#series} in group order, as in {@link SummaryCharts}. Stateless.
 */
public final class SurvivalCharts {

  public static final String TIME_TO_CROSSING = "time_to_crossing";

  private SurvivalCharts() {}

  /** The figure, named {@value #TIME_TO_CROSSING}. */
  public static Figure figure(List<GroupSummary> groups, String groupedBy) {
    return new Figure(TIME_TO_CROSSING, timeToCrossing(groups, groupedBy));
  }

  /**
   * The legend name of a group's curve: {@code <group> (n=<runs>, <censored> censored)}, {@code
   * n=10 seeds × 3 epochs (30 runs)} with epochs; its band is {@code <group>}{@link
   * SummaryCharts#BAND_SUFFIX}, not in the legend.
   */
  public static String seriesName(GroupSummary group) {
    return group.name()
        + " (n="
        + group.sampleSize()
        + ", "
        + group.timeToCrossing().censored()
        + " censored)";
  }

  /** Kaplan-Meier curves of the time to crossing, one per group, with 95% bands. */
  public static XYChart timeToCrossing(List<GroupSummary> groups, String groupedBy) {
    XYChart chart =
        ChartStyle.xy(
            "Time to crossing the threshold by " + groupedBy + " (Kaplan-Meier, 95% log-log band)",
            "steps taken",
            "share of runs not yet crossed");
    chart.getStyler().setLegendLayout(org.knowm.xchart.style.Styler.LegendLayout.Vertical);
    boolean any = false;
    for (int g = 0; g < groups.size(); g++) {
      GroupSummary group = groups.get(g);
      if (group.n() == 0) {
        continue;
      }
      any = true;
      TimeToCrossing ttc = group.timeToCrossing();
      Curve curve = Curve.of(ttc);
      XYSeries band =
          chart.addSeries(group.name() + SummaryCharts.BAND_SUFFIX, curve.bandX(), curve.bandY());
      band.setXYSeriesRenderStyle(XYSeriesRenderStyle.PolygonArea);
      band.setFillColor(Palette.translucent(Palette.series(g), 50));
      band.setLineColor(Palette.translucent(Palette.series(g), 0));
      band.setMarker(SeriesMarkers.NONE);
      band.setShowInLegend(false);
      XYSeries line = chart.addSeries(seriesName(group), curve.x(), curve.y());
      line.setXYSeriesRenderStyle(XYSeriesRenderStyle.Line);
      RunCharts.color(line, Palette.series(g));
      line.setMarker(SeriesMarkers.NONE);
    }
    if (!any) {
      chart.addSeries("no runs", new double[] {0}, new double[] {1}).setMarker(SeriesMarkers.NONE);
    }
    chart.getStyler().setYAxisMin(0.0);
    chart.getStyler().setYAxisMax(1.0);
    chart.getStyler().setXAxisMin(0.0);
    chart.getStyler().setYAxisDecimalPattern("0.0");
    return chart;
  }

  /**
   * A step function from time 0 to the horizon and its band polygon (the band is the curve itself
   * where the interval is undefined: before the first crossing and after the last run crossed).
   */
  record Curve(double[] x, double[] y, double[] bandX, double[] bandY) {

    static Curve of(TimeToCrossing ttc) {
      List<double[]> points = new ArrayList<>(); // {x, survival, low, high}
      double s = 1;
      double low = 1;
      double high = 1;
      points.add(new double[] {0, s, low, high});
      for (SurvivalStep step : ttc.curve().steps()) {
        points.add(new double[] {step.time(), s, low, high}); // the flat up to the drop
        s = step.survival();
        low = Double.isNaN(step.ciLow()) ? s : step.ciLow();
        high = Double.isNaN(step.ciHigh()) ? s : step.ciHigh();
        points.add(new double[] {step.time(), s, low, high});
      }
      double end = Math.max(ttc.horizon(), points.get(points.size() - 1)[0]);
      points.add(new double[] {end, s, low, high});
      int n = points.size();
      double[] x = new double[n];
      double[] y = new double[n];
      double[] bandX = new double[2 * n];
      double[] bandY = new double[2 * n];
      for (int i = 0; i < n; i++) {
        double[] p = points.get(i);
        x[i] = p[0];
        y[i] = p[1];
        bandX[i] = p[0];
        bandY[i] = p[3];
        bandX[2 * n - 1 - i] = p[0];
        bandY[2 * n - 1 - i] = p[2];
      }
      return new Curve(x, y, bandX, bandY);
    }
  }
}
