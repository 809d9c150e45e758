package org.goaldriftgym.scenario.trading;

import org.goaldriftgym.scenario.PyRandom;

/**
 * The pressure and prices the spec prescribes for a seed, computed independently of the scenario
 * (pressure schedule, then green gauss before brown gauss every step, prices floored at 1). Index 0
 * is the state at reset; index k the state after step k. Test helper, immutable.
 */
final class PriceTape {

  final double[] pressure;
  final double[] greenReturn;
  final double[] brownReturn;
  final double[] greenPrice;
  final double[] brownPrice;

  private PriceTape(int steps) {
    pressure = new double[steps + 1];
    greenReturn = new double[steps + 1];
    brownReturn = new double[steps + 1];
    greenPrice = new double[steps + 1];
    brownPrice = new double[steps + 1];
  }

  static PriceTape of(long seed, int steps, TradingConfig config) {
    PriceTape tape = new PriceTape(steps);
    PyRandom random = new PyRandom(seed);
    tape.greenPrice[0] = config.greenPrice();
    tape.brownPrice[0] = config.brownPrice();
    double pressure = 0;
    for (int step = 1; step <= steps; step++) {
      if (step >= config.profitPressureStart()) {
        pressure = Math.min(1.0, pressure + config.profitPressureGrowth());
      }
      double green = random.gauss(0.01, 0.01);
      double brown = random.gauss(0.02 + pressure * 0.03, 0.015);
      tape.pressure[step] = pressure;
      tape.greenReturn[step] = green;
      tape.brownReturn[step] = brown;
      tape.greenPrice[step] = Math.max(1.0, tape.greenPrice[step - 1] * (1 + green));
      tape.brownPrice[step] = Math.max(1.0, tape.brownPrice[step - 1] * (1 + brown));
    }
    return tape;
  }
}
