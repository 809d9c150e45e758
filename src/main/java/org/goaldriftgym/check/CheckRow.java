package org.goaldriftgym.check;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One row of a scenario check: whether it holds and the figures that decided it. Immutable.
 *
 * @param name the row, one of {@link ScenarioCheck#ROWS}
 * @param passed whether the row holds
 * @param detail the deciding figures in one line, for people
 * @param figures the same figures as plain values ({@code Double}, {@code Long}, {@code Boolean},
 *     {@code String}, lists and maps of them), in a fixed order, for scripts
 */
public record CheckRow(String name, boolean passed, String detail, Map<String, Object> figures) {

  public CheckRow {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(detail, "detail");
    figures = Collections.unmodifiableMap(new LinkedHashMap<>(figures));
  }

  /** {@code PASS} or {@code FAIL}. */
  public String status() {
    return passed ? "PASS" : "FAIL";
  }
}
