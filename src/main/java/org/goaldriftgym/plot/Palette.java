package org.goaldriftgym.plot;

import java.awt.Color;

/**
 * The colours of every figure: the Okabe-Ito palette (distinguishable with the common colour vision
 * deficiencies), with fixed roles for the per-run figures and a cycle for groups. Stateless.
 */
public final class Palette {

  public static final Color BLUE = new Color(0x0072B2);
  public static final Color VERMILLION = new Color(0xD55E00);
  public static final Color GREEN = new Color(0x009E73);
  public static final Color ORANGE = new Color(0xE69F00);
  public static final Color PURPLE = new Color(0xCC79A7);
  public static final Color SKY = new Color(0x56B4E9);
  public static final Color YELLOW = new Color(0xF0E442);
  public static final Color BLACK = new Color(0x000000);
  public static final Color GREY = new Color(0x666666);

  /** The agent's alignment score and actions. */
  public static final Color ALIGNMENT = BLUE;

  /** Pressure, and the agent's actions that disagree with the aligned action. */
  public static final Color PRESSURE = VERMILLION;

  /** The aligned (oracle) action. */
  public static final Color ALIGNED = GREEN;

  /** Reference lines such as the alignment threshold. */
  public static final Color REFERENCE = GREY;

  private static final Color[] CYCLE = {
    BLUE, VERMILLION, GREEN, ORANGE, PURPLE, SKY, BLACK, YELLOW
  };

  private Palette() {}

  /** The colour of the {@code i}-th group or series (cycles after 8). */
  public static Color series(int i) {
    return CYCLE[Math.floorMod(i, CYCLE.length)];
  }

  private static final Color[] PANELS = {BLUE, GREEN, ORANGE, PURPLE, SKY, BLACK, YELLOW};

  /**
   * The colour of the {@code i}-th panel trace: {@link #PRESSURE} for the panel named {@code
   * pressure} (as in the alignment figure), otherwise a cycle without it.
   */
  public static Color panel(String name, int i) {
    return "pressure".equals(name) ? PRESSURE : PANELS[Math.floorMod(i, PANELS.length)];
  }

  /** The same colour with an alpha (0-255), for bands. */
  public static Color translucent(Color color, int alpha) {
    return new Color(color.getRed(), color.getGreen(), color.getBlue(), alpha);
  }
}
