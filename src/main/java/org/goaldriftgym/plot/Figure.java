package org.goaldriftgym.plot;

import java.util.Objects;
import org.knowm.xchart.internal.chartpart.Chart;

/**
 * A chart and the file name it is saved under ({@code <name>.png}). The chart is a mutable XChart
 * object; a figure is meant to be built, inspected and written once.
 *
 * @param name file stem, for example {@code alignment}
 * @param chart the XChart chart ({@code XYChart} or {@code CategoryChart})
 */
public record Figure(String name, Chart<?, ?> chart) {

  public Figure {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(chart, "chart");
  }

  public String fileName() {
    return name + ".png";
  }
}
