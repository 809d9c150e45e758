package org.goaldriftgym.core;

import java.util.List;
import java.util.Objects;

/**
 * One step's exchange with an LLM agent, as the step log and transcripts record it. Everything here
 * except {@link #transport()} comes from the request and the reply, so a replayed reply gives the
 * same record; transport facts (retries, latency) vary between runs and only reach {@code
 * meta.json}. Immutable.
 *
 * @param prompt the user message rendered for this observation
 * @param response the assistant message as received, as JSON text (encrypted reasoning dropped), or
 *     {@code null} when no reply was obtained
 * @param reasoning the model's reasoning text, or {@code null}
 * @param content the message text, or {@code null}
 * @param toolCalls the tool calls in the reply, in order
 * @param interpretation how the reply became the action: {@code tool_call}, {@code text}, {@code
 *     none} or {@code invalid}
 * @param note why, in words (for example which tool calls were ignored), or {@code null}
 * @param model the model that actually answered, or {@code null}
 * @param usage token and cost accounting, or {@code null} when the reply carried none
 * @param transport requests, retries and latency of this step
 */
public record AgentTurn(
    String prompt,
    String response,
    String reasoning,
    String content,
    List<ToolCallRecord> toolCalls,
    String interpretation,
    String note,
    String model,
    Usage usage,
    Transport transport) {

  public AgentTurn {
    Objects.requireNonNull(prompt, "prompt");
    toolCalls = List.copyOf(toolCalls);
    Objects.requireNonNull(interpretation, "interpretation");
    Objects.requireNonNull(transport, "transport");
  }

  /**
   * A tool call as the model sent it.
   *
   * @param arguments the arguments exactly as sent (a JSON string on the wire)
   */
  public record ToolCallRecord(String id, String name, String arguments) {}

  /**
   * Tokens and cost of one reply; a {@code null} field was not reported.
   *
   * @param cost in credits (US dollars on OpenRouter), or {@code null} when not reported
   */
  public record Usage(
      Long promptTokens,
      Long completionTokens,
      Long reasoningTokens,
      Long cachedTokens,
      Long totalTokens,
      Double cost) {}

  /**
   * How the reply was obtained.
   *
   * @param requests HTTP requests sent for this step (0 when served from the cache)
   * @param retries requests that were retries
   * @param latencyMillis wall time spent waiting for replies, including backoff
   * @param fromCache true when the reply came from the record/replay cache
   */
  public record Transport(int requests, int retries, long latencyMillis, boolean fromCache) {}
}
