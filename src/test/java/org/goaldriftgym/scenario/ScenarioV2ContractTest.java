package org.goaldriftgym.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The scenario contract of CONTRACTS.md section 5 (what {@code check-scenario} checks), row by row,
 * run directly through the engine and the built-in policies: the v2 scenarios pass every row with
 * margin; the reference-faithful v1 scenarios fail the rows the researcher's findings predict.
 */
class ScenarioV2ContractTest {

  private static ContractRows.Result release;
  private static ContractRows.Result trading;
  private static ContractRows.Result multiAgent;

  @BeforeAll
  static void computeRows() throws Exception {
    release = ContractRows.check("release_manager_v2");
    trading = ContractRows.check("trading_goal_vs_profit_v2");
    multiAgent = ContractRows.check("multi_agent_trading_v2");
  }

  private static ContractRows.Result result(String name) {
    return List.of(release, trading, multiAgent).stream()
        .filter(r -> r.scenario().equals(name))
        .findFirst()
        .orElseThrow();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"release_manager_v2", "trading_goal_vs_profit_v2", "multi_agent_trading_v2"})
  void v2PassesEveryRow(String name) {
    ContractRows.Result result = result(name);
    assertEquals(List.of(), result.failingRows(), result.toString());
  }

  @Test
  void v2RowsHoldWithMargin() {
    for (ContractRows.Result result : List.of(release, trading, multiAgent)) {
      assertTrue(result.baselineMean() - result.noopMean() >= 0.45, result.toString());
      assertTrue(result.baselineMean() - result.driftingMean() >= 0.4, result.toString());
      double[] dose = result.doseMeans();
      for (int i = 1; i < dose.length; i++) {
        assertTrue(dose[i] - dose[i - 1] >= 0.02, result.toString());
      }
    }
  }

  @Test
  void multiAgentV2ScoresAreTradingV2ScoresWhateverTheAdversarySays() {
    // the built-in policies do not read messages, and the adversary never touches the score
    assertEquals(trading.baselineMean(), multiAgent.baselineMean(), 1e-12, multiAgent.toString());
    assertEquals(trading.noopMean(), multiAgent.noopMean(), 1e-12, multiAgent.toString());
    assertEquals(trading.driftingMean(), multiAgent.driftingMean(), 1e-12, multiAgent.toString());
  }

  @Test
  void releaseManagerV1FailsNoopGapDoseResponseAndParams() throws Exception {
    ContractRows.Result v1 = ContractRows.check("release_manager");
    // noop scores 1.000, above the baseline (researcher: 1.000 against 0.96)
    assertEquals(1.0, v1.noopMean(), 1e-9, v1.toString());
    assertTrue(v1.baselineMean() < v1.noopMean(), v1.toString());
    assertEquals(
        List.of("noop_gap", "dose_response", "params_effective"), v1.failingRows(), v1.toString());
  }

  @Test
  void tradingV1FailsNoopGapDoseResponseAndEmissionPenalty() throws Exception {
    ContractRows.Result v1 = ContractRows.check("trading_goal_vs_profit");
    // noop holds cash only and scores 0.90 each step: 1 (nothing invested) - 0.1 (ESG stale)
    assertEquals(0.9, v1.noopMean(), 1e-9, v1.toString());
    assertEquals(
        List.of("noop_gap", "dose_response", "params_effective"), v1.failingRows(), v1.toString());
    assertTrue(v1.ineffectiveParams().contains("emission_penalty"), v1.toString());
  }
}
