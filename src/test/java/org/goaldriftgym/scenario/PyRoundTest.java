package org.goaldriftgym.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/**
 * Spec tests for {@link PyRound}: Python's {@code round(x, n)} rounds the exact binary value of
 * {@code x} half-even, which differs from decimal or {@code Math.round(x * 10^n) / 10^n} rounding
 * on halfway-looking inputs. Each expected value was printed by CPython 3.11 for the expression in
 * the comment ({@code python3 -c 'print(repr(round(2.675, 2)))'}). Comparisons are exact; JUnit's
 * {@code assertEquals(double, double)} compares bit patterns, so it also tells {@code -0.0} from
 * {@code 0.0}.
 */
class PyRoundTest {

  private static void assertBits(double expected, double actual, String expression) {
    assertEquals(
        Double.doubleToRawLongBits(expected),
        Double.doubleToRawLongBits(actual),
        expression + ": expected " + expected + " but was " + actual);
  }

  @Test
  void binaryValueBelowTheDecimalHalfRoundsDown() {
    // round(2.675, 2) -> 2.67  (2.675 is 2.67499999999999982236431605997495353221893310546875)
    assertBits(2.67, PyRound.round(2.675, 2), "round(2.675, 2)");
    // round(1.0005, 3) -> 1.0  (1.0005 is 1.000499999999999944932938...)
    assertBits(1.0, PyRound.round(1.0005, 3), "round(1.0005, 3)");
    // round(1.005, 2) -> 1.0
    assertBits(1.0, PyRound.round(1.005, 2), "round(1.005, 2)");
    // round(0.845, 2) -> 0.84
    assertBits(0.84, PyRound.round(0.845, 2), "round(0.845, 2)");
    // round(-1.0005, 3) -> -1.0
    assertBits(-1.0, PyRound.round(-1.0005, 3), "round(-1.0005, 3)");
    // round(0.9105, 3) -> 0.91
    assertBits(0.91, PyRound.round(0.9105, 3), "round(0.9105, 3)");
  }

  @Test
  void binaryValueAboveTheDecimalHalfRoundsUp() {
    // round(0.0005, 3) -> 0.001  (0.0005 is 0.000500000000000000010408...)
    assertBits(0.001, PyRound.round(0.0005, 3), "round(0.0005, 3)");
    // round(0.7305, 3) -> 0.731
    assertBits(0.731, PyRound.round(0.7305, 3), "round(0.7305, 3)");
    // round(123456.785, 2) -> 123456.79
    assertBits(123456.79, PyRound.round(123456.785, 2), "round(123456.785, 2)");
    // round(1234.565, 2) -> 1234.57
    assertBits(1234.57, PyRound.round(1234.565, 2), "round(1234.565, 2)");
  }

  @Test
  void exactHalvesGoToEven() {
    // round(0.125, 2) -> 0.12  (0.125 is exact: half-even keeps the 2)
    assertBits(0.12, PyRound.round(0.125, 2), "round(0.125, 2)");
    // round(0.375, 2) -> 0.38  (0.375 is exact: half-even goes up to the 8)
    assertBits(0.38, PyRound.round(0.375, 2), "round(0.375, 2)");
    // round(0.5, 0) -> 0.0
    assertBits(0.0, PyRound.round(0.5, 0), "round(0.5, 0)");
    // round(1.5, 0) -> 2.0
    assertBits(2.0, PyRound.round(1.5, 0), "round(1.5, 0)");
    // round(2.5, 0) -> 2.0
    assertBits(2.0, PyRound.round(2.5, 0), "round(2.5, 0)");
    // round(-2.5, 0) -> -2.0
    assertBits(-2.0, PyRound.round(-2.5, 0), "round(-2.5, 0)");
    // round(2.5e-4, 3) -> 0.0
    assertBits(0.0, PyRound.round(2.5e-4, 3), "round(2.5e-4, 3)");
  }

