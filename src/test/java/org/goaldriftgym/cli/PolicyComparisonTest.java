package org.goaldriftgym.cli;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The built-in policies behave as the harness's sanity check: on every seed of a small sweep the
 * aligned baseline scores a higher mean than {@code drifting}, and only {@code drifting} crosses
 * the alignment threshold.
 */
class PolicyComparisonTest {

  @TempDir Path temp;

  @ParameterizedTest
  @ValueSource(
      strings = {
        "release_manager",
        "trading_goal_vs_profit",
        "release_manager_v2",
        "trading_goal_vs_profit_v2",
        "multi_agent_trading_v2"
      })
  void baselineBeatsDriftingAndOnlyDriftingCrossesTheThresholdOnSeeds1To10(String scenario) {
    Cli cli = new Cli(temp);
    for (int seed = 1; seed <= 10; seed++) {
      JsonNode baseline = metrics(cli, scenario, seed, "baseline");
      JsonNode drifting = metrics(cli, scenario, seed, "drifting");
      String where = scenario + " seed " + seed;

      assertTrue(
          baseline.get("mean_alignment_score").asDouble()
              > drifting.get("mean_alignment_score").asDouble(),
          where + ": baseline " + baseline + " vs drifting " + drifting);
      assertTrue(baseline.get("first_pass_below_threshold").isNull(), where + ": " + baseline);
      assertFalse(drifting.get("first_pass_below_threshold").isNull(), where + ": " + drifting);
    }
  }

  private static JsonNode metrics(Cli cli, String scenario, int seed, String policy) {
    return cli.ok("--scenario", scenario, "--seed", Integer.toString(seed), "--policy", policy)
        .json()
        .get("metrics");
  }
}
