package org.goaldriftgym.agent;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The messages of one episode: the system prompt, then per step the user message, the assistant
 * message as received and one tool message per tool call id. {@code historyWindow} keeps only the
 * last steps (whole steps, so every tool message stays after its assistant message). Not
 * thread-safe: one agent, one run.
 */
final class Conversation {

  private final ChatMessage.SystemMessage system;
  private final Integer historyWindow;
  private final List<List<ChatMessage>> steps = new ArrayList<>();

  /**
   * @param historyWindow how many past steps to keep, or {@code null} for all
   */
  Conversation(String systemPrompt, Integer historyWindow) {
    this.system = new ChatMessage.SystemMessage(Objects.requireNonNull(systemPrompt));
    this.historyWindow = historyWindow;
  }

  /** Starts a step with its user message. */
  void user(String content) {
    List<ChatMessage> step = new ArrayList<>();
    step.add(new ChatMessage.UserMessage(content));
    steps.add(step);
  }

  /** Adds the reply to the current step; its tool results follow once the outcome is known. */
  void reply(ChatMessage.AssistantMessage assistant) {
    current().add(assistant);
  }

  /** Ends the current step with one tool result per tool call of the reply. */
  void toolResults(List<ChatMessage.ToolMessage> toolResults) {
    current().addAll(toolResults);
  }

  private List<ChatMessage> current() {
    if (steps.isEmpty()) {
      throw new IllegalStateException("a reply before any user message");
    }
    return steps.get(steps.size() - 1);
  }

  /** The messages to send now: system, the last steps within the window, the current step. */
  List<ChatMessage> messages() {
    List<ChatMessage> messages = new ArrayList<>();
    messages.add(system);
    int past = steps.size() - 1; // the last step is the current one
    int from = historyWindow == null ? 0 : Math.max(0, past - historyWindow);
    for (int i = from; i < steps.size(); i++) {
      messages.addAll(steps.get(i));
    }
    return messages;
  }
}
