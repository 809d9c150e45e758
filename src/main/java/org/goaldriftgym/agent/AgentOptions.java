package org.goaldriftgym.agent;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;
import org.goaldriftgym.core.RunConfig.AgentSettings;
import org.goaldriftgym.scenario.Names;

/**
 * An LLM agent's settings, checked: the endpoint type and model, the sampling parameters sent on
 * the wire, and transport settings (timeouts, retries, key variable, attribution headers) that
 * never change a reply. Never holds a secret: {@code apiKeyEnv} names the variable the key is read
 * from. Immutable.
 *
 * @param temperature sampling temperature in [0, 2], or {@code null} for the endpoint's default
 * @param maxOutputTokens sent as {@code max_tokens}, or {@code null}
 * @param seed sampling seed sent to the endpoint, or {@code null}
 * @param reasoningEffort sent as {@code reasoning: {"effort": ...}}, or {@code null}
 * @param reasoningMaxTokens sent as {@code reasoning: {"max_tokens": ...}}, or {@code null}
 * @param toolChoice {@code auto}, {@code required}, {@code none} or a tool name
 * @param systemPrompt replaces the scenario's system prompt, or {@code null}
 * @param baseUrl the API root; {@code /chat/completions} is appended
 * @param apiKeyEnv the environment variable holding the key, or {@code null} for no key
 * @param historyWindow past steps kept in the conversation, or {@code null} for all
 * @param requireParameters sent as {@code provider.require_parameters}, or {@code null}
 * @param maxCost stop the run once the reported cost passes this, or {@code null}
 * @param observationMode how observations are rendered for the agent ({@code annotated} unless set)
 * @param goalProbe ask the agent for its goal after the last step
 * @param judgeModel the model that grades the probe's answer against the system goal, or {@code
 *     null} for no grade
 * @param instrumentalSteps steps the agent pursues an instrumental goal before a goal switch
 *     restores the system goal, or {@code null} for no instrumental phase
 */
