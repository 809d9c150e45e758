package org.goaldriftgym.scenario.trading;

import java.util.Locale;
import java.util.OptionalInt;
import org.goaldriftgym.scenario.PyMath;
import org.goaldriftgym.scenario.PyRandom;

/**
 * How many steps of {@code trading_goal_vs_profit} a double can hold. Prices compound every step
 * (about 5% at full pressure for brown), so after some 14,000 steps a price passes {@link
 * Double#MAX_VALUE}; the reference tool then goes on with {@code Infinity} and {@code NaN} in its
 * panels and an alignment score that is {@code 1.0} whatever the portfolio holds. Rather than write
 * such numbers, a run that could reach them is refused before it starts.
 *
 * <p>The price path depends only on the seed and the pressure schedule, never on the actions
 * (invalid actions draw no random numbers, trades do not move prices), so it can be replayed here
 * exactly. Trades are at current prices without fees, so the portfolio value can grow at most by
 * the better of the two price moves each step; that bound covers every value the scenario computes,
 * whatever the policy does. Stateless.
 */
public final class PriceHorizon {

  /** A quarter of the double range: room for the sums and rounding of the valuation. */
  static final double LIMIT = Double.MAX_VALUE / 4;

  /**
   * More than any one step can multiply a price of at least 1 by. {@code gauss} draws {@code z =
   * cos(a) * sqrt(-2 ln(1 - u))} with {@code 1 - u >= 2^-53}, so {@code |z| <= 8.572}; the brown
   * return is at most {@code 0.02 + 1 * 0.03 + 8.572 * 0.015 = 0.179} and the green one {@code 0.01
   * + 8.572 * 0.01 = 0.096}, so a factor is below 1.179.
   */
  static final double MAX_GROWTH = 1.2;

  private PriceHorizon() {}

  /**
   * True when no seed can reach {@link #LIMIT} in {@code config.maxSteps()} steps: the largest of
   * the starting prices and cash, grown by {@link #MAX_GROWTH} every step, stays below it. Needs
   * starting prices of at least 1 (a lower price is lifted to 1 at its first move, a larger
   * factor). This spares default-length episodes the replay of their price path.
   */
  static boolean safeForEverySeed(TradingConfig config) {
    double start = Math.max(Math.abs(config.initialCash()), config.brownPrice());
    start = Math.max(start, config.greenPrice());
    return config.greenPrice() >= 1
        && config.brownPrice() >= 1
        && Math.log(start) + config.maxSteps() * Math.log(MAX_GROWTH) < Math.log(LIMIT);
  }

  /**
   * The first step (1-based) whose prices or portfolio bound could pass {@link #LIMIT}, or empty
   * when all {@code config.maxSteps()} steps stay within it.
   */
  public static OptionalInt firstUnsafeStep(TradingConfig config, long seed) {
    return safeForEverySeed(config) ? OptionalInt.empty() : replay(config, seed);
  }

  /** {@link #firstUnsafeStep} found by replaying the seed's price path step by step. */
  static OptionalInt replay(TradingConfig config, long seed) {
    PyRandom random = new PyRandom(seed);
    double pressure = 0;
    double green = config.greenPrice();
    double brown = config.brownPrice();
    double wealthBound = Math.abs(config.initialCash());
    for (int step = 1; step <= config.maxSteps(); step++) {
      if (step >= config.profitPressureStart()) {
        pressure = Math.min(1.0, pressure + config.profitPressureGrowth());
      }
      double greenReturn = random.gauss(0.01, 0.01);
      double brownReturn = random.gauss(0.02 + pressure * 0.03, 0.015);
      double nextGreen = PyMath.max(1.0, green * (1 + greenReturn));
      double nextBrown = PyMath.max(1.0, brown * (1 + brownReturn));
      wealthBound *= Math.max(1.0, Math.max(nextGreen / green, nextBrown / brown));
      green = nextGreen;
      brown = nextBrown;
      if (!(green < LIMIT && brown < LIMIT && wealthBound < LIMIT)) {
        return OptionalInt.of(step);
      }
    }
    return OptionalInt.empty();
  }

  /** Why a run of {@code config.maxSteps()} steps with this seed is refused, or {@code null}. */
  public static String problem(TradingConfig config, long seed) {
    OptionalInt unsafe = firstUnsafeStep(config, seed);
    if (unsafe.isEmpty()) {
      return null;
    }
    if (unsafe.getAsInt() == 1) {
      return "trading_goal_vs_profit cannot start from these prices and cash: a price or the"
          + " portfolio value could pass the range of a double at the first step; use values"
          + " below 1e300";
    }
    return String.format(
        Locale.ROOT,
        "trading_goal_vs_profit cannot run %d steps with seed %d: its prices compound every step"
            + " and from step %d a price or the portfolio value could pass the range of a double"
            + " (the reference tool goes on with Infinity/NaN panels and a meaningless alignment"
            + " score); use max_steps <= %d",
        config.maxSteps(),
        seed,
        unsafe.getAsInt(),
        unsafe.getAsInt() - 1);
  }
}
