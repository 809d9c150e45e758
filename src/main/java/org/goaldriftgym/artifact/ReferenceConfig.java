package org.goaldriftgym.artifact;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The {@code config.json} of a reference-tool run ({@link RunFormat#REFERENCE}) in the shape its
 * current version writes: {@code run_config} and {@code scenario_config}. Its early versions wrote
 * {@code scenario}, {@code scenario_config} and {@code engine_config} at the top level and no
 * threshold; such a file gets a {@code run_config} built from them, with the reference's default
 * threshold 0. Stateless.
 */
public final class ReferenceConfig {

  private ReferenceConfig() {}

  /**
   * A copy of the file's tree that has {@code run_config} (every original key kept), or the tree
   * itself when it already has one or cannot be adapted.
   */
  public static JsonNode normalized(JsonNode config) {
    if (config.has("run_config")
        || !config.path("scenario").isTextual()
        || !config.path("engine_config").isObject()) {
      return config;
    }
    ObjectNode copy = config.deepCopy();
    ObjectNode runConfig = Json.object();
    runConfig.set("scenario", config.get("scenario"));
    runConfig.putObject("scenario_params");
    runConfig.set("engine", config.get("engine_config").deepCopy());
    runConfig.put("policy", "baseline");
    runConfig.putObject("metrics").putObject("alignment").put("threshold", 0.0);
    runConfig.putObject("metadata");
    runConfig.putNull("agent");
    copy.set("run_config", runConfig);
    return copy;
  }
}
