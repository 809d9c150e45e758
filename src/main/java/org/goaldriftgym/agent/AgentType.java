package org.goaldriftgym.agent;

import java.util.Arrays;
import java.util.List;

/** The kinds of agent endpoint the harness can talk to. */
public enum AgentType {
  /** OpenRouter: a key is required, {@code base_url} defaults to OpenRouter's API. */
  OPENROUTER("openrouter"),
  /** Any OpenAI-compatible server (Ollama, vLLM, llama.cpp, ...): {@code base_url} is required. */
  OPENAI_COMPATIBLE("openai-compatible");

  private final String wireName;

  AgentType(String wireName) {
    this.wireName = wireName;
  }

  /** The name used in configs and on the command line. */
  public String wireName() {
    return wireName;
  }

  /** The names of every type, for messages. */
  public static List<String> names() {
    return Arrays.stream(values()).map(AgentType::wireName).toList();
  }

  /**
   * Parses a type name.
   *
   * @throws AgentOptionException naming both valid types
   */
  public static AgentType parse(String name) {
    for (AgentType type : values()) {
      if (type.wireName.equals(name)) {
        return type;
      }
    }
    throw new AgentOptionException(
        "type",
        "unknown agent type '"
            + name
            + "'; valid types: openrouter (OpenRouter, needs OPENROUTER_API_KEY) and"
            + " openai-compatible (any OpenAI-compatible server, needs base_url)");
  }
}
