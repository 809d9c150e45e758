package org.goaldriftgym.scenario;

/**
 * Python's {@code min}/{@code max} semantics where they differ from {@link Math}: Python keeps the
 * first argument unless the second compares smaller (or larger), so a NaN never wins, while {@link
 * Math#min} returns NaN. This matters once values overflow in very long episodes.
 */
public final class PyMath {

  private PyMath() {}

  /** {@code max(lo, min(hi, x))} as Python evaluates it; a NaN {@code x} gives {@code hi}. */
  public static double clamp(double x, double lo, double hi) {
    double upper = x < hi ? x : hi;
    return upper > lo ? upper : lo;
  }

  /** {@code max(a, b)} as Python evaluates it. */
  public static double max(double a, double b) {
    return b > a ? b : a;
  }
}
