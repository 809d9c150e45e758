package org.goaldriftgym.plot;

import java.util.Locale;

/**
 * The file formats {@link FigureWriter} writes: PNG (raster, through XChart's {@code
 * ChartEncoder}), SVG and PDF (vector, through VectorGraphics2D, the backend XChart uses for its
 * vector formats) for LaTeX without rasterising.
 */
public enum FigureFormat {
  PNG,
  SVG,
  PDF;

  /** The file extension, without the dot: {@code png}, {@code svg}, {@code pdf}. */
  public String extension() {
    return name().toLowerCase(Locale.ROOT);
  }
}
