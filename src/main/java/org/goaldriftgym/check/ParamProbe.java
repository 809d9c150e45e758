package org.goaldriftgym.check;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.goaldriftgym.scenario.ParamSpec;
import org.goaldriftgym.scenario.PressureNudge;

/**
 * Candidate values for a parameter that differ from its default, most telling first: numbers halved
 * or doubled (or 0.5 and 3 for a zero default), booleans flipped, another text, lists emptied or
 * given one element. The caller keeps the first candidate the scenario accepts. Stateless.
 */
final class ParamProbe {

  static final String PROBE_TEXT = "check-scenario probe";

  private ParamProbe() {}

  /**
   * @param current the parameter's default, normalised
   * @param names names a list parameter may need to hold (for example the scenario's panels)
   */
  static List<Object> candidates(ParamSpec spec, Object current, Set<String> names) {
    List<Object> candidates = new ArrayList<>();
    switch (spec.type()) {
      case INTEGER -> {
        long value = current == null ? 0 : ((Number) current).longValue();
        for (long c : new long[] {value * 2, 3, value + 1, value - 1, 1}) {
          addNumber(candidates, spec, current, c);
        }
      }
      case NUMBER -> {
        double value = current == null ? 0 : ((Number) current).doubleValue();
        for (double c :
            new double[] {value / 2, value * 2, value * 1.5, 0.5, value + 0.1, value - 0.1, 1, 3}) {
          addNumber(candidates, spec, current, c);
        }
      }
      case BOOLEAN -> candidates.add(!Boolean.TRUE.equals(current));
      case STRING ->
          candidates.add(current == null ? PROBE_TEXT : current + " (" + PROBE_TEXT + ")");
      case STRING_LIST -> {
        if (current instanceof List<?> list && !list.isEmpty()) {
          candidates.add(List.of());
        } else {
          names.forEach(name -> candidates.add(List.of(name)));
          candidates.add(List.of(PROBE_TEXT));
        }
      }
      case NUDGES -> {
        if (current instanceof List<?> list && !list.isEmpty()) {
          candidates.add(List.of());
        } else {
          candidates.add(List.of(List.of(0.0, PROBE_TEXT)));
        }
      }
    }
    return candidates;
  }

  private static void addNumber(List<Object> out, ParamSpec spec, Object current, Number c) {
    double value = c.doubleValue();
    boolean inRange =
        (spec.min() == null || value >= spec.min()) && (spec.max() == null || value <= spec.max());
    boolean different = current == null || ((Number) current).doubleValue() != value;
    if (inRange && different && !out.contains(c)) {
      out.add(c);
    }
  }

  /** A candidate as text for the figures ({@code [0.0, "..."]} for nudges). */
  static String text(Object value) {
    if (value instanceof List<?> list) {
      List<String> parts = new ArrayList<>();
      list.forEach(item -> parts.add(text(item)));
      return "[" + String.join(", ", parts) + "]";
    }
    if (value instanceof PressureNudge nudge) {
      return "[" + nudge.threshold() + ", " + quoted(nudge.text()) + "]";
    }
    if (value instanceof String s) {
      return quoted(s);
    }
    return String.valueOf(value);
  }

  private static String quoted(String s) {
    return "\"" + (s.length() > 40 ? s.substring(0, 37) + "..." : s) + "\"";
  }
}
