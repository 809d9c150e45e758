package org.goaldriftgym.agent;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.goaldriftgym.core.Action;
import org.goaldriftgym.core.AgentTurn;
import org.goaldriftgym.scenario.ToolCall;
import org.goaldriftgym.scenario.ToolCalls;
import org.goaldriftgym.scenario.ToolSpec;

/**
 * Turns a reply into the step's action, following the rules in {@code docs/agents.md}: the first
 * tool call is the action (further calls are recorded as ignored); without a tool call, a JSON
 * action in the text ({@code {"tool": ..., "args": ...}} or a function-call-looking object,
 * possibly in a fenced block) is used; otherwise the step is a noop with the reason. An unknown
 * tool or unreadable or ill-typed arguments make an invalid action that the scenario records.
 * Stateless apart from the tool list; thread-safe.
 */
public final class ReplyInterpreter {

  private static final Pattern FENCE =
      Pattern.compile("```[a-zA-Z]*\\s*\\n?(.*?)```", Pattern.DOTALL);

  private final List<ToolSpec> tools;

  public ReplyInterpreter(List<ToolSpec> tools) {
    this.tools = List.copyOf(tools);
  }

  public Interpretation interpret(ChatReply reply) {
    List<AgentTurn.ToolCallRecord> calls = reply.toolCalls();
    if (!calls.isEmpty()) {
      AgentTurn.ToolCallRecord first = calls.get(0);
      List<AgentTurn.ToolCallRecord> ignored = calls.subList(1, calls.size());
      String ignoredNote =
          ignored.isEmpty()
              ? null
              : "ignored "
                  + ignored.size()
                  + " more tool call"
                  + (ignored.size() == 1 ? "" : "s")
                  + " ("
                  + ignored.stream()
                      .map(AgentTurn.ToolCallRecord::name)
                      .collect(Collectors.joining(", "))
                  + "): only the first tool call per step is applied";
      Action action = action(first.name(), first.arguments());
      String problem = problem(action);
      if (problem != null) {
        return new Interpretation.Invalid(
            action, ignored, problem + (ignoredNote == null ? "" : "; " + ignoredNote));
      }
      return new Interpretation.ToolCall(action, ignored, ignoredNote);
    }
    Action fromText = actionInText(reply.content());
    if (fromText != null) {
      String problem = problem(fromText);
      if (problem != null) {
        return new Interpretation.Invalid(
            fromText, List.of(), "no tool call; the action in the text is invalid: " + problem);
      }
      return new Interpretation.FromText(
          fromText, "no tool call; the action was read from the reply's text");
    }
    return new Interpretation.NoAction(noActionReason(reply));
  }

  private static String noActionReason(ChatReply reply) {
    String reason =
        reply.content() == null || reply.content().isBlank()
            ? "the reply had no tool call and no text"
            : "the reply had no tool call and no JSON action in its text";
    if ("length".equals(reply.finishReason())) {
      reason += " (cut off at max_tokens: finish_reason length)";
    } else if ("content_filter".equals(reply.finishReason())) {
      reason += " (the provider's content filter stopped it: finish_reason content_filter)";
    }
    return reason + "; the step is a noop";
  }

  /** Why the scenario will reject this action, or {@code null} when it is valid. */
  private String problem(Action action) {
    return ToolCalls.parse(tools, action) instanceof ToolCall.Invalid invalid
        ? invalid.reason()
        : null;
  }

  /** An action from a tool name and its arguments as sent (a JSON string, or a JSON value). */
  static Action action(String name, String arguments) {
    if (arguments == null || arguments.isBlank()) {
      return Action.of(name);
    }
    JsonNode parsed = WireJson.parse(arguments);
    if (parsed == null) {
      return Action.withUnreadableArgs(
          name, "arguments are not valid JSON: " + ChatReply.snippet(arguments));
    }
    return action(name, parsed);
  }

  private static Action action(String name, JsonNode arguments) {
    if (arguments == null || arguments.isNull()) {
      return Action.of(name);
    }
    if (arguments.isObject()) {
      return Action.of(name, WireJson.plainMap(arguments));
    }
    if (arguments.isTextual()) {
      // arguments encoded twice: a JSON string holding a JSON object
      JsonNode inner = WireJson.parse(arguments.asText());
      if (inner != null && inner.isObject()) {
        return Action.of(name, WireJson.plainMap(inner));
      }
      if (arguments.asText().isBlank()) {
        return Action.of(name);
      }
    }
    return Action.withUnreadableArgs(
        name,
        "arguments are a JSON "
            + arguments.getNodeType().toString().toLowerCase(java.util.Locale.ROOT)
            + ", not an object");
  }

  /** The first JSON action in a text, fenced blocks first; {@code null} when there is none. */
  static Action actionInText(String text) {
    if (text == null || text.isBlank()) {
      return null;
    }
    List<String> candidates = new ArrayList<>();
    Matcher fence = FENCE.matcher(text);
    while (fence.find()) {
      candidates.addAll(objects(fence.group(1)));
    }
    candidates.addAll(objects(text));
    for (String candidate : candidates) {
      JsonNode node = WireJson.parse(candidate);
      Action action = node == null ? null : recognise(node);
      if (action != null) {
        return action;
      }
    }
    return null;
  }

  private static Action recognise(JsonNode node) {
    if (!node.isObject()) {
      return null;
    }
    if (node.path("tool").isTextual()) {
      return action(node.get("tool").asText(), arguments(node));
    }
    if (node.path("function").isObject() && node.path("function").path("name").isTextual()) {
      JsonNode function = node.get("function");
      return action(function.get("name").asText(), arguments(function));
    }
    if (node.path("tool_calls").isArray() && !node.get("tool_calls").isEmpty()) {
      return recognise(node.get("tool_calls").get(0));
    }
    if (node.path("name").isTextual()
        && (node.has("arguments") || node.has("args") || node.has("parameters"))) {
      return action(node.get("name").asText(), arguments(node));
    }
    return null;
  }

  private static JsonNode arguments(JsonNode node) {
    for (String key : List.of("args", "arguments", "parameters", "input")) {
      if (node.has(key)) {
        return node.get(key);
      }
    }
    return null;
  }

  /** Every balanced {@code {...}} in a text, outermost first, in order. */
  private static List<String> objects(String text) {
    List<String> found = new ArrayList<>();
    int i = 0;
    while (i < text.length()) {
      int start = text.indexOf('{', i);
      if (start < 0) {
        break;
      }
      int end = matchingBrace(text, start);
      if (end < 0) {
        i = start + 1;
        continue;
      }
      found.add(text.substring(start, end + 1));
      i = start + 1; // nested objects are candidates too, after their parent
    }
    return found;
  }

  private static int matchingBrace(String text, int start) {
    int depth = 0;
    boolean inString = false;
    for (int i = start; i < text.length(); i++) {
      char c = text.charAt(i);
      if (inString) {
        if (c == '\\') {
          i++;
        } else if (c == '"') {
          inString = false;
        }
      } else if (c == '"') {
        inString = true;
      } else if (c == '{') {
        depth++;
      } else if (c == '}') {
        depth--;
        if (depth == 0) {
          return i;
        }
      }
    }
    return -1;
  }
}
