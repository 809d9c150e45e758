package org.goaldriftgym.plot;

import de.erichseifert.vectorgraphics2d.Processor;
import de.erichseifert.vectorgraphics2d.VectorGraphics2D;
import de.erichseifert.vectorgraphics2d.pdf.PDFProcessor;
import de.erichseifert.vectorgraphics2d.svg.SVGProcessor;
import de.erichseifert.vectorgraphics2d.util.PageSize;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.goaldriftgym.artifact.AtomicFiles;
import org.knowm.xchart.ChartEncoder;

/**
 * Writes figures as PNG with XChart's {@link ChartEncoder}, or as SVG or PDF by painting the chart
 * onto VectorGraphics2D's recording {@code Graphics2D} (as XChart's own {@code
 * VectorGraphicsEncoder} does for SVG; PDF uses VectorGraphics2D's processor too, so no PDFBox is
 * needed). No window is opened; run the JVM with {@code -Djava.awt.headless=true} where there is no
 * display. Files are written to a temporary name and renamed. Stateless.
 */
public final class FigureWriter {

  private FigureWriter() {}

  static {
    // ImageIO otherwise backs every encoded stream with a temporary file; figures are small and
    // encoded in memory, and the bytes are the same either way
    ImageIO.setUseCache(false);
  }

  /** The PNG bytes of a figure. */
  public static byte[] png(Figure figure) throws IOException {
    return ChartEncoder.getBytes(figure.chart(), "png");
  }

  /** The bytes of a figure in a format. */
  public static byte[] bytes(Figure figure, FigureFormat format) throws IOException {
    return switch (format) {
      case PNG -> png(figure);
      case SVG -> vector(figure, new SVGProcessor(), 1.0);
      // VectorGraphics2D's PDF is in millimetres: draw and size the page so a pixel is a point
      case PDF -> vector(figure, new PDFProcessor(true), MM_PER_POINT);
    };
  }

  private static final double MM_PER_POINT = 25.4 / 72.0;

  private static byte[] vector(Figure figure, Processor processor, double pageUnit)
      throws IOException {
    int width = figure.chart().getWidth();
    int height = figure.chart().getHeight();
    VectorGraphics2D graphics = new VectorGraphics2D();
    graphics.scale(pageUnit, pageUnit);
    figure.chart().paint(graphics, width, height);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    processor
        .getDocument(
            graphics.getCommands(), new PageSize(0.0, 0.0, width * pageUnit, height * pageUnit))
        .writeTo(out);
    return out.toByteArray();
  }

  /** Writes {@code <dir>/<name>.png}, creating {@code dir}, and returns the file. */
  public static Path write(Figure figure, Path dir) throws IOException {
    return write(figure, dir, FigureFormat.PNG);
  }

  /** Writes {@code <dir>/<name>.<extension>}, creating {@code dir}, and returns the file. */
  public static Path write(Figure figure, Path dir, FigureFormat format) throws IOException {
    Files.createDirectories(dir);
    Path file = dir.resolve(figure.name() + "." + format.extension());
    AtomicFiles.write(file, bytes(figure, format));
    return file;
  }
}
