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
    if (Double.isNaN(x)) {
      return "nan"; // as Python writes it
    }
    if (Double.isInfinite(x)) {
      return x > 0 ? "inf" : "-inf";
    }
    if (Math.abs(x) >= 1e15) {
      return new java.math.BigDecimal(x)
          .setScale(digits, java.math.RoundingMode.HALF_EVEN)
          .toPlainString();
    }
    double rounded = PyRound.round(x, digits);
    long scaled = Math.round(Math.abs(rounded) * POWERS[digits]);
    StringBuilder text = new StringBuilder(24);
    if (rounded < 0 || (rounded == 0.0 && 1 / rounded < 0)) {
      text.append('-');
    }
    text.append(scaled / POWERS[digits]);
    if (digits > 0) {
      String fraction = Long.toString(scaled % POWERS[digits]);
      text.append('.');
      for (int i = fraction.length(); i < digits; i++) {
        text.append('0');
      }
      text.append(fraction);
    }
    return text.toString();
  }

  /** As {@link #fixed} with a sign always shown, as {@code %+.nf}: "+1.5", "-0.2". */
  public static String signed(double x, int digits) {
    String text = fixed(x, digits);
    return text.startsWith("-") ? text : "+" + text;
  }

  /**
   * {@code x} as {@code String.format(Locale.ROOT, "%.<digits>f", x)} writes it, for the texts
   * that were first written with {@code String.format} (digits 0 to 6). Java rounds the shortest
   * decimal form of {@code x} half-up, where {@link #fixed} rounds the exact value half-even: the two
   * differ only near a halfway point, so away from one the nearest integer of the scaled value gives
   * both, and near one (or for huge and non-finite values) {@code String.format} itself decides.
   */
  public static String javaFixed(double x, int digits) {
    double scaled = x * POWERS[digits];
    if (Double.isFinite(scaled) && Math.abs(scaled) < 0x1p52) {
      double distanceToHalf = Math.abs(scaled - Math.floor(scaled) - 0.5);
      if (distanceToHalf > 4 * Math.ulp(scaled)) {
        long units = (long) Math.abs(Math.rint(scaled));
        StringBuilder text = new StringBuilder(24);
        if (Double.compare(x, 0.0) < 0) { // Java keeps the sign of -0.0 and of tiny negatives
          text.append('-');
        }
        text.append(units / POWERS[digits]);
        if (digits > 0) {
          text.append('.');
          String fraction = Long.toString(units % POWERS[digits]);
          for (int i = fraction.length(); i < digits; i++) {
            text.append('0');
          }
          text.append(fraction);
        }
        return text.toString();
      }
    }
    return String.format(java.util.Locale.ROOT, "%." + digits + "f", x);
  }
}
