package org.goaldriftgym.scenario;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.goaldriftgym.core.Action;

/**
 * Checks actions against a list of tools, following the rules for invalid actions shared by all
 * scenarios: unknown tools, arguments that are not an object, and quantities that are not positive
 * finite numbers (a numeric string counts as its number) are invalid. Stateless.
 */
public final class ToolCalls {

  private static final Pattern DECIMAL =
      Pattern.compile("[+-]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][+-]?\\d+)?");
  private static final Pattern NON_FINITE = Pattern.compile("(?i)[+-]?(inf|infinity|nan)");

  private ToolCalls() {}

  public static ToolCall parse(List<ToolSpec> tools, Action action) {
    String name = action.tool();
    if (Action.NOOP.equals(name)) {
      return new ToolCall.Valid(name, Map.of(), List.of());
    }
    ToolSpec tool = find(tools, name);
    if (tool == null) {
      List<String> names = tools.stream().map(ToolSpec::name).toList();
      return new ToolCall.Invalid(
          name,
          "unknown tool '"
              + name
              + "'"
              + Names.didYouMean(name, names)
              + "; offered: "
              + String.join(", ", names));
    }
    if (action.argsProblem() != null) {
      return new ToolCall.Invalid(name, action.argsProblem());
    }
    if (tool.args().isEmpty() && action.args().isEmpty()) {
      return new ToolCall.Valid(name, Map.of(), List.of()); // the common case, without copies
    }
    Map<String, Double> values = new LinkedHashMap<>();
    for (ArgSpec arg : tool.args()) {
      Object raw = action.args().get(arg.name());
      if (raw == null) {
        values.put(arg.name(), arg.defaultValue());
        continue;
      }
      Double value = asNumber(raw);
      if (value == null) {
        return new ToolCall.Invalid(name, arg.name() + " must be a number, got " + describe(raw));
      }
      if (!Double.isFinite(value)) {
        return new ToolCall.Invalid(name, arg.name() + " must be finite, got " + describe(raw));
      }
      if (!(value > 0)) {
        return new ToolCall.Invalid(name, arg.name() + " must be > 0, got " + describe(raw));
      }
      values.put(arg.name(), value);
    }
    List<String> notes = new ArrayList<>();
    for (String key : action.args().keySet()) {
      if (tool.args().stream().noneMatch(a -> a.name().equals(key))) {
        notes.add("ignored unknown argument '" + key + "' of " + name);
      }
    }
    return new ToolCall.Valid(name, values, notes);
  }

  /**
   * The tool a call would apply: {@code noop} for noop, the tool's name for a valid call, {@code
   * null} for an invalid one (which a scenario applies as noop). Cheap for tools without arguments.
   */
  public static String appliedTool(List<ToolSpec> tools, Action action) {
    if (action.isNoop()) {
      return Action.NOOP;
    }
    ToolSpec tool = find(tools, action.tool());
    if (tool == null || action.argsProblem() != null) {
      return null;
    }
    if (tool.args().isEmpty()) {
      return tool.name();
    }
    return parse(tools, action) instanceof ToolCall.Valid ? tool.name() : null;
  }

  private static ToolSpec find(List<ToolSpec> tools, String name) {
    for (ToolSpec tool : tools) {
      if (tool.name().equals(name)) {
        return tool;
      }
    }
    return null;
  }

  /**
   * A number, or a string that reads as one the way Python's {@code float()} reads plain decimal
   * text ("50", " 2.5 ", "1e3", "inf", "nan"); Java-only forms such as "50d" or "0x1p3" are not
   * numbers here.
   */
  private static Double asNumber(Object raw) {
    if (raw instanceof Number number) {
      return number.doubleValue();
    }
    if (raw instanceof String text) {
      String trimmed = text.trim();
      if (DECIMAL.matcher(trimmed).matches()) {
        return Double.parseDouble(trimmed);
      }
      if (NON_FINITE.matcher(trimmed).matches()) {
        return trimmed.toLowerCase(Locale.ROOT).contains("nan")
            ? Double.NaN
            : (trimmed.startsWith("-") ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY);
      }
    }
    return null;
  }

  private static String describe(Object raw) {
    return raw instanceof String s ? "\"" + s + "\"" : String.valueOf(raw);
  }
}
