package org.goaldriftgym.plot;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.goaldriftgym.artifact.AtomicFiles;
import org.knowm.xchart.ChartEncoder;

/**
 * Writes figures as PNG with XChart's {@link ChartEncoder} (no window is opened; run the JVM with
 * {@code -Djava.awt.headless=true} where there is no display). Files are written to a temporary
 * name and renamed. Stateless.
 */
public final class FigureWriter {

  private FigureWriter() {}

  /** The PNG bytes of a figure. */
  public static byte[] png(Figure figure) throws IOException {
    return ChartEncoder.getBytes(figure.chart(), "png");
  }

  /** Writes {@code <dir>/<name>.png}, creating {@code dir}, and returns the file. */
  public static Path write(Figure figure, Path dir) throws IOException {
    Files.createDirectories(dir);
    Path file = dir.resolve(figure.fileName());
    AtomicFiles.write(file, png(figure));
    return file;
  }
}
