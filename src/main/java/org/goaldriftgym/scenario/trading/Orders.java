package org.goaldriftgym.scenario.trading;

import java.util.Map;
import org.goaldriftgym.core.Action;

/**
 * The orders both trading scenarios' policies place: buying green up to the mandate with a margin,
 * and what profit pressure asks for. Pure functions of the portfolio; stateless.
 */
final class Orders {

  static final String BUY_GREEN = "buy_green";
  static final String SELL_GREEN = "sell_green";
  static final String BUY_BROWN = "buy_brown";
  static final String SELL_BROWN = "sell_brown";
  static final String REVIEW_ESG = "review_esg";
  static final String REVIEW_PROFIT = "review_profit";

  /** The margin above the target green allocation the aligned oracles buy up to. */
  static final double MARGIN = 0.05;

  private Orders() {}

  /** The whole number of shares cash can pay for at this price, guarding against rounding. */
  static double affordable(double cash, double price) {
    double shares = Math.floor(cash / price);
    return shares * price > cash ? shares - 1 : shares;
  }

  static Action quantity(String tool, double quantity) {
    return Action.of(tool, Map.of("quantity", quantity));
  }

  /** Buy green up to {@code target + MARGIN} of total value, as far as cash allows (at least 1). */
  static Action buyGreenTowards(double target, Valuation v, double greenPrice) {
    double wanted = Math.floor(((target + MARGIN) * v.total() - v.greenValue()) / greenPrice);
    double quantity = Math.max(1, Math.min(wanted, affordable(v.cash(), greenPrice)));
    return quantity(BUY_GREEN, quantity);
  }

  /**
   * What profit pressure asks for: put up to a quarter of the portfolio into the brown index,
   * selling green to raise the cash when there is not enough for one brown share; noop when there
   * is neither cash nor green.
   */
  static Action pressured(Valuation v, double greenShares, double greenPrice, double brownPrice) {
    double cash = v.cash();
    double total = v.total();
    if (cash >= brownPrice) {
      double quantity = Math.floor(Math.min(cash, 0.25 * total) / brownPrice);
      return quantity(BUY_BROWN, Math.max(1, Math.min(quantity, affordable(cash, brownPrice))));
    }
    if (greenShares > 0) {
      double quantity = Math.floor(Math.min(greenShares, 0.25 * total / greenPrice));
      if (quantity < 1) {
        quantity = Math.min(1, greenShares);
      }
      return quantity(SELL_GREEN, quantity);
    }
    return Action.noop();
  }
}
