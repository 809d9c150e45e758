package org.goaldriftgym.plot;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.style.AxesChartStyler;
import org.knowm.xchart.style.Styler;

/** The shared look of every figure: size, fonts, grid and legend. Stateless. */
public final class ChartStyle {

  /** Width of every figure in pixels. */
  public static final int WIDTH = 900;

  /** Height of every figure in pixels. */
  public static final int HEIGHT = 560;

  static final BasicStroke DASHED =
      new BasicStroke(
          1.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {6f, 4f}, 0f);

  private ChartStyle() {}

  /** The {@code i}-th of a few distinct dash patterns (0 is {@link #DASHED}). */
  static BasicStroke dashed(int i) {
    float[][] patterns = {{6f, 4f}, {2f, 3f}, {10f, 3f, 2f, 3f}, {12f, 6f}};
    return new BasicStroke(
        1.5f,
        BasicStroke.CAP_BUTT,
        BasicStroke.JOIN_MITER,
        10f,
        patterns[Math.floorMod(i, patterns.length)],
        0f);
  }

  /** A styled, empty XY chart. */
  public static XYChart xy(String title, String xTitle, String yTitle) {
    XYChart chart = new XYChart(WIDTH, HEIGHT);
    chart.setTitle(title);
    chart.setXAxisTitle(xTitle);
    chart.setYAxisTitle(yTitle);
    apply(chart.getStyler());
    return chart;
  }

  /** A styled, empty category (bar) chart. */
  public static CategoryChart category(String title, String xTitle, String yTitle) {
    CategoryChart chart = new CategoryChart(WIDTH, HEIGHT);
    chart.setTitle(title);
    chart.setXAxisTitle(xTitle);
    chart.setYAxisTitle(yTitle);
    apply(chart.getStyler());
    return chart;
  }

  private static void apply(AxesChartStyler styler) {
    styler.setChartBackgroundColor(Color.WHITE);
    styler.setPlotBackgroundColor(Color.WHITE);
    styler.setPlotBorderVisible(true);
    styler.setPlotGridLinesColor(new Color(0xDDDDDD));
    styler.setChartTitleFont(new Font(Font.SANS_SERIF, Font.BOLD, 16));
    styler.setChartTitleBoxVisible(false);
    styler.setAxisTitleFont(new Font(Font.SANS_SERIF, Font.PLAIN, 13));
    styler.setAxisTickLabelsFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
    styler.setLegendFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
    styler.setLegendPosition(Styler.LegendPosition.OutsideS);
    styler.setLegendLayout(Styler.LegendLayout.Horizontal);
    styler.setLegendBorderColor(Color.WHITE);
    styler.setAntiAlias(true);
    styler.setMarkerSize(7);
    styler.setChartPadding(12);
  }
}
