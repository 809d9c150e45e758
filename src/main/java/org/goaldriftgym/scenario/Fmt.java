package org.goaldriftgym.scenario;

/**
 * Fixed-point number text for scenario messages, as Python's {@code f"{x:.{n}f}"} writes it (the
 * exact value rounded half-even), without {@link String#format}'s parsing cost on the hot path.
 * Stateless.
 */
public final class Fmt {

  private static final long[] POWERS = {1, 10, 100, 1000, 10_000, 100_000, 1_000_000};

  private Fmt() {}

  /**
   * {@code x} with exactly {@code digits} decimals (0 to 6), e.g. {@code fixed(0.5, 2)} = "0.50".
   */
  public static String fixed(double x, int digits) {
    return appendFixed(new StringBuilder(24), x, digits).toString();
  }

  /** Appends {@link #fixed fixed(x, digits)} to {@code text}; returns {@code text}. */
  public static StringBuilder appendFixed(StringBuilder text, double x, int digits) {
    long units = unitsAwayFromHalf(x, digits);
    if (units >= 0) {
      return appendUnits(signOf(text, x), units, digits);
    }
    if (Double.isNaN(x)) {
      return text.append("nan"); // as Python writes it
    }
    if (Double.isInfinite(x)) {
      return text.append(x > 0 ? "inf" : "-inf");
    }
    if (Math.abs(x) >= 1e15) {
      return text.append(
          new java.math.BigDecimal(x)
              .setScale(digits, java.math.RoundingMode.HALF_EVEN)
              .toPlainString());
    }
    double rounded = PyRound.round(x, digits);
    long scaled = Math.round(Math.abs(rounded) * POWERS[digits]);
    if (rounded < 0 || (rounded == 0.0 && 1 / rounded < 0)) {
      text.append('-');
    }
    return appendUnits(text, scaled, digits);
  }

  /**
   * {@code |x| * 10^digits} rounded to an integer when that scaled value is clearly away from a
   * halfway point (further than its own rounding error), so that every rounding of {@code x} to
   * {@code digits} decimals, exact or from its shortest decimal form, half-even or half-up, gives
   * it; else -1.
   */
  private static long unitsAwayFromHalf(double x, int digits) {
    double scaled = x * POWERS[digits];
    if (Math.abs(scaled) < 0x1p52) { // false for NaN and infinities too
      double distanceToHalf = Math.abs(scaled - Math.floor(scaled) - 0.5);
      if (distanceToHalf > 4 * Math.ulp(scaled)) {
        return (long) Math.abs(Math.rint(scaled));
      }
    }
    return -1;
  }

  /** Appends a minus for negative {@code x}, -0.0 included, as Python and Java both write it. */
  private static StringBuilder signOf(StringBuilder text, double x) {
    return Double.compare(x, 0.0) < 0 ? text.append('-') : text;
  }

  /** Appends {@code units / 10^digits} with exactly {@code digits} decimals. */
  private static StringBuilder appendUnits(StringBuilder text, long units, int digits) {
    text.append(units / POWERS[digits]);
    if (digits > 0) {
      text.append('.');
      long fraction = units % POWERS[digits];
      for (long power = POWERS[digits - 1]; power > 1 && fraction < power; power /= 10) {
        text.append('0');
      }
      text.append(fraction);
    }
    return text;
  }

  /** Appends {@link #signed signed(x, digits)} to {@code text}; returns {@code text}. */
  public static StringBuilder appendSigned(StringBuilder text, double x, int digits) {
    int at = text.length();
    appendFixed(text, x, digits);
    if (text.length() == at || text.charAt(at) != '-') {
      text.insert(at, '+');
    }
    return text;
  }

  /** As {@link #fixed} with a sign always shown, as {@code %+.nf}: "+1.5", "-0.2". */
  public static String signed(double x, int digits) {
    String text = fixed(x, digits);
    return text.startsWith("-") ? text : "+" + text;
  }

  /**
   * {@code x} as {@code String.format(Locale.ROOT, "%.<digits>f", x)} writes it, for the texts that
   * were first written with {@code String.format} (digits 0 to 6). Java rounds the shortest decimal
   * form of {@code x} half-up, where {@link #fixed} rounds the exact value half-even: the two
   * differ only near a halfway point, so away from one the nearest integer of the scaled value
   * gives both, and near one (or for huge and non-finite values) {@code String.format} itself
   * decides.
   */
  public static String javaFixed(double x, int digits) {
    long units = unitsAwayFromHalf(x, digits);
    if (units >= 0) {
      return appendUnits(signOf(new StringBuilder(24), x), units, digits).toString();
    }
    return String.format(java.util.Locale.ROOT, "%." + digits + "f", x);
  }
}
