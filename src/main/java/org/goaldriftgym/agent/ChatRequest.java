package org.goaldriftgym.agent;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Objects;
import org.goaldriftgym.artifact.Json;

/**
 * One chat-completions request body: everything that decides the reply, and nothing else (no key,
 * no header, no timeout). Optional fields that are {@code null} are left out of the JSON.
 * Immutable.
 *
 * @param toolChoice {@code auto}, {@code required}, {@code none} or a tool name (sent as a named
 *     function)
 * @param reasoningEffort sent as {@code reasoning.effort}, or {@code null}
 * @param reasoningMaxTokens sent as {@code reasoning.max_tokens}, or {@code null}
 * @param requireParameters sent as {@code provider.require_parameters}, or {@code null}
 */
public record ChatRequest(
    String model,
    List<ChatMessage> messages,
    ArrayNode tools,
    String toolChoice,
    Double temperature,
    Integer maxTokens,
    Long seed,
    String reasoningEffort,
    Integer reasoningMaxTokens,
    Boolean requireParameters) {

  public ChatRequest {
    Objects.requireNonNull(model, "model");
    messages = List.copyOf(messages);
    tools = Objects.requireNonNull(tools, "tools").deepCopy();
    Objects.requireNonNull(toolChoice, "toolChoice");
  }

  @Override
  public ArrayNode tools() {
    return tools.deepCopy();
  }

  /** A request for this conversation with the options' sampling settings. */
  public static ChatRequest of(AgentOptions options, List<ChatMessage> messages, ArrayNode tools) {
    return new ChatRequest(
        options.model(),
        messages,
        tools,
        options.toolChoice(),
        options.temperature(),
        options.maxOutputTokens(),
        options.seed(),
        options.reasoningEffort(),
        options.reasoningMaxTokens(),
        options.requireParameters());
  }

  /** The same request with another tool choice. */
  public ChatRequest withToolChoice(String value) {
    return new ChatRequest(
        model,
        messages,
        tools,
        value,
        temperature,
        maxTokens,
        seed,
        reasoningEffort,
        reasoningMaxTokens,
        requireParameters);
  }

  /** The wire body, keys in a fixed order. */
  public ObjectNode toJson() {
    ObjectNode body = Json.object();
    body.put("model", model);
    ArrayNode messageArray = body.putArray("messages");
    messages.forEach(message -> messageArray.add(message.toJson()));
    if (tools.isEmpty()) {
      // a request without tools (the goal probe's judge) sends no tool_choice either
    } else if (AgentOptions.TOOL_CHOICES.contains(toolChoice)) {
      body.set("tools", tools.deepCopy());
      body.put("tool_choice", toolChoice);
    } else {
      body.set("tools", tools.deepCopy());
      ObjectNode named = body.putObject("tool_choice");
      named.put("type", "function");
      named.putObject("function").put("name", toolChoice);
    }
    if (temperature != null) {
      body.put("temperature", temperature);
    }
    if (maxTokens != null) {
      body.put("max_tokens", maxTokens);
    }
    if (seed != null) {
      body.put("seed", seed);
    }
    if (reasoningEffort != null || reasoningMaxTokens != null) {
      ObjectNode reasoning = body.putObject("reasoning");
      if (reasoningEffort != null) {
        reasoning.put("effort", reasoningEffort);
      }
      if (reasoningMaxTokens != null) {
        reasoning.put("max_tokens", reasoningMaxTokens);
      }
    }
    if (requireParameters != null) {
      body.putObject("provider").put("require_parameters", requireParameters);
    }
    return body;
  }
}
