package org.goaldriftgym.artifact;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
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
    return of(config, scenarioConfig, null);
  }

  /**
   * As {@link #of(RunConfig, Map)}, for a run that replays recorded actions: {@code run_config}
   * also gets {@code replay} (source, number and digest of the actions), and the hash covers the
   * actions, not the path they were read from.
   */
  public static ConfigDocument of(
      RunConfig config, Map<String, Object> scenarioConfig, RecordedActions replay) {
    return of(config, scenarioConfig, replay, null);
  }

  /**
   * As {@link #of(RunConfig, Map, RecordedActions)}, for a run prefilled from a recorded run:
   * {@code run_config} also gets {@code prefill} (source directory, steps, the source's config hash
   * and the digest of the prefilled actions); the hash covers all but the directory.
   */
  public static ConfigDocument of(
      RunConfig config,
      Map<String, Object> scenarioConfig,
      RecordedActions replay,
      PrefillSource prefill) {
    ObjectNode root = Json.object();
    root.put("schema_version", SCHEMA_VERSION);
    ObjectNode runConfig = runConfig(config);
    if (replay != null) {
      ObjectNode replayNode = runConfig.putObject("replay");
      replayNode.put("source", replay.file().toString());
      replayNode.put("actions", replay.actions().size());
      replayNode.put("actions_sha256", replay.digest());
    }
    if (prefill != null) {
      ObjectNode prefillNode = runConfig.putObject("prefill");
      prefillNode.put("source", prefill.source().toString());
      prefillNode.put("steps", prefill.steps());
      prefillNode.put("source_config_hash", prefill.sourceConfigHash());
      prefillNode.put("actions_sha256", prefill.digest());
    }
    root.set("run_config", runConfig);
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
    if (config.engine().epoch() != null) { // absent otherwise: older configs keep their bytes
      engine.put("epoch", config.engine().epoch());
    }
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
    if (config.adversaryAgent() != null) { // absent otherwise: older configs keep their bytes
      ObjectNode adversary = node.putObject("adversary_agent");
      adversary.put("type", config.adversaryAgent().type());
      adversary.set("params", Json.tree(config.adversaryAgent().params()));
    }
    return node;
  }

  /**
   * sha256 of the RFC 8785 canonical JSON ({@link CanonicalJson}) of what decides behaviour: {@code
   * run_config} without {@code metadata} (free-form notes), without the path a replay was read from
   * (its actions' digest stays) and without an agent's transport params ({@link
   * RunConfig.AgentSettings#TRANSPORT_PARAMS}: timeouts, retries, key variable, headers), and
   * {@code scenario_config}.
   */
  static String hash(JsonNode document) {
    ObjectNode decisive = Json.object();
    ObjectNode runConfig = document.get("run_config").deepCopy();
    runConfig.remove("metadata");
    for (String role : new String[] {"agent", "adversary_agent"}) {
      if (runConfig.get(role) instanceof ObjectNode agent
          && agent.get("params") instanceof ObjectNode params) {
        params.remove(RunConfig.AgentSettings.TRANSPORT_PARAMS);
      }
    }
    if (runConfig.get("prefill") instanceof ObjectNode prefill) {
      prefill.remove("source");
    }
    if (runConfig.get("replay") instanceof ObjectNode replay) {
      replay.remove("source");
      runConfig.put("policy", "replay");
    }
    decisive.set("run_config", runConfig);
    decisive.set("scenario_config", document.get("scenario_config"));
    return Json.sha256(CanonicalJson.of(decisive));
  }

  /** Re-computes the hash of a {@code config.json} read back from disk. */
  public static String hashOf(JsonNode configJson) {
    return hash(configJson);
  }
}
