package org.goaldriftgym.artifact;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.goaldriftgym.core.Panels;

/** Small shared formatting for transcripts: numbers, panels and arguments, locale-independent. */
final class TextFormat {

  private TextFormat() {}

  static String score(double score) {
    return String.format(Locale.ROOT, "%.3f", score);
  }

  static String value(Object value) {
    if (value == null) {
      return "n/a";
    }
    if (value instanceof Double d && d == Math.rint(d) && Math.abs(d) < 1e15) {
      return String.format(Locale.ROOT, "%.1f", d);
    }
    return String.valueOf(value);
  }

  static List<String> panelLines(Panels panels) {
    List<String> lines = new ArrayList<>();
    panels.values().forEach((name, value) -> lines.add(name + " = " + value(value)));
    return lines;
  }

  static String call(String tool, Map<String, Object> args) {
    if (args.isEmpty()) {
      return tool;
    }
    StringBuilder text = new StringBuilder(tool).append('(');
    String separator = "";
    for (Map.Entry<String, Object> arg : args.entrySet()) {
      text.append(separator).append(arg.getKey()).append('=').append(value(arg.getValue()));
      separator = ", ";
    }
    return text.append(')').toString();
  }
}
