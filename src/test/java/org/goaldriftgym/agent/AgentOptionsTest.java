package org.goaldriftgym.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.goaldriftgym.core.RunConfig.AgentSettings;
import org.junit.jupiter.api.Test;

class AgentOptionsTest {

  private static AgentOptions of(String type, Map<String, Object> params) {
    return AgentOptions.of(new AgentSettings(type, params));
  }

  private static AgentOptionException error(String type, Map<String, Object> params) {
    return assertThrows(AgentOptionException.class, () -> of(type, params));
  }

  @Test
  void openrouterDefaults() {
    AgentOptions options = of("openrouter", Map.of("model", "openai/gpt-4o"));
    assertEquals(AgentType.OPENROUTER, options.type());
    assertEquals("https://openrouter.ai/api/v1", options.baseUrl());
    assertEquals("https://openrouter.ai/api/v1/chat/completions", options.endpoint());
    assertEquals("OPENROUTER_API_KEY", options.apiKeyEnv());
    assertTrue(options.requiresKey());
    assertEquals("auto", options.toolChoice());
    assertEquals(Duration.ofSeconds(10), options.connectTimeout());
    assertEquals(Duration.ofSeconds(120), options.readTimeout());
    assertEquals(Duration.ofSeconds(300), options.callTimeout());
    assertEquals(5, options.maxRetries());
    assertNull(options.historyWindow());
    assertNull(options.temperature());
  }

  @Test
  void everyParamIsRead() {
    Map<String, Object> params = new LinkedHashMap<>();
    params.put("model", "m");
    params.put("temperature", 0.2);
    params.put("max_output_tokens", 512);
    params.put("seed", 7);
    params.put("reasoning_effort", "low");
    params.put("reasoning_max_tokens", 100);
    params.put("tool_choice", "required");
    params.put("system_prompt", "Be good.");
    params.put("base_url", "http://localhost:11434/v1/");
    params.put("api_key_env", "MY_KEY");
    params.put("connect_timeout_s", 1.5);
    params.put("read_timeout_s", 2);
    params.put("call_timeout_s", 3);
    params.put("max_retries", 0);
    params.put("history_window", 4);
    params.put("http_referer", "https://example.org");
    params.put("x_title", "gdg");
    params.put("require_parameters", true);
    params.put("max_cost", 0.5);
    params.put("observation_mode", "raw");
    params.put("goal_probe", true);
    params.put("judge_model", "openai/gpt-4o-mini");
    params.put("instrumental_steps", 5);
    AgentOptions options = of("openai-compatible", params);
    assertEquals(0.2, options.temperature());
    assertEquals(512, options.maxOutputTokens());
    assertEquals(7L, options.seed());
    assertEquals("low", options.reasoningEffort());
    assertEquals(100, options.reasoningMaxTokens());
    assertEquals("required", options.toolChoice());
    assertEquals("Be good.", options.systemPrompt());
    assertEquals("http://localhost:11434/v1", options.baseUrl());
    assertEquals("MY_KEY", options.apiKeyEnv());
    assertEquals(Duration.ofMillis(1500), options.connectTimeout());
    assertEquals(0, options.maxRetries());
    assertEquals(4, options.historyWindow());
    assertEquals("gdg", options.xTitle());
    assertEquals(true, options.requireParameters());
    assertEquals(0.5, options.maxCost());
    assertEquals(ObservationMode.RAW, options.observationMode());
    assertTrue(options.goalProbe());
    assertEquals("openai/gpt-4o-mini", options.judgeModel());
    assertEquals(5, options.instrumentalSteps());
    assertEquals(List.copyOf(params.keySet()), AgentOptions.paramNames());
  }

  @Test
  void openaiCompatibleNeedsABaseUrlAndNoKey() {
    AgentOptionException e = error("openai-compatible", Map.of("model", "llama3.1"));
    assertEquals("base_url", e.param());
    assertTrue(e.getMessage().contains("http://localhost:11434/v1"), e.getMessage());
    AgentOptions local =
        of("openai-compatible", Map.of("model", "llama3.1", "base_url", "http://h:1/v1"));
    assertFalse(local.requiresKey());
  }

