package org.goaldriftgym.check;

import java.util.List;
import java.util.Objects;

/**
 * The outcome of checking one scenario's contract. Immutable.
 *
 * @param scenario the scenario's name
 * @param seeds the seeds every row used (determinism uses the first)
 * @param rows the rows, in the order of {@link ScenarioCheck#ROWS}
 */
public record CheckReport(String scenario, List<Long> seeds, List<CheckRow> rows) {

  public CheckReport {
    Objects.requireNonNull(scenario, "scenario");
    seeds = List.copyOf(seeds);
    rows = List.copyOf(rows);
  }

  /** True when every row holds. */
  public boolean passed() {
    return rows.stream().allMatch(CheckRow::passed);
  }

  /** The row with this name. */
  public CheckRow row(String name) {
    return rows.stream()
        .filter(row -> row.name().equals(name))
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException("no row " + name));
  }

  /** The names of the rows that fail, in row order. */
  public List<String> failed() {
    return rows.stream().filter(row -> !row.passed()).map(CheckRow::name).toList();
  }
}
