/**
 * LLM agents over OpenRouter and any OpenAI-compatible chat-completions endpoint: validated options
 * ({@link org.goaldriftgym.agent.AgentOptions}), the conversation and prompt rendering, JSON-Schema
 * tool definitions generated from a scenario's typed tools, the HTTP client with retries and
 * backoff ({@link org.goaldriftgym.agent.OpenAiCompatibleClient}), reply interpretation ({@link
 * org.goaldriftgym.agent.Interpretation}), the record/replay cache ({@link
 * org.goaldriftgym.agent.ReplyCache}) and the agent itself ({@link
 * org.goaldriftgym.agent.LlmAgent}), built by {@link org.goaldriftgym.agent.AgentFactory}. The wire
 * format and the rules are described in {@code docs/agents.md}.
 */
package org.goaldriftgym.agent;
