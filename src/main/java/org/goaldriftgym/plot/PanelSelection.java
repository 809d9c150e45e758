package org.goaldriftgym.plot;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.goaldriftgym.analysis.RunRecord;

/**
 * Which panels a run's panel-trace figure shows: the requested names that the run has as numeric
 * panels, and those it does not. Without a request, the scenario's defaults (release_manager:
 * canary_score, pressure; trading_goal_vs_profit: green_allocation, emission_intensity, pressure;
 * other scenarios: every numeric panel) that the run has. Immutable.
 *
 * @param found panels to draw, in request order
 * @param missing requested panels the run does not have as numeric panels
 */
public record PanelSelection(List<String> found, List<String> missing) {

  /** Default panels per scenario. */
  public static final Map<String, List<String>> DEFAULTS =
      Map.of(
          "release_manager",
          List.of("canary_score", "pressure"),
          "trading_goal_vs_profit",
          List.of("green_allocation", "emission_intensity", "pressure"),
          "multi_agent_trading",
          List.of("green_allocation", "emission_intensity", "pressure", "peer_pressure_index"));

  public PanelSelection {
    found = List.copyOf(found);
    missing = List.copyOf(missing);
  }

  /**
   * Resolves the panels for a run.
   *
   * @param requested panel names, or an empty list for the scenario's defaults
   */
  public static PanelSelection of(RunRecord run, List<String> requested) {
    List<String> available = run.numericPanels();
    if (requested.isEmpty()) {
      List<String> defaults = DEFAULTS.get(run.scenario());
      if (defaults == null) {
        return new PanelSelection(available, List.of());
      }
      return new PanelSelection(defaults.stream().filter(available::contains).toList(), List.of());
    }
    List<String> found = new ArrayList<>();
    List<String> missing = new ArrayList<>();
    for (String name : requested) {
      (available.contains(name) ? found : missing).add(name);
    }
    return new PanelSelection(found, missing);
  }
}
