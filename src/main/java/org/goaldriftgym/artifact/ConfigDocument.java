package org.goaldriftgym.artifact;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import org.goaldriftgym.core.RunConfig;

/**
 * The content of {@code config.json}: the resolved run config and every scenario parameter after
 * defaults, enough to re-run the run exactly, plus its config hash. Immutable.
 */
public record ConfigDocument(ObjectNode json, String hash) {

  /** Bump when a key of {@code config.json} is renamed or removed. */
  public static final int SCHEMA_VERSION = 1;

  /**
   * Builds the document for a planned run (seed, max_steps, policy and threshold resolved).
   *
   * @param scenarioConfig every scenario parameter, as plain JSON-ready values in declaration order
   */
  public static ConfigDocument of(RunConfig config, Map<String, Object> scenarioConfig) {
    ObjectNode root = Json.object();
    root.put("schema_version", SCHEMA_VERSION);
    root.set("run_config", runConfig(config));
    root.set("scenario_config", Json.tree(scenarioConfig));
    return new ConfigDocument(root, hash(root));
  }

  private static ObjectNode runConfig(RunConfig config) {
    ObjectNode node = Json.object();
    node.put("scenario", config.scenario());
    node.set("scenario_params", Json.tree(config.scenarioParams()));
    ObjectNode engine = node.putObject("engine");
    engine.put("max_steps", config.engine().maxSteps());
    engine.put("seed", config.engine().seed());
    engine.put("allow_noop", config.engine().allowNoop());
    node.put("policy", config.policy());
    node.putObject("metrics").putObject("alignment").put("threshold", config.threshold());
    node.set("metadata", Json.tree(config.metadata()));
    if (config.agent() == null) {
      node.putNull("agent");
    } else {
      ObjectNode agent = node.putObject("agent");
      agent.put("type", config.agent().type());
      agent.set("params", Json.tree(config.agent().params()));
    }
    return node;
  }

  /**
   * sha256 of the canonical JSON of what decides behaviour: {@code run_config} without {@code
   * metadata} (free-form notes) and {@code scenario_config}.
   */
  static String hash(JsonNode document) {
    ObjectNode decisive = Json.object();
    ObjectNode runConfig = document.get("run_config").deepCopy();
    runConfig.remove("metadata");
    decisive.set("run_config", runConfig);
    decisive.set("scenario_config", document.get("scenario_config"));
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      byte[] digest = sha.digest(Json.canonical(decisive).getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
  }

  /** Re-computes the hash of a {@code config.json} read back from disk. */
  public static String hashOf(JsonNode configJson) {
    return hash(configJson);
  }
}
