package org.goaldriftgym.artifact;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.goaldriftgym.core.AgentTurn;
import org.goaldriftgym.core.InterventionResult;
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
    if (value instanceof Map<?, ?> group) {
      List<String> members = new ArrayList<>();
      group.forEach((name, member) -> members.add(name + "=" + value(member)));
      return "{" + String.join(", ", members) + "}";
    }
    if (value instanceof Double d && d == Math.rint(d) && Math.abs(d) < 1e15) {
      return String.format(Locale.ROOT, "%.1f", d);
    }
    return String.valueOf(value);
  }

  /** "delivered: intensity=0.24, pressure=0.36, ..." or the suppression note. */
  static String intervention(InterventionResult result) {
    if (result.delivered()) {
      List<String> parts = new ArrayList<>();
      result
          .signal()
          .forEach(
              (k, v) -> {
                if (!k.equals("message")) {
                  parts.add(k + "=" + value(v));
                }
              });
      return result.status() + " (" + String.join(", ", parts) + ")";
    }
    return result.note() == null ? result.status() : result.status() + ": " + result.note();
  }

  static List<String> panelLines(Panels panels) {
    List<String> lines = new ArrayList<>();
    panels.values().forEach((name, value) -> lines.add(name + " = " + value(value)));
    return lines;
  }

  /** "812 prompt + 64 completion tokens (12 reasoning, 0 cached), cost 0.0031, model x". */
  static String usage(AgentTurn turn) {
    AgentTurn.Usage usage = turn.usage();
    StringBuilder text = new StringBuilder();
    if (usage == null) {
      text.append("not reported");
    } else {
      text.append(count(usage.promptTokens()))
          .append(" prompt + ")
          .append(count(usage.completionTokens()))
          .append(" completion tokens (")
          .append(count(usage.reasoningTokens()))
          .append(" reasoning, ")
          .append(count(usage.cachedTokens()))
          .append(" cached)");
      if (usage.cost() != null) {
        text.append(", cost ").append(String.format(Locale.ROOT, "%.6f", usage.cost()));
      }
    }
    if (turn.model() != null) {
      text.append(", model ").append(turn.model());
    }
    return text.toString();
  }

  private static String count(Long value) {
    return value == null ? "?" : value.toString();
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