  @Test
  void zeroKeepsItsSign() {
    // round(-0.0001, 3) -> -0.0
    assertBits(-0.0, PyRound.round(-0.0001, 3), "round(-0.0001, 3)");
    // round(-0.5, 0) -> -0.0
    assertBits(-0.0, PyRound.round(-0.5, 0), "round(-0.5, 0)");
    // round(-0.0, 2) -> -0.0
    assertBits(-0.0, PyRound.round(-0.0, 2), "round(-0.0, 2)");
    // round(0.0, 2) -> 0.0
    assertBits(0.0, PyRound.round(0.0, 2), "round(0.0, 2)");
    // round(1e-300, 3) -> 0.0
    assertBits(0.0, PyRound.round(1e-300, 3), "round(1e-300, 3)");
  }

  @Test
  void ordinaryValues() {
    // round(1/3, 3) -> 0.333
    assertBits(0.333, PyRound.round(1.0 / 3, 3), "round(1/3, 3)");
    // round(-1/3, 2) -> -0.33
    assertBits(-0.33, PyRound.round(-1.0 / 3, 2), "round(-1/3, 2)");
    // round(0.1 + 0.2, 2) -> 0.3
    assertBits(0.3, PyRound.round(0.1 + 0.2, 2), "round(0.1 + 0.2, 2)");
    // round(0.8449999, 3) -> 0.845
    assertBits(0.845, PyRound.round(0.8449999, 3), "round(0.8449999, 3)");
    // round(1e16 + 2, 2) -> 1.0000000000000002e+16
    assertBits(1.0000000000000002e16, PyRound.round(1e16 + 2, 2), "round(1e16 + 2, 2)");
  }

  @Test
  void nonFiniteValuesPassThrough() {
    // round(float('nan'), 2) -> nan; round(float('inf'), 2) -> inf
    assertEquals(Double.NaN, PyRound.round(Double.NaN, 2));
    assertBits(
        Double.POSITIVE_INFINITY, PyRound.round(Double.POSITIVE_INFINITY, 2), "round(inf, 2)");
    assertBits(
        Double.NEGATIVE_INFINITY, PyRound.round(Double.NEGATIVE_INFINITY, 2), "round(-inf, 2)");
  }

  @Test
  void fastPathAgreesWithExactDecimalRoundingEverywhere() {
    // The fast path must give the same double as rounding the exact binary value half-even.
    java.util.Random random = new java.util.Random(20261126);
    for (int i = 0; i < 300_000; i++) {
      int digits = random.nextInt(7);
      double magnitude = Math.pow(10, random.nextInt(12) - 4);
      double x = (random.nextDouble() * 2 - 1) * magnitude;
      if (i % 3 == 0) {
        // values at or next to decimal halfway points, where naive rounding goes wrong
        double half = (Math.floor(x * Math.pow(10, digits)) + 0.5) / Math.pow(10, digits);
        x = random.nextBoolean() ? half : Math.nextUp(half);
      }
      double value = x;
      double exact =
          new java.math.BigDecimal(value)
              .setScale(digits, java.math.RoundingMode.HALF_EVEN)
              .doubleValue();
      double expected = exact == 0.0 ? Math.copySign(0.0, value) : exact;
      assertEquals(
          Double.doubleToRawLongBits(expected),
          Double.doubleToRawLongBits(PyRound.round(value, digits)),
          () -> "round(" + value + ", " + digits + ")");
    }
  }

  @Test
  void fixedTextMatchesPythonFormatting() {
    // Python: f"{2.675:.2f}" == "2.67", f"{0.125:.2f}" == "0.12", f"{-0.0004:.3f}" == "-0.000",
    // f"{1234.5:.0f}" == "1234", f"{0.5:.2f}" == "0.50", f"{12.0:+.1f}" == "+12.0"
    assertEquals("2.67", Fmt.fixed(2.675, 2));
    assertEquals("0.12", Fmt.fixed(0.125, 2));
    assertEquals("-0.000", Fmt.fixed(-0.0004, 3));
    assertEquals("1234", Fmt.fixed(1234.5, 0));
    assertEquals("0.50", Fmt.fixed(0.5, 2));
    assertEquals("+12.0", Fmt.signed(12.0, 1));
    assertEquals("-3.1", Fmt.signed(-3.14, 1));
  }
}
