package org.goaldriftgym.scenario;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** Python's {@code round(x, n)} for floats: the exact binary value rounded half-even. */
public final class PyRound {

  private static final double[] POWERS = new double[23];

  static {
    double power = 1.0;
    for (int i = 0; i < POWERS.length; i++) {
      POWERS[i] = power; // 10^i is exact in a double up to 10^22
      power *= 10.0;
    }
  }

  private PyRound() {}

  /**
   * Rounds the exact binary value of {@code x} to {@code digits} decimals, halfway cases to even,
   * keeping the sign of zero as Python does. Non-finite values are returned unchanged.
   *
   * <p>Fast path: when the scaled value {@code x * 10^digits} is clearly away from a halfway point
   * (further than its own rounding error), its nearest integer {@code k} is the correctly rounded
   * one, and {@code k / 10^digits} (one correctly rounded division of exact values) is the double
   * nearest to the decimal result, which is what Python returns. Otherwise the exact {@link
   * BigDecimal} computation decides.
   */
  public static double round(double x, int digits) {
    if (!Double.isFinite(x)) {
      return x;
    }
    if (digits >= 0 && digits < POWERS.length) {
      double scaled = x * POWERS[digits];
      if (Math.abs(scaled) < 0x1p52) {
        double floor = Math.floor(scaled);
        double distanceToHalf = Math.abs(scaled - floor - 0.5);
        if (distanceToHalf > 4 * Math.ulp(scaled)) {
          double rounded = Math.rint(scaled) / POWERS[digits];
          return rounded == 0.0 ? Math.copySign(0.0, x) : rounded;
        }
      }
    }
    double rounded = new BigDecimal(x).setScale(digits, RoundingMode.HALF_EVEN).doubleValue();
    return rounded == 0.0 ? Math.copySign(0.0, x) : rounded;
  }
}