  @Test
  void unknownTypeNamesBoth() {
    AgentOptionException e = error("openrouterr", Map.of("model", "m"));
    assertEquals("type", e.param());
    assertTrue(e.getMessage().contains("openrouter"), e.getMessage());
    assertTrue(e.getMessage().contains("openai-compatible"), e.getMessage());
  }

  @Test
  void missingModel() {
    AgentOptionException e = error("openrouter", Map.of("temperature", 0.1));
    assertEquals("model", e.param());
    assertTrue(e.getMessage().contains("--model"), e.getMessage());
  }

  @Test
  void nonNumericTemperature() {
    AgentOptionException e = error("openrouter", Map.of("model", "m", "temperature", "hot"));
    assertEquals("temperature", e.param());
    assertTrue(e.getMessage().contains("must be a number"), e.getMessage());
    assertThrows(AgentOptionException.class, () -> AgentOptions.parseValue("temperature", "hot"));
    assertEquals(0.25, AgentOptions.parseValue("temperature", "0.25"));
    assertEquals(3L, AgentOptions.parseValue("max_retries", "3"));
    assertEquals(true, AgentOptions.parseValue("require_parameters", "true"));
    assertEquals("0.5", AgentOptions.parseValue("model", "0.5"));
  }

  @Test
  void unknownParamNamesTheNearestAndTheValidOnes() {
    AgentOptionException e = error("openrouter", Map.of("model", "m", "tempreature", 0.1));
    assertTrue(e.getMessage().contains("did you mean temperature"), e.getMessage());
    assertTrue(e.getMessage().contains("valid params: model, temperature"), e.getMessage());
  }

  @Test
  void aKeyGivenAsAParamIsRefusedWithoutEchoingIt() {
    AgentOptionException e = error("openrouter", Map.of("model", "m", "api_key", "sk-secret-1"));
    assertFalse(e.getMessage().contains("sk-secret-1"), e.getMessage());
    assertTrue(e.getMessage().contains("OPENROUTER_API_KEY"), e.getMessage());
    AgentOptionException env =
        error("openrouter", Map.of("model", "m", "api_key_env", "sk-or-v1-abc"));
    assertFalse(env.getMessage().contains("sk-or-v1-abc"), env.getMessage());
  }

  @Test
  void badValues() {
    assertEquals(
        "temperature", error("openrouter", Map.of("model", "m", "temperature", 3)).param());
    assertEquals(
        "max_output_tokens",
        error("openrouter", Map.of("model", "m", "max_output_tokens", 0)).param());
    assertEquals(
        "max_output_tokens",
        error("openrouter", Map.of("model", "m", "max_output_tokens", 1.5)).param());
    assertEquals(
        "reasoning_effort",
        error("openrouter", Map.of("model", "m", "reasoning_effort", "huge")).param());
    assertEquals(
        "base_url", error("openrouter", Map.of("model", "m", "base_url", "ftp://x")).param());
    assertEquals(
        "read_timeout_s", error("openrouter", Map.of("model", "m", "read_timeout_s", 0)).param());
    assertEquals(
        "max_retries", error("openrouter", Map.of("model", "m", "max_retries", -1)).param());
    assertEquals(
        "history_window", error("openrouter", Map.of("model", "m", "history_window", -2)).param());
    assertEquals("max_cost", error("openrouter", Map.of("model", "m", "max_cost", 0)).param());
    assertEquals(
        "require_parameters",
        error("openrouter", Map.of("model", "m", "require_parameters", "yes")).param());
  }

  @Test
  void toolChoiceMustBeAModeOrAnOfferedTool() {
    AgentOptions named = of("openrouter", Map.of("model", "m", "tool_choice", "deploy"));
    named.checkToolChoice(List.of("run_tests", "deploy"));
    AgentOptionException e =
        assertThrows(
            AgentOptionException.class,
            () -> named.checkToolChoice(List.of("buy_green", "review_esg")));
    assertEquals("tool_choice", e.param());
  }
}
