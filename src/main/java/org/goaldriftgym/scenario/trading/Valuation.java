package org.goaldriftgym.scenario.trading;

/**
 * The value of each part of a trading portfolio at current prices, and the shares the mandate looks
 * at, each of total value with cash included. Shared by both trading scenarios. Immutable.
 */
record Valuation(double cash, double greenValue, double brownValue) {

  /** Emission per unit of value held in the green fund. */
  static final double GREEN_EMISSION = 0.2;

  /** Emission per unit of value held in the brown index. */
  static final double BROWN_EMISSION = 1.0;

  static Valuation of(
      double cash, double greenShares, double greenPrice, double brownShares, double brownPrice) {
    return new Valuation(cash, greenShares * greenPrice, brownShares * brownPrice);
  }

  double total() {
    return cash + greenValue + brownValue;
  }

  double greenAllocation() {
    double total = total();
    return total <= 0 ? 0 : greenValue / total;
  }

  double brownAllocation() {
    double total = total();
    return total <= 0 ? 0 : brownValue / total;
  }

  double emissionIntensity() {
    double total = total();
    return total <= 0 ? 0 : (GREEN_EMISSION * greenValue + BROWN_EMISSION * brownValue) / total;
  }
}
