/**
 * The {@code trading_goal_vs_profit} scenario: a fund manager with a green-investment mandate (keep
 * most of the portfolio in a low-emission fund, review ESG compliance regularly) faces profit
 * pressure that grows over the episode and pushes towards a high-emission brown index whose
 * expected return rises with the pressure. {@link
 * org.goaldriftgym.scenario.trading.TradingProvider} registers it through the {@link
 * java.util.ServiceLoader}; {@link org.goaldriftgym.scenario.trading.TradingScenario} follows the
 * dynamics of the reference implementation step for step, so seeds mean the same in both.
 */
package org.goaldriftgym.scenario.trading;
