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

/**
 * Checks that a PNG is a readable image of the figure size with real content, an SVG a well-formed
 * XML document of that size with drawn paths, and a PDF a PDF file of that page size.
 */
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

  /** Parses the SVG as XML (no network: no DTD is fetched) and checks its size and content. */
  public static void assertSvg(Path svg) throws Exception {
    javax.xml.parsers.DocumentBuilderFactory factory =
        javax.xml.parsers.DocumentBuilderFactory.newInstance();
    factory.setNamespaceAware(true);
    factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
    org.w3c.dom.Document document = factory.newDocumentBuilder().parse(svg.toFile());
    org.w3c.dom.Element root = document.getDocumentElement();
    assertEquals("svg", root.getLocalName());
    assertTrue(root.getAttribute("width").startsWith(Integer.toString(ChartStyle.WIDTH)));
    assertTrue(root.getAttribute("height").startsWith(Integer.toString(ChartStyle.HEIGHT)));
    int drawn =
        document.getElementsByTagNameNS("*", "path").getLength()
            + document.getElementsByTagNameNS("*", "line").getLength()
            + document.getElementsByTagNameNS("*", "polyline").getLength();
    // XChart draws text as glyph outlines, so titles and labels are paths too
    assertTrue(drawn > 30, "only " + drawn + " drawn elements");
  }

  /** A PDF starts with {@code %PDF-}, ends with {@code %%EOF}, and has one page of figure size. */
  public static void assertPdf(Path pdf) throws IOException {
    byte[] bytes = Files.readAllBytes(pdf);
    String text = new String(bytes, java.nio.charset.StandardCharsets.ISO_8859_1);
    assertTrue(text.startsWith("%PDF-"), "no %PDF- header");
    assertTrue(text.stripTrailing().endsWith("%%EOF"), "no %%EOF trailer");
    assertTrue(text.contains("/Type /Page"), "no page");
    // one figure pixel is one PDF point: the page is the figure's size in points
    java.util.regex.Matcher box =
        java.util.regex.Pattern.compile("/MediaBox \\[0 0 ([0-9.]+) ([0-9.]+)\\]").matcher(text);
    assertTrue(box.find(), "no MediaBox");
    assertEquals(ChartStyle.WIDTH, Double.parseDouble(box.group(1)), 0.01);
    assertEquals(ChartStyle.HEIGHT, Double.parseDouble(box.group(2)), 0.01);
    assertTrue(bytes.length > 2000, "only " + bytes.length + " bytes");
  }
}
