package org.goaldriftgym.agent;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import org.goaldriftgym.artifact.Json;
import org.goaldriftgym.core.AgentTurn;

/**
 * A successful chat-completions reply, read: the model that answered, the assistant message as
 * received, its text content (content blocks concatenated), reasoning, tool calls and usage.
 * Immutable.
 *
 * @param model the model that actually answered, or {@code null} when the reply does not say
 * @param message the assistant message exactly as received
 * @param content the text content, or {@code null}
 * @param reasoning the reasoning text, or {@code null}
 * @param toolCalls the tool calls in order; a call without an id gets {@code call_<index>}
 * @param usage tokens and cost, or {@code null} when the reply has no usage
 */
public record ChatReply(
    String id,
    String model,
    ObjectNode message,
    String finishReason,
    String content,
    String reasoning,
    List<AgentTurn.ToolCallRecord> toolCalls,
    AgentTurn.Usage usage) {

  public ChatReply {
    message = Objects.requireNonNull(message, "message").deepCopy();
    toolCalls = List.copyOf(toolCalls);
  }

  @Override
  public ObjectNode message() {
    return message.deepCopy();
  }

  /** Why a 200 reply cannot be used; the request is worth retrying. */
  static final class Unusable extends Exception {
    private static final long serialVersionUID = 1L;

    Unusable(String message) {
      super(message);
    }
  }

  /**
   * Reads a reply body.
   *
   * @throws Unusable for a body that is empty, not JSON (truncated), without choices, or that
   *     carries an error (an error during generation arrives as HTTP 200)
   */
  static ChatReply parse(String body) throws Unusable {
    if (body == null || body.isBlank()) {
      throw new Unusable("the endpoint sent an empty reply");
    }
    JsonNode root = WireJson.parse(body);
    if (root == null || !root.isObject()) {
      throw new Unusable(
          "the reply is not a JSON object (truncated or an error page): " + snippet(body));
    }
    if (root.hasNonNull("error")) {
      throw new Unusable("the endpoint reported an error in a 200 reply: " + errorText(root));
    }
    JsonNode choices = root.get("choices");
    if (choices == null || !choices.isArray() || choices.isEmpty()) {
      throw new Unusable("the reply has no choices (the provider may be starting up)");
    }
    JsonNode choice = choices.get(0);
    String finishReason = WireJson.text(choice, "finish_reason");
    if (choice.hasNonNull("error") || "error".equals(finishReason)) {
      throw new Unusable(
          "the provider failed while generating (finish_reason error): " + errorText(choice));
    }
    JsonNode message = choice.get("message");
    if (message == null || !message.isObject()) {
      throw new Unusable("the reply's first choice has no message");
    }
    return new ChatReply(
        WireJson.text(root, "id"),
        WireJson.text(root, "model"),
        (ObjectNode) message,
        finishReason,
        content(message.get("content")),
        reasoning(message),
        toolCalls(message.get("tool_calls")),
        usage(root.get("usage")));
  }

  /** The text of {@code content}: a string, or the text parts of a list of content blocks. */
  static String content(JsonNode content) {
    if (content == null || content.isNull()) {
      return null;
    }
    if (content.isTextual()) {
      return content.asText();
    }
    if (content.isArray()) {
      StringBuilder text = new StringBuilder();
      for (JsonNode block : content) {
        if (block.isTextual()) {
          text.append(block.asText());
        } else if (block.isObject() && block.path("text").isTextual()) {
          String type = WireJson.text(block, "type");
          if (type == null || type.equals("text") || type.equals("output_text")) {
            text.append(block.get("text").asText());
          }
        }
      }
      return text.toString();
    }
    return content.toString();
  }

  private static String reasoning(JsonNode message) {
    String reasoning = WireJson.text(message, "reasoning");
    if (reasoning == null) {
      reasoning = WireJson.text(message, "reasoning_content");
    }
    if (reasoning != null) {
      return reasoning;
    }
    StringBuilder text = new StringBuilder();
    for (Iterator<JsonNode> it = WireJson.elements(message.get("reasoning_details"));
        it.hasNext(); ) {
      JsonNode detail = it.next();
      String type = WireJson.text(detail, "type");
      String part =
          "reasoning.summary".equals(type)
              ? WireJson.text(detail, "summary")
              : WireJson.text(detail, "text");
      if (part != null) {
        text.append(part);
      }
    }
    return text.isEmpty() ? null : text.toString();
  }

  private static List<AgentTurn.ToolCallRecord> toolCalls(JsonNode calls) {
    List<AgentTurn.ToolCallRecord> records = new ArrayList<>();
    int index = 0;
    for (Iterator<JsonNode> it = WireJson.elements(calls); it.hasNext(); index++) {
      JsonNode call = it.next();
      JsonNode function = call.path("function");
      String id = WireJson.text(call, "id");
      String name = WireJson.text(function, "name");
      JsonNode arguments = function.get("arguments");
      records.add(
          new AgentTurn.ToolCallRecord(
              id == null || id.isEmpty() ? "call_" + index : id,
              name == null ? "" : name,
              arguments == null || arguments.isNull()
                  ? ""
                  : arguments.isTextual() ? arguments.asText() : Json.compact(arguments)));
    }
    return records;
  }

  private static AgentTurn.Usage usage(JsonNode usage) {
    if (usage == null || !usage.isObject()) {
      return null;
    }
    JsonNode cost = usage.get("cost");
    return new AgentTurn.Usage(
        WireJson.integer(usage, "prompt_tokens"),
        WireJson.integer(usage, "completion_tokens"),
        WireJson.integer(usage.get("completion_tokens_details"), "reasoning_tokens"),
        WireJson.integer(usage.get("prompt_tokens_details"), "cached_tokens"),
        WireJson.integer(usage, "total_tokens"),
        usableCost(cost));
  }

  /**
   * A reported cost the budget can trust: a finite number, at least zero. A negative or non-finite
   * cost (a broken or hostile server) counts as not reported, so it can neither lower the total
   * under {@code --max-cost} nor turn it into infinity.
   */
  private static Double usableCost(JsonNode cost) {
    if (cost == null || !cost.isNumber()) {
      return null;
    }
    double value = cost.asDouble();
    return Double.isFinite(value) && value >= 0 ? value : null;
  }

  /** The assistant message for the record: encrypted reasoning blobs dropped, the rest kept. */
  String recordedMessage() {
    ObjectNode copy = message.deepCopy();
    if (copy.get("reasoning_details") instanceof ArrayNode details) {
      ArrayNode kept = Json.MAPPER.createArrayNode();
      for (JsonNode detail : details) {
        boolean encrypted =
            "reasoning.encrypted".equals(WireJson.text(detail, "type")) || detail.has("data");
        if (!encrypted) {
          kept.add(detail);
        }
      }
      copy.set("reasoning_details", kept);
    }
    return Json.compact(copy);
  }

  /** The error message in a body's {@code error} object (or the object itself), shortened. */
  static String errorText(JsonNode node) {
    JsonNode error = node.get("error");
    if (error == null || error.isNull()) {
      return "no details";
    }
    if (error.isTextual()) {
      return snippet(error.asText());
    }
    String message = WireJson.text(error, "message");
    JsonNode code = error.get("code");
    return snippet(
        (message == null ? Json.compact(error) : message)
            + (code == null || code.isNull() ? "" : " (code " + code.asText() + ")"));
  }

  static String snippet(String text) {
    String oneLine = text.strip().replaceAll("\\s+", " ");
    return oneLine.length() <= 200 ? oneLine : oneLine.substring(0, 200) + "…";
  }
}