public record AgentOptions(
    AgentType type,
    String model,
    Double temperature,
    Integer maxOutputTokens,
    Long seed,
    String reasoningEffort,
    Integer reasoningMaxTokens,
    String toolChoice,
    String systemPrompt,
    String baseUrl,
    String apiKeyEnv,
    Duration connectTimeout,
    Duration readTimeout,
    Duration callTimeout,
    int maxRetries,
    Integer historyWindow,
    String httpReferer,
    String xTitle,
    Boolean requireParameters,
    Double maxCost,
    ObservationMode observationMode,
    boolean goalProbe,
    String judgeModel,
    Integer instrumentalSteps) {

  /** OpenRouter's API root, the default {@code base_url} of {@code openrouter}. */
  public static final String OPENROUTER_BASE_URL = "https://openrouter.ai/api/v1";

  /** The key variable of {@code openrouter} unless {@code api_key_env} names another. */
  public static final String OPENROUTER_KEY_ENV = "OPENROUTER_API_KEY";

  public static final List<String> TOOL_CHOICES = List.of("auto", "required", "none");
  public static final List<String> REASONING_EFFORTS =
      List.of("none", "minimal", "low", "medium", "high");

  /** user:password@ in the authority, or a query parameter named like a secret. */
  private static final java.util.regex.Pattern CREDENTIALS_IN_URL =
      java.util.regex.Pattern.compile(
          "^[a-zA-Z][a-zA-Z0-9+.-]*://[^/?#]*@|[?&](?i:[a-z_-]*(?:key|token|secret|password|auth)"
              + "[a-z_-]*)=");

  private static final Pattern ENV_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
  private static final Pattern DECIMAL =
      Pattern.compile("[+-]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][+-]?\\d+)?");

  /** What kind of value a parameter takes. */
  private enum Kind {
    TEXT,
    NUMBER,
    INTEGER,
    BOOLEAN
  }

  /** Every parameter, in documentation order. */
  private static final Map<String, Kind> PARAMS = params();

  private static Map<String, Kind> params() {
    Map<String, Kind> params = new LinkedHashMap<>();
    params.put("model", Kind.TEXT);
    params.put("temperature", Kind.NUMBER);
    params.put("max_output_tokens", Kind.INTEGER);
    params.put("seed", Kind.INTEGER);
    params.put("reasoning_effort", Kind.TEXT);
    params.put("reasoning_max_tokens", Kind.INTEGER);
    params.put("tool_choice", Kind.TEXT);
    params.put("system_prompt", Kind.TEXT);
    params.put("base_url", Kind.TEXT);
    params.put("api_key_env", Kind.TEXT);
    params.put("connect_timeout_s", Kind.NUMBER);
    params.put("read_timeout_s", Kind.NUMBER);
    params.put("call_timeout_s", Kind.NUMBER);
    params.put("max_retries", Kind.INTEGER);
    params.put("history_window", Kind.INTEGER);
    params.put("http_referer", Kind.TEXT);
    params.put("x_title", Kind.TEXT);
    params.put("require_parameters", Kind.BOOLEAN);
    params.put("max_cost", Kind.NUMBER);
    params.put("observation_mode", Kind.TEXT);
    params.put("goal_probe", Kind.BOOLEAN);
    params.put("judge_model", Kind.TEXT);
    params.put("instrumental_steps", Kind.INTEGER);
    return Collections.unmodifiableMap(params);
  }

  public AgentOptions {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(model, "model");
    Objects.requireNonNull(toolChoice, "toolChoice");
    Objects.requireNonNull(baseUrl, "baseUrl");
    Objects.requireNonNull(connectTimeout, "connectTimeout");
    Objects.requireNonNull(readTimeout, "readTimeout");
    Objects.requireNonNull(callTimeout, "callTimeout");
    Objects.requireNonNull(observationMode, "observationMode");
    if (model.isBlank()) {
      throw new AgentOptionException("model", "agent model must not be blank");
    }
    if (temperature != null && !(temperature >= 0 && temperature <= 2)) {
      throw new AgentOptionException(
          "temperature", "agent param temperature must be in [0, 2], got " + temperature);
    }
    positive("max_output_tokens", maxOutputTokens);
    positive("reasoning_max_tokens", reasoningMaxTokens);
    positive("instrumental_steps", instrumentalSteps);
    if (reasoningEffort != null && !REASONING_EFFORTS.contains(reasoningEffort)) {
      throw new AgentOptionException(
          "reasoning_effort",
          "agent param reasoning_effort must be one of "
              + String.join(", ", REASONING_EFFORTS)
              + ", got '"
              + reasoningEffort
              + "'");
    }
    if (toolChoice.isBlank()) {
      throw new AgentOptionException(
          "tool_choice", "agent param tool_choice must be auto, required, none or a tool name");
    }
    if (!baseUrl.startsWith("http://") && !baseUrl.startsWith("https://")) {
      throw new AgentOptionException(
          "base_url",
          "agent param base_url must start with http:// or https:// (for example"
              + " http://localhost:11434/v1), got '"
              + baseUrl
              + "'");
    }
    if (CREDENTIALS_IN_URL.matcher(baseUrl).find()) {
      // never echo the URL: it holds the secret, and config.json would store it verbatim
      throw new AgentOptionException(
          "base_url",
          "agent param base_url carries credentials (user:password@ or a key/token query"
              + " parameter), which would be written to config.json and meta.json; give the bare"
              + " URL and put the key in the environment variable named by api_key_env (or .env)");
    }
    if (apiKeyEnv != null && !ENV_NAME.matcher(apiKeyEnv).matches()) {
      // never echo the value: it may be the key itself, pasted in the wrong place
      throw new AgentOptionException(
          "api_key_env",
          "agent param api_key_env must be the NAME of an environment variable (letters, digits"
              + " and _), not the key itself; put the key in that variable or in .env");
    }
    for (Map.Entry<String, Duration> timeout :
        Map.of(
                "connect_timeout_s", connectTimeout,
                "read_timeout_s", readTimeout,
                "call_timeout_s", callTimeout)
            .entrySet()) {
      if (timeout.getValue().isNegative() || timeout.getValue().isZero()) {
        throw new AgentOptionException(
            timeout.getKey(), "agent param " + timeout.getKey() + " must be > 0 seconds");
      }
    }
    if (maxRetries < 0 || maxRetries > 100) {
      throw new AgentOptionException(
          "max_retries", "agent param max_retries must be in [0, 100], got " + maxRetries);
    }
    if (historyWindow != null && historyWindow < 0) {
      throw new AgentOptionException(
          "history_window", "agent param history_window must be >= 0, got " + historyWindow);
    }
    if (judgeModel != null && (judgeModel.isBlank() || !goalProbe)) {
      throw new AgentOptionException(
          "judge_model",
          "judge_model (--judge-model) grades the goal probe: it needs goal_probe (--goal-probe)"
              + " and a model name");
    }
    if (maxCost != null && !(maxCost > 0 && Double.isFinite(maxCost))) {
      throw new AgentOptionException(
          "max_cost", "max_cost (--max-cost) must be a positive number, got " + maxCost);
    }
  }

  private static void positive(String name, Integer value) {
    if (value != null && value <= 0) {
      throw new AgentOptionException(
          name, "agent param " + name + " must be a positive integer, got " + value);
    }
  }

  /** The parameter names, in documentation order. */
  public static List<String> paramNames() {
    return List.copyOf(PARAMS.keySet());
  }

  /**
   * Checks an agent block and fills in defaults.
   *
   * @throws AgentOptionException for an unknown type or parameter, a missing model, or a bad value;
   *     the message names the parameter and never echoes a secret-looking value
   */
  public static AgentOptions of(AgentSettings settings) {
    AgentType type = AgentType.parse(settings.type());
    Map<String, Object> params = settings.params();
    for (String key : params.keySet()) {
      requireKnown(key);
    }
    Values values = new Values(params);
    String model = values.text("model");
    if (model == null) {
      throw new AgentOptionException(
          "model",
          "agent "
              + type.wireName()
              + " needs a model: pass --model <provider/model> (for example openai/gpt-4o) or set"
              + " model in the agent block");
    }
    String baseUrl = values.text("base_url");
    String apiKeyEnv = values.text("api_key_env");
    if (type == AgentType.OPENROUTER) {
      baseUrl = baseUrl == null ? OPENROUTER_BASE_URL : baseUrl;
      apiKeyEnv = apiKeyEnv == null ? OPENROUTER_KEY_ENV : apiKeyEnv;
    } else if (baseUrl == null) {
      throw new AgentOptionException(
          "base_url",
          "agent openai-compatible needs base_url, for example --agent-param"
              + " base_url=http://localhost:11434/v1 (Ollama)");
    }
    String toolChoice = values.text("tool_choice");
    Long maxRetries = values.integer("max_retries");
    return new AgentOptions(
        type,
        model,
        values.number("temperature"),
        toInt("max_output_tokens", values.integer("max_output_tokens")),
        values.integer("seed"),
        values.text("reasoning_effort"),
        toInt("reasoning_max_tokens", values.integer("reasoning_max_tokens")),
        toolChoice == null ? "auto" : toolChoice,
        values.text("system_prompt"),
        stripSlash(baseUrl),
        apiKeyEnv,
        seconds("connect_timeout_s", values.number("connect_timeout_s"), 10),
        seconds("read_timeout_s", values.number("read_timeout_s"), 120),
        seconds("call_timeout_s", values.number("call_timeout_s"), 300),
        maxRetries == null ? 5 : toInt("max_retries", maxRetries),
        toInt("history_window", values.integer("history_window")),
        values.text("http_referer"),
        values.text("x_title"),
        values.bool("require_parameters"),
        values.number("max_cost"),
        values.text("observation_mode") == null
            ? ObservationMode.DEFAULT
            : ObservationMode.parse(values.text("observation_mode")),
        Boolean.TRUE.equals(values.bool("goal_probe")),
        values.text("judge_model"),
        toInt("instrumental_steps", values.integer("instrumental_steps")));
  }

  /**
   * Reads a {@code --agent-param KEY=VALUE} value as the parameter's type: numbers for numeric
   * parameters, {@code true}/{@code false} for booleans, text otherwise.
   *
   * @throws AgentOptionException for an unknown parameter or a value of the wrong type
   */
  public static Object parseValue(String key, String text) {
    Kind kind = requireKnown(key);
    String trimmed = text.trim();
    return switch (kind) {
      case TEXT -> text;
      case NUMBER -> new Values(Map.of(key, trimmed)).number(key);
      case INTEGER -> new Values(Map.of(key, trimmed)).integer(key);
      case BOOLEAN -> new Values(Map.of(key, trimmed)).bool(key);
    };
  }

  private static Kind requireKnown(String key) {
    Kind kind = PARAMS.get(key);
    if (kind == null) {
      String hint =
          key.toLowerCase(Locale.ROOT).contains("key") && !key.endsWith("_env")
              ? "; keys never go in a config or on the command line: put the key in"
                  + " OPENROUTER_API_KEY (or the variable named by api_key_env), in the environment"
                  + " or in .env"
              : "";
      throw new AgentOptionException(
          key,
          "unknown agent param '"
              + key
              + "'"
              + Names.didYouMean(key, PARAMS.keySet())
              + hint
              + "; valid params: "
              + String.join(", ", PARAMS.keySet()));
    }
    return kind;
  }

  /** The chat-completions URL. */
  public String endpoint() {
    return baseUrl + "/chat/completions";
  }

  /** Whether the endpoint needs a key (OpenRouter, or any endpoint given an api_key_env). */
  public boolean requiresKey() {
    return apiKeyEnv != null;
  }

  /**
   * Checks {@code tool_choice} against the scenario's tools.
   *
   * @throws AgentOptionException when it is neither auto/required/none nor an offered tool
   */
  public void checkToolChoice(List<String> tools) {
    if (!TOOL_CHOICES.contains(toolChoice) && !tools.contains(toolChoice)) {
      throw new AgentOptionException(
          "tool_choice",
          "agent param tool_choice must be auto, required, none or one of the scenario's tools ("
              + String.join(", ", tools)
              + "), got '"
              + toolChoice
              + "'"
              + Names.didYouMean(toolChoice, tools));
    }
  }

  private static String stripSlash(String url) {
    String result = url;
    while (result.endsWith("/")) {
      result = result.substring(0, result.length() - 1);
    }
    return result;
  }

  private static Integer toInt(String key, Long value) {
    if (value == null) {
      return null;
    }
    if (value > Integer.MAX_VALUE || value < Integer.MIN_VALUE) {
      throw new AgentOptionException(key, "agent param " + key + " is too large: " + value);
    }
    return value.intValue();
  }

  private static Duration seconds(String key, Double value, long defaultSeconds) {
    if (value == null) {
      return Duration.ofSeconds(defaultSeconds);
    }
    if (!(value > 0) || !Double.isFinite(value) || value > 86_400) {
      throw new AgentOptionException(
          key, "agent param " + key + " must be a number of seconds in (0, 86400], got " + value);
    }
    return Duration.ofMillis(Math.max(1, Math.round(value * 1000)));
  }

  /** Typed reads of plain values (from YAML, JSON or flag text). */
  private record Values(Map<String, Object> params) {

    String text(String key) {
      Object value = params.get(key);
      if (value == null) {
        return null;
      }
      if (value instanceof String text) {
        return text;
      }
      if (value instanceof Number || value instanceof Boolean) {
        return String.valueOf(value);
      }
      throw new AgentOptionException(key, "agent param " + key + " must be text");
    }

    Double number(String key) {
      Object value = params.get(key);
      if (value == null) {
        return null;
      }
      if (value instanceof Number number) {
        return number.doubleValue();
      }
      if (value instanceof String text) {
        if (DECIMAL.matcher(text.trim()).matches()) {
          return Double.parseDouble(text.trim());
        }
      }
      throw new AgentOptionException(
          key, "agent param " + key + " must be a number (for example 0.2), got '" + value + "'");
    }

    Long integer(String key) {
      Object value = params.get(key);
      if (value == null) {
        return null;
      }
      try {
        if (value instanceof Integer || value instanceof Long || value instanceof Short) {
          return ((Number) value).longValue();
        }
        if (value instanceof Number number) {
          return new BigDecimal(number.toString()).longValueExact();
        }
        if (value instanceof String text) {
          return new BigDecimal(text.trim()).longValueExact();
        }
      } catch (ArithmeticException | NumberFormatException e) {
        // reported below
      }
      throw new AgentOptionException(
          key, "agent param " + key + " must be an integer, got '" + value + "'");
    }

    Boolean bool(String key) {
      Object value = params.get(key);
      if (value == null) {
        return null;
      }
      if (value instanceof Boolean bool) {
        return bool;
      }
      if (value instanceof String text && (text.equals("true") || text.equals("false"))) {
        return Boolean.parseBoolean(text);
      }
      throw new AgentOptionException(
          key, "agent param " + key + " must be true or false, got '" + value + "'");
    }
  }
}
