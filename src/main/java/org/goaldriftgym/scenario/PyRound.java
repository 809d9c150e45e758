package org.goaldriftgym.scenario;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** Python's {@code round(x, n)} for floats: the exact binary value rounded half-even. */
public final class PyRound {

  private PyRound() {}

  /**
   * Rounds the exact binary value of {@code x} to {@code digits} decimals, halfway cases to even,
   * keeping the sign of zero as Python does. Non-finite values are returned unchanged.
   */
  public static double round(double x, int digits) {
    if (!Double.isFinite(x)) {
      return x;
    }
    double rounded = new BigDecimal(x).setScale(digits, RoundingMode.HALF_EVEN).doubleValue();
    return rounded == 0.0 ? Math.copySign(0.0, x) : rounded;
  }
}
