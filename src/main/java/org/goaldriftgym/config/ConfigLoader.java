package org.goaldriftgym.config;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.util.JsonParserDelegate;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.goaldriftgym.core.HarnessException;
import org.goaldriftgym.core.RunConfig;
import org.goaldriftgym.core.RunConfig.AgentSettings;
import org.goaldriftgym.core.RunConfig.EngineSettings;
import org.goaldriftgym.scenario.Names;

/**
 * Reads a run config from a YAML or JSON file (chosen by extension; anything else is read as YAML,
 * which also accepts JSON). Keys: {@code scenario}, {@code scenario_params}, {@code engine} ({@code
 * max_steps}, {@code seed}, {@code allow_noop}), {@code policy}, {@code
 * metrics.alignment.threshold}, {@code metadata}, {@code agent}, {@code adversary_agent} (same
 * shape as {@code agent}). A run's {@code config.json} is accepted too (its {@code run_config} is
 * read). Errors name the file, and for syntax errors the line and column. Thread-safe.
 */
public final class ConfigLoader {

  static final List<String> TOP_KEYS =
      List.of(
          "scenario",
          "scenario_params",
          "engine",
          "policy",
          "metrics",
          "metadata",
          "agent",
          "adversary_agent");
  private static final List<String> ENGINE_KEYS =
      List.of("max_steps", "seed", "allow_noop", "epoch");

  /**
   * The largest config file read, checked before parsing: a config is a few kilobytes, and the YAML
   * scanner is slow on huge quoted scalars (seconds for a megabyte, minutes for tens).
   */
  public static final long MAX_BYTES = 256 * 1024;

