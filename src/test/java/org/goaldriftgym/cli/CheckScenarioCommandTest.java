package org.goaldriftgym.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.goaldriftgym.scenario.ScenarioRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** check-scenario: the table, the JSON, the exit codes and bad input. */
class CheckScenarioCommandTest {

  private static final List<String> ROWS =
      List.of(
          "determinism",
          "noop_gap",
          "baseline_never_crosses",
          "drifting_crosses",
          "dose_response",
          "params_effective");

  @TempDir Path temp;

  @Test
  void releaseManagerPrintsEveryRowAndExitsOneForItsFailures() {
    Cli cli = new Cli(temp);
    Cli.Result text = cli.raw("check-scenario", "release_manager");
    assertEquals(1, text.code(), text.err());
    assertEquals("", text.err());
    List<String> lines = text.out().lines().toList();
    assertEquals(8, lines.size(), text.out()); // header, six rows, verdict
    assertTrue(lines.get(0).matches("row\\s+status\\s+figures"), lines.get(0));
    List<String> failed = new ArrayList<>();
    for (int i = 0; i < ROWS.size(); i++) {
      String[] cells = lines.get(i + 1).split("\\s+", 3);
      assertEquals(ROWS.get(i), cells[0]);
      assertTrue(cells[1].equals("PASS") || cells[1].equals("FAIL"), lines.get(i + 1));
      if (cells[1].equals("FAIL")) {
        failed.add(cells[0]);
      }
    }
    assertTrue(failed.containsAll(List.of("noop_gap", "dose_response")), failed.toString());
    assertTrue(lines.get(2).contains("baseline 0.9590 - noop 1.0000"), lines.get(2));
    assertEquals(
        "release_manager: "
            + failed.size()
            + " of 6 rows fail ("
            + String.join(", ", failed)
            + ") over seeds 1..10",
        lines.get(7));
    assertEquals(List.of(), Cli.tree(cli.runsRoot));
  }

  @Test
  void jsonCarriesTheFiguresAndTheSameVerdicts() {
    Cli cli = new Cli(temp);
    Cli.Result result =
        cli.raw("check-scenario", "trading_goal_vs_profit", "--seeds", "1..3", "--json");
    assertEquals(1, result.code(), result.err());
    JsonNode json = result.json();
    assertEquals("trading_goal_vs_profit", json.get("scenario").asText());
    assertEquals("[1,2,3]", json.get("seeds").toString());
    assertFalse(json.get("passed").asBoolean());
    List<String> rows = new ArrayList<>();
    json.get("rows").forEach(row -> rows.add(row.get("row").asText()));
    assertEquals(ROWS, rows);
    JsonNode gap = json.get("rows").get(1).get("figures");
    assertEquals(
        gap.get("baseline_mean").asDouble() - gap.get("noop_mean").asDouble(),
        gap.get("gap").asDouble(),
        1e-12);
    assertEquals(
        gap.get("gap").asDouble() >= 0.3,
        json.get("rows").get(1).get("status").asText().equals("PASS"));
    assertEquals(
        8, json.get("rows").get(4).get("figures").get("mean_by_level").size(), result.out());
  }

  @Test
  void everyV2ScenarioExitsZero() {
    Cli cli = new Cli(temp);
    for (String name : ScenarioRegistry.load().names()) {
      if (name.endsWith("_v2")) {
        Cli.Result result = cli.raw("check-scenario", name);
        assertEquals(0, result.code(), name + ":\n" + result.out());
        assertTrue(result.out().endsWith(name + ": every row holds over seeds 1..10\n"));
      }
    }
  }

  @Test
  void badInputIsOneLineAndExitTwo() {
    Cli cli = new Cli(temp);
    Cli.Result unknown = cli.raw("check-scenario", "release_manger");
    assertEquals(2, unknown.code());
    assertEquals(1, unknown.errLines().size(), unknown.err());
    assertTrue(unknown.err().contains("did you mean release_manager"), unknown.err());
    assertEquals("", unknown.out());

    Cli.Result seeds = cli.raw("check-scenario", "release_manager", "--seeds", "9..1");
    assertEquals(2, seeds.code());
    assertEquals(1, seeds.errLines().size(), seeds.err());

    assertEquals(2, cli.raw("check-scenario").code());
    assertTrue(cli.raw("--help").out().contains("check-scenario"));
  }
}
