package org.goaldriftgym.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import javax.imageio.ImageIO;

/** Checks that a PNG is a readable image of the figure size with real content. */
public final class Images {

  /** A blank or single-colour image has a handful of colours; a drawn chart has hundreds. */
  static final int MIN_COLOURS = 50;

  private Images() {}

  public static void assertFigure(Path png) throws IOException {
    assertFigure(Files.readAllBytes(png));
  }

  public static void assertFigure(byte[] png) throws IOException {
    BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
    assertNotNull(image, "not a readable image");
    assertEquals(ChartStyle.WIDTH, image.getWidth());
    assertEquals(ChartStyle.HEIGHT, image.getHeight());
    Set<Integer> colours = new HashSet<>();
    for (int y = 0; y < image.getHeight(); y += 2) {
      for (int x = 0; x < image.getWidth(); x += 2) {
        colours.add(image.getRGB(x, y));
      }
    }
    assertTrue(colours.size() > MIN_COLOURS, "only " + colours.size() + " colours");
  }
}
