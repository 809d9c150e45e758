package org.goaldriftgym.artifact;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Who wrote a run directory: this harness, or the reference Python tool
 * (tylercrosse/goal-drift-gym) whose runs a migrating user keeps reading. Told apart by {@code
 * meta.json} alone: the harness always writes {@code status} and {@code schema_version}; the
 * reference tool writes neither (it writes every file once, when the run has finished).
 */
public enum RunFormat {
  /** Written by this harness: {@code meta.json} has {@code status}. */
  HARNESS,
  /**
   * Written by the reference tool: {@code meta.json} has {@code run_id} and {@code config_hash} but
   * no {@code status}; {@code config.json} has {@code run_config} and {@code scenario_config}; step
   * logs write a no-op as {@code "tool": null} and carry no {@code optimal_action}.
   */
  REFERENCE;

  /** The format of a parsed {@code meta.json}. */
  public static RunFormat of(JsonNode meta) {
    boolean harness = meta.has("status") || meta.has("schema_version");
    return harness ? HARNESS : REFERENCE;
  }

  /**
   * The format of a run directory, from its {@code meta.json}; {@link #HARNESS} when there is none
   * or it cannot be read (the harness's readers then say what is wrong with it).
   */
  public static RunFormat of(Path runDir) {
    Path meta = runDir.resolve("meta.json");
    if (!Files.isRegularFile(meta)) {
      return HARNESS;
    }
    try {
      JsonNode node = Json.MAPPER.readTree(meta.toFile());
      return node != null && node.isObject() ? of(node) : HARNESS;
    } catch (IOException e) {
      return HARNESS;
    }
  }
}
