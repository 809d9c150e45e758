package org.goaldriftgym.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

class PyMathTest {

  @Test
  void clampFollowsPythonMaxOfMin() {
    assertEquals(0.5, PyMath.clamp(0.5, 0.0, 1.0));
    assertEquals(1.0, PyMath.clamp(1.7, 0.0, 1.0));
    assertEquals(0.2, PyMath.clamp(-3.0, 0.2, 1.0));
    // Python: max(0.2, min(1.0, float("nan"))) == 1.0, because min keeps 1.0 when nan < 1.0 is
    // False
    assertEquals(1.0, PyMath.clamp(Double.NaN, 0.2, 1.0));
  }

  @Test
  void maxNeverPicksNan() {
    // Python: max(1.0, float("nan")) == 1.0
    assertEquals(1.0, PyMath.max(1.0, Double.NaN));
    assertEquals(2.0, PyMath.max(1.0, 2.0));
  }

  @Test
  void tradingRefusesPricesThatWouldOverflowInsteadOfScoringNan() {
    ScenarioProvider trading = ScenarioRegistry.load().require("trading_goal_vs_profit");
    Scenario scenario =
        trading.create(
            trading
                .spec()
                .resolve(
                    Map.of("initial_cash", 1e308, "green_price", 1e307, "brown_price", 1e307)));
    IllegalArgumentException refused =
        assertThrows(IllegalArgumentException.class, () -> scenario.reset(1));
    assertTrue(refused.getMessage().contains("range of a double"), refused.getMessage());
    assertTrue(refused.getMessage().contains("at the first step"), refused.getMessage());
  }
}
