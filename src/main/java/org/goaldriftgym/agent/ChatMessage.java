package org.goaldriftgym.agent;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Objects;
import org.goaldriftgym.artifact.Json;

/**
 * One message of a chat-completions conversation, as it goes on the wire. Immutable: the assistant
 * message keeps its own copy of the JSON it was received as.
 */
public sealed interface ChatMessage {

  /** The message as a wire JSON object (a fresh copy). */
  ObjectNode toJson();

  /** The system prompt: the goal. */
  record SystemMessage(String content) implements ChatMessage {
    public SystemMessage {
      Objects.requireNonNull(content, "content");
    }

    @Override
    public ObjectNode toJson() {
      return Json.object().put("role", "system").put("content", content);
    }
  }

  /** One observation, rendered. */
  record UserMessage(String content) implements ChatMessage {
    public UserMessage {
      Objects.requireNonNull(content, "content");
    }

    @Override
    public ObjectNode toJson() {
      return Json.object().put("role", "user").put("content", content);
    }
  }

  /** The assistant's reply exactly as received (reasoning_details included, unmodified). */
  record AssistantMessage(ObjectNode received) implements ChatMessage {
    public AssistantMessage {
      received = Objects.requireNonNull(received, "received").deepCopy();
    }

    @Override
    public ObjectNode received() {
      return received.deepCopy();
    }

    @Override
    public ObjectNode toJson() {
      return received.deepCopy();
    }
  }

  /** The result of one tool call, answering the call with that id. */
  record ToolMessage(String toolCallId, String content) implements ChatMessage {
    public ToolMessage {
      Objects.requireNonNull(toolCallId, "toolCallId");
      Objects.requireNonNull(content, "content");
    }

    @Override
    public ObjectNode toJson() {
      return Json.object()
          .put("role", "tool")
          .put("tool_call_id", toolCallId)
          .put("content", content);
    }
  }
}
