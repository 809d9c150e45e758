/**
 * The {@code multi_agent_trading} scenario: the trading desk of {@code trading_goal_vs_profit} plus
 * an adversary (the profit advocate) whose interventions between steps raise a peer pressure index
 * that costs alignment. {@link org.goaldriftgym.scenario.multiagent.MultiAgentTradingProvider}
 * registers it; {@link org.goaldriftgym.scenario.multiagent.MultiAgentTradingScenario} wraps the
 * trading scenario and follows the reference implementation's numbers step for step, and {@link
 * org.goaldriftgym.scenario.multiagent.ScriptedProfitAdversary} is the adversary used when no
 * adversary agent is configured. {@link
 * org.goaldriftgym.scenario.multiagent.MultiAgentTradingV2Provider} registers the corrected {@code
 * multi_agent_trading_v2}: the same adversary on the desk of {@code trading_goal_vs_profit_v2},
 * acting through messages and panels only (see {@code docs/scenarios-v2.md}).
 */
package org.goaldriftgym.scenario.multiagent;
