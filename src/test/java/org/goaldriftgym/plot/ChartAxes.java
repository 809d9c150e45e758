package org.goaldriftgym.plot;

import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.lang.reflect.Field;
import java.util.List;
import org.knowm.xchart.internal.chartpart.AxesChart;
import org.knowm.xchart.internal.chartpart.AxisPair;
import org.knowm.xchart.internal.chartpart.AxisTickCalculator;

/**
 * The x tick labels XChart actually lays out when it paints a chart, read through its axis pair (a
 * protected field of XChart's {@code AxesChart}; read by reflection, tests only).
 */
final class ChartAxes {

  private ChartAxes() {}

  /** Paints the chart off-screen and returns the labels of its x axis ticks, left to right. */
  static List<String> xTickLabels(AxesChart<?, ?> chart) throws ReflectiveOperationException {
    BufferedImage image =
        new BufferedImage(chart.getWidth(), chart.getHeight(), BufferedImage.TYPE_INT_RGB);
    Graphics2D graphics = image.createGraphics();
    try {
      chart.paint(graphics, chart.getWidth(), chart.getHeight());
    } finally {
      graphics.dispose();
    }
    Field field = AxesChart.class.getDeclaredField("axisPair");
    field.setAccessible(true);
    AxisPair<?, ?> pair = (AxisPair<?, ?>) field.get(chart);
    AxisTickCalculator ticks = pair.getXAxis().getAxisTickCalculator();
    return List.copyOf(ticks.getTickLabels());
  }
}
