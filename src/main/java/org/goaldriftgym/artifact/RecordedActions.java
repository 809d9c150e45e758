package org.goaldriftgym.artifact;

import static java.nio.charset.StandardCharsets.UTF_8;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.goaldriftgym.core.Action;

/**
 * The actions of a previous run for the {@code replay} policy, read from a run directory, its
 * {@code step_log.jsonl} (the harness's or the reference tool's), or a JSONL file of {@code
 * {"tool": ..., "args": {...}}} objects; {@code "tool": null} is the no-op. Immutable.
 *
 * @param file the file the actions came from
 * @param actions the actions in order
 * @param recordedInvalid for each action, whether its step log already recorded it as invalid (such
 *     actions replay as the same invalid call rather than being rejected up front)
 */
public record RecordedActions(Path file, List<Action> actions, List<Boolean> recordedInvalid) {

  public RecordedActions {
    actions = List.copyOf(actions);
    recordedInvalid = List.copyOf(recordedInvalid);
  }

  /**
   * Loads the action sequence.
   *
   * @throws IllegalArgumentException naming the file (and line) when it is missing, empty or
   *     malformed
   */
  public static RecordedActions load(Path source) {
    Path file = Files.isDirectory(source) ? source.resolve("step_log.jsonl") : source;
    List<Action> actions = new ArrayList<>();
    List<Boolean> invalid = new ArrayList<>();
    try (BufferedReader reader = Files.newBufferedReader(file, UTF_8)) {
      String line;
      int number = 0;
      while ((line = reader.readLine()) != null) {
        number++;
        if (line.isBlank()) {
          continue;
        }
        JsonNode node = parseLine(file, number, line);
        actions.add(action(file, number, node));
        JsonNode reason = node.path("outcome").path("log").path("invalid_action");
        invalid.add(reason.isTextual());
      }
    } catch (NoSuchFileException e) {
      throw new IllegalArgumentException(
          "replay source " + file + " does not exist; pass a run directory or a .jsonl file");
    } catch (IOException e) {
      throw new IllegalArgumentException(
          "cannot read replay source " + file + ": " + e.getMessage());
    }
    if (actions.isEmpty()) {
      throw new IllegalArgumentException("replay source " + file + " holds no actions");
    }
    return new RecordedActions(file, actions, invalid);
  }

  /**
   * sha256 of the canonical JSON of the action sequence: what a replay's behaviour depends on,
   * whatever file it was read from.
   */
  public String digest() {
    com.fasterxml.jackson.databind.node.ArrayNode list = Json.MAPPER.createArrayNode();
    for (Action action : actions) {
      com.fasterxml.jackson.databind.node.ObjectNode node = list.addObject();
      node.put("tool", action.tool());
      node.set("args", Json.tree(action.args()));
      if (action.argsProblem() != null) {
        node.put("args_problem", action.argsProblem());
      }
    }
    return Json.sha256(Json.canonical(list));
  }

  private static JsonNode parseLine(Path file, int number, String line) {
    try {
      JsonNode node = Json.MAPPER.readTree(line);
      if (!node.isObject()) {
        throw new IllegalArgumentException(file + " line " + number + " is not a JSON object");
      }
      return node;
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(
          file + " line " + number + " is not JSON: " + e.getOriginalMessage());
    }
  }

  private static Action action(Path file, int number, JsonNode node) {
    JsonNode call = node.has("action") ? node.get("action") : node;
    JsonNode toolNode = call.get("tool");
    if (toolNode == null || !(toolNode.isTextual() || toolNode.isNull())) {
      throw new IllegalArgumentException(
          file
              + " line "
              + number
              + " has no \"tool\" (a string, or null for a no-op); expected a step log record or"
              + " {\"tool\": ..., \"args\": {...}}");
    }
    // the reference tool writes a no-op as "tool": null
    JsonNode tool = toolNode.isNull() ? TextNode.valueOf(Action.NOOP) : toolNode;
    JsonNode problem = call.get("args_problem");
    if (problem != null && problem.isTextual()) {
      return Action.withUnreadableArgs(tool.asText(), problem.asText());
    }
    JsonNode args = call.get("args");
    if (args == null || args.isNull()) {
      return Action.of(tool.asText());
    }
    if (!args.isObject()) {
      return Action.withUnreadableArgs(
          tool.asText(),
          "arguments are "
              + args.getNodeType().name().toLowerCase(java.util.Locale.ROOT)
              + ", not an object");
    }
    @SuppressWarnings("unchecked")
    Map<String, Object> values = Json.MAPPER.convertValue(args, LinkedHashMap.class);
    return Action.of(tool.asText(), values);
  }
}
