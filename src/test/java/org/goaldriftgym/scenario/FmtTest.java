package org.goaldriftgym.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Locale;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * {@link Fmt#fixed} writes what Python's {@code f"{x:.nf}"} writes; {@link Fmt#javaFixed} exactly
 * what {@code String.format("%.nf")} writes.
 */
class FmtTest {

  private static void same(double x, int digits) {
    assertEquals(
        String.format(Locale.ROOT, "%." + digits + "f", x),
        Fmt.javaFixed(x, digits),
        () -> "x = " + x + ", digits = " + digits);
  }

  /** Python's {@code f"{x:.nf}"}: the exact value rounded half-even, the sign of zero kept. */
  private static String python(double x, int digits) {
    if (!Double.isFinite(x)) {
      return Double.isNaN(x) ? "nan" : x > 0 ? "inf" : "-inf";
    }
    BigDecimal rounded = new BigDecimal(x).setScale(digits, RoundingMode.HALF_EVEN);
    String text = rounded.toPlainString();
    return rounded.signum() == 0 && Double.compare(x, 0.0) < 0 ? "-" + text : text;
  }

  @Test
  void fixedRoundsTheExactValueHalfEvenAsPythonDoes() {
    SplittableRandom random = new SplittableRandom(7);
    for (int i = 0; i < 5_000; i++) {
      int digits = random.nextInt(7);
      double units = random.nextInt(2_000_000) - 1_000_000;
      double[] values = {
        random.nextDouble(-2.0, 2.0),
        random.nextDouble(-1e9, 1e9),
        (units + 0.5) / Math.pow(10, digits),
        -random.nextDouble() * Math.pow(10, -digits - 1)
      };
      for (double x : values) {
        assertEquals(python(x, digits), Fmt.fixed(x, digits), "x = " + x + ", digits " + digits);
        String signed = Fmt.signed(x, digits);
        assertEquals(signed.startsWith("-") ? signed : signed.substring(1), Fmt.fixed(x, digits));
      }
    }
    assertEquals("0.12", Fmt.fixed(0.125, 2));
    assertEquals("-0.00", Fmt.fixed(-0.0001, 2));
    assertEquals("+1.5", Fmt.signed(1.5, 1));
    assertEquals("1000000000000000.00", Fmt.fixed(1e15, 2));
    assertEquals("nan", Fmt.fixed(Double.NaN, 1));
  }

  @Test
  void agreesWithStringFormatOnEdgeCases() {
    double[] values = {
      0.0,
      -0.0,
      0.125,
      -0.125,
      0.0005,
      0.0015,
      0.0025,
      2.675,
      1.005,
      0.5,
      1.5,
      2.5,
      -2.5,
      1e-300,
      -1e-300,
      -0.0004,
      0.9995,
      0.9994999999999999,
      123456.7895,
      1e14 + 0.5,
      1e15,
      1e300,
      Double.MAX_VALUE,
      Double.MIN_VALUE,
      Double.NaN,
      Double.POSITIVE_INFINITY,
      Double.NEGATIVE_INFINITY
    };
    for (double x : values) {
      for (int digits = 0; digits <= 6; digits++) {
        same(x, digits);
      }
    }
  }

  @Test
  void agreesWithStringFormatOnRandomAndHalfwayValues() {
    SplittableRandom random = new SplittableRandom(42);
    for (int i = 0; i < 10_000; i++) {
      int digits = random.nextInt(7);
      same(random.nextDouble(-2.0, 2.0), digits);
      same(random.nextDouble(-1e6, 1e6), digits);
      // decimal halfway points such as 0.1235 (their doubles lie just above or below)
      double units = random.nextInt(2_000_000) - 1_000_000;
      same((units + 0.5) / Math.pow(10, digits), digits);
    }
  }
}