  private static final ObjectMapper JSON =
      JsonMapper.builder().enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION).build();

  private ConfigLoader() {}

  /**
   * Loads and checks the file's structure; scenario parameters are checked later against the
   * scenario.
   *
   * @throws HarnessException of kind CONFIG naming the file and the problem
   */
  public static RunConfig load(Path file) {
    String text = read(file);
    boolean json = file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".json");
    JsonNode root;
    try {
      root = json ? JSON.readTree(text) : readYaml(text);
    } catch (AliasException e) {
      throw HarnessException.config("config file " + file + ": " + e.getOriginalMessage());
    } catch (JsonProcessingException e) {
      JsonLocation at = e.getLocation();
      String where =
          at == null ? "" : " line " + at.getLineNr() + ", column " + at.getColumnNr() + ":";
      throw HarnessException.config(
          "config file "
              + file
              + " is not valid "
              + (json ? "JSON" : "YAML")
              + ":"
              + where
              + " "
              + e.getOriginalMessage().lines().findFirst().orElse(""));
    } catch (IOException e) { // from a String: only a parser failure
      throw HarnessException.config("config file " + file + " cannot be parsed: " + e.getMessage());
    }
    if (root == null || root.isMissingNode() || root.isNull()) {
      throw HarnessException.config("config file " + file + " is empty");
    }
    return parse(file.toString(), root);
  }

  /**
   * Jackson's tree model does not resolve YAML aliases: {@code briefing: *t} would silently become
   * the text "t". Refuse them, with where they are, in the same pass that builds the tree.
   */
  private static JsonNode readYaml(String text) throws IOException {
    try (JsonParser parser = new NoAliases(Yaml.MAPPER.getFactory().createParser(text))) {
      return Yaml.MAPPER.readTree(parser);
    }
  }

  /** The YAML mapper, in a holder: a JSON config or a recorded run never loads the YAML parser. */
  private static final class Yaml {
    static final ObjectMapper MAPPER =
        YAMLMapper.builder(new YAMLFactory())
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .build();

    private Yaml() {}
  }

  /** Passes tokens through, failing at the first alias. */
  private static final class NoAliases extends JsonParserDelegate {
    NoAliases(JsonParser yaml) {
      super(yaml);
    }

    @Override
    public JsonToken nextToken() throws IOException {
      JsonToken token = delegate.nextToken();
      if (delegate instanceof YAMLParser yaml && yaml.isCurrentAlias()) {
        JsonLocation at = delegate.currentTokenLocation();
        throw new AliasException(
            "line "
                + at.getLineNr()
                + ", column "
                + at.getColumnNr()
                + ": YAML aliases (*"
                + delegate.getText()
                + ") are not supported in config files; write the value out in full");
      }
      return token;
    }
  }

  private static String read(Path file) {
    try {
      if (Files.isDirectory(file)) {
        throw HarnessException.config(
            "config file " + file + " is a directory; give a YAML or JSON file");
      }
      long size = Files.size(file);
      if (size > MAX_BYTES) {
        throw HarnessException.config(
            "config file "
                + file
                + " is "
                + size
                + " bytes, more than the "
                + MAX_BYTES
                + "-byte limit for a config; is it the right file?");
      }
      byte[] bytes = Files.readAllBytes(file);
      try {
        return StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT)
            .decode(ByteBuffer.wrap(bytes))
            .toString();
      } catch (CharacterCodingException e) {
        throw HarnessException.config(
            "config file "
                + file
                + " is not UTF-8 text (invalid byte at offset "
                + firstInvalidByte(bytes)
                + "); save it as UTF-8");
      }
    } catch (NoSuchFileException e) {
      throw HarnessException.config(
          "config file " + file + " does not exist; check the path given to --config");
    } catch (AccessDeniedException e) {
      throw HarnessException.config("config file " + file + " is not readable (permission denied)");
    } catch (IOException e) {
      throw HarnessException.config("cannot read config file " + file + ": " + e.getMessage());
    }
  }

  private static int firstInvalidByte(byte[] bytes) {
    var decoder =
        StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer in = ByteBuffer.wrap(bytes);
    CharBuffer out = CharBuffer.allocate(bytes.length + 1);
    decoder.decode(in, out, true);
    return in.position();
  }

  /** A YAML alias in a config: a syntax error with a location, reported like one. */
  private static final class AliasException extends JsonProcessingException {
    private static final long serialVersionUID = 1L;

    AliasException(String message) {
      super(message);
    }
  }

  /** Builds a {@link RunConfig} from a parsed document; {@code source} names it in errors. */
  static RunConfig parse(String source, JsonNode root) {
    if (!root.isObject()) {
      throw HarnessException.config(
          source + ": a config must be a mapping with keys " + String.join(", ", TOP_KEYS));
    }
    if (root.has("run_config") && root.has("scenario_config")) {
      return parseRecorded(source, root.get("run_config"));
    }
    checkKeys(source, "", root, TOP_KEYS);
    RunConfig.Builder builder = RunConfig.builder();
    builder.scenario(optionalText(source, root, "scenario"));
    builder.scenarioParams(mapping(source, root, "scenario_params"));
    builder.engine(engine(source, root.get("engine")));
    builder.policy(optionalText(source, root, "policy"));
    builder.threshold(threshold(source, root.get("metrics")));
    builder.metadata(mapping(source, root, "metadata"));
    builder.agent(agent(source, "agent", root.get("agent")));
    builder.adversaryAgent(agent(source, "adversary_agent", root.get("adversary_agent")));
    return builder.build();
  }

  /**
   * A run's {@code config.json} read back: its {@code run_config} holds the same keys as a config
   * file (plus {@code replay}, which the policy re-creates), so a recorded run re-runs as it was.
   */
  private static RunConfig parseRecorded(String source, JsonNode runConfig) {
    if (!runConfig.isObject()) {
      throw HarnessException.config(source + ": run_config must be a mapping");
    }
    ObjectNode copy = runConfig.deepCopy();
    copy.remove("replay");
    return parse(source, copy);
  }

  private static void checkKeys(String source, String prefix, JsonNode node, List<String> valid) {
    Iterator<String> names = node.fieldNames();
    while (names.hasNext()) {
      String name = names.next();
      if (!valid.contains(name)) {
        throw HarnessException.config(
            source
                + ": unknown key '"
                + prefix
                + name
                + "'"
                + Names.didYouMean(name, valid)
                + "; valid keys"
                + (prefix.isEmpty() ? "" : " under " + prefix.substring(0, prefix.length() - 1))
                + ": "
                + String.join(", ", valid));
      }
    }
  }

  private static String optionalText(String source, JsonNode node, String key) {
    JsonNode value = node.get(key);
    if (value == null || value.isNull()) {
      return null;
    }
    if (!value.isTextual()) {
      throw HarnessException.config(source + ": '" + key + "' must be a string, got " + value);
    }
    return value.asText();
  }

  private static Map<String, Object> mapping(String source, JsonNode node, String key) {
    JsonNode value = node.get(key);
    if (value == null || value.isNull()) {
      return Map.of();
    }
    if (!value.isObject()) {
      throw HarnessException.config(source + ": '" + key + "' must be a mapping, got " + value);
    }
    return plain(value);
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> plain(JsonNode value) {
    return JSON.convertValue(value, LinkedHashMap.class);
  }

  private static EngineSettings engine(String source, JsonNode node) {
    if (node == null || node.isNull()) {
      return EngineSettings.DEFAULT;
    }
    if (!node.isObject()) {
      throw HarnessException.config(source + ": 'engine' must be a mapping, got " + node);
    }
    checkKeys(source, "engine.", node, ENGINE_KEYS);
    Integer maxSteps = null;
    JsonNode steps = node.get("max_steps");
    if (steps != null && !steps.isNull()) {
      if (!steps.isIntegralNumber() || !steps.canConvertToInt() || steps.asInt() <= 0) {
        throw HarnessException.config(
            source + ": engine.max_steps must be a positive integer, got " + steps);
      }
      maxSteps = steps.asInt();
    }
    Long seed = null;
    JsonNode seedNode = node.get("seed");
    if (seedNode != null && !seedNode.isNull()) {
      if (!seedNode.isIntegralNumber() || !seedNode.canConvertToLong()) {
        throw HarnessException.config(source + ": engine.seed must be an integer, got " + seedNode);
      }
      seed = seedNode.asLong();
    }
    boolean allowNoop = true;
    JsonNode noop = node.get("allow_noop");
    if (noop != null && !noop.isNull()) {
      if (!noop.isBoolean()) {
        throw HarnessException.config(
            source + ": engine.allow_noop must be true or false, got " + noop);
      }
      allowNoop = noop.asBoolean();
    }
    Integer epoch = null;
    JsonNode epochNode = node.get("epoch");
    if (epochNode != null && !epochNode.isNull()) {
      if (!epochNode.isIntegralNumber() || !epochNode.canConvertToInt() || epochNode.asInt() <= 0) {
        throw HarnessException.config(
            source + ": engine.epoch must be a positive integer, got " + epochNode);
      }
      epoch = epochNode.asInt();
    }
    return new EngineSettings(maxSteps, seed, allowNoop, epoch);
  }

  private static Double threshold(String source, JsonNode metrics) {
    if (metrics == null || metrics.isNull()) {
      return null;
    }
    if (!metrics.isObject()) {
      throw HarnessException.config(source + ": 'metrics' must be a mapping, got " + metrics);
    }
    checkKeys(source, "metrics.", metrics, List.of("alignment"));
    JsonNode alignment = metrics.get("alignment");
    if (alignment == null || alignment.isNull()) {
      return null;
    }
    if (!alignment.isObject()) {
      throw HarnessException.config(
          source + ": 'metrics.alignment' must be a mapping, got " + alignment);
    }
    checkKeys(source, "metrics.alignment.", alignment, List.of("threshold"));
    JsonNode threshold = alignment.get("threshold");
    if (threshold == null || threshold.isNull()) {
      return null;
    }
    if (!threshold.isNumber() || threshold.asDouble() < 0 || threshold.asDouble() > 1) {
      throw HarnessException.config(
          source + ": metrics.alignment.threshold must be a number in [0, 1], got " + threshold);
    }
    return threshold.asDouble();
  }

  private static AgentSettings agent(String source, String key, JsonNode node) {
    if (node == null || node.isNull()) {
      return null;
    }
    if (!node.isObject()) {
      throw HarnessException.config(source + ": '" + key + "' must be a mapping, got " + node);
    }
    JsonNode type = node.get("type");
    if (type == null || !type.isTextual()) {
      throw HarnessException.config(
          source + ": '" + key + "' needs a 'type' string, for example type: openrouter");
    }
    Map<String, Object> params = new LinkedHashMap<>();
    for (Map.Entry<String, JsonNode> field : node.properties()) {
      if (field.getKey().equals("type")) {
        continue;
      }
      if (field.getKey().equals("params") && field.getValue().isObject()) {
        params.putAll(plain(field.getValue()));
      } else {
        params.put(field.getKey(), JSON.convertValue(field.getValue(), Object.class));
      }
    }
    return new AgentSettings(type.asText(), params);
  }
}
