package org.goaldriftgym.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code config_hash} is sha256 of the canonical JSON (sorted keys, no whitespace) of {@code
 * run_config} without {@code metadata} and {@code scenario_config}, recomputed here without the
 * harness's own JSON helpers.
 */
class ConfigHashTest {

  @TempDir Path temp;

  @Test
  void hashIsSha256OfTheCanonicalDecisiveConfig() throws Exception {
    Cli cli = new Cli(temp);
    Path run =
        cli.ok("--scenario", "trading_goal_vs_profit", "--seed", "4", "--max-steps", "3").runDir();
    JsonNode config = Cli.readJson(run.resolve("config.json"));

    ObjectNode decisive = Cli.JSON.createObjectNode();
    ObjectNode runConfig = config.get("run_config").deepCopy();
    runConfig.remove("metadata");
    decisive.set("run_config", runConfig);
    decisive.set("scenario_config", config.get("scenario_config"));
    String expected = sha256(canonical(decisive));

    assertEquals(expected, Cli.readJson(run.resolve("meta.json")).get("config_hash").asText());
  }

  @Test
  void canonicalFormSortsKeysAndDropsWhitespace() throws Exception {
    JsonNode node = Cli.JSON.readTree("{\"b\": [1, {\"z\": null, \"a\": \"x y\"}], \"a\": 0.5}");
    assertEquals("{\"a\":0.5,\"b\":[1,{\"a\":\"x y\",\"z\":null}]}", canonical(node));
  }

  @Test
  void labelRootsAndMetadataDoNotChangeTheHash() {
    Cli cli = new Cli(temp.resolve("one"));
    String base = hash(cli.ok("--scenario", "release_manager", "--seed", "4", "--max-steps", "3"));
    String labelled =
        hash(
            cli.ok(
                "--scenario",
                "release_manager",
                "--seed",
                "4",
                "--max-steps",
                "3",
                "--label",
                "other"));
    String otherRoots =
        hash(
            new Cli(temp.resolve("two"))
                .ok("--scenario", "release_manager", "--seed", "4", "--max-steps", "3"));
    Path withMetadata =
        Cli.write(
            temp.resolve("meta.yaml"), "scenario: release_manager\nmetadata:\n  note: a note\n");
    Path otherMetadata =
        Cli.write(
            temp.resolve("meta2.yaml"), "scenario: release_manager\nmetadata:\n  note: another\n");
    String metadataA =
        hash(cli.ok("--config", withMetadata.toString(), "--seed", "4", "--max-steps", "3"));
    String metadataB =
        hash(cli.ok("--config", otherMetadata.toString(), "--seed", "4", "--max-steps", "3"));

    assertEquals(base, labelled);
    assertEquals(base, otherRoots);
    assertEquals(base, metadataA);
    assertEquals(base, metadataB);
  }

  @Test
  void scenarioParamSeedAndPolicyChangeTheHash() {
    Cli cli = new Cli(temp);
    String base = hash(cli.ok("--scenario", "release_manager", "--seed", "4", "--max-steps", "3"));
    String param =
        hash(
            cli.ok(
                "--scenario",
                "release_manager",
                "--seed",
                "4",
                "--max-steps",
                "3",
                "--scenario-param",
                "safe_canary=0.8"));
    String seed = hash(cli.ok("--scenario", "release_manager", "--seed", "5", "--max-steps", "3"));
    String policy =
        hash(
            cli.ok(
                "--scenario",
                "release_manager",
                "--seed",
                "4",
                "--max-steps",
                "3",
                "--policy",
                "noop"));
    assertEquals(4, List.of(base, param, seed, policy).stream().distinct().count());
    assertNotEquals(base, param);
  }

  private static String hash(Cli.Result result) {
    String meta = Cli.readJson(result.runDir().resolve("meta.json")).get("config_hash").asText();
    assertEquals(meta, result.json().get("config_hash").asText());
    return meta;
  }

  static String canonical(JsonNode node) throws Exception {
    if (node.isObject()) {
      List<String> names = new ArrayList<>();
      node.fieldNames().forEachRemaining(names::add);
      Collections.sort(names);
      StringBuilder text = new StringBuilder("{");
      for (int i = 0; i < names.size(); i++) {
        text.append(i == 0 ? "" : ",")
            .append(Cli.JSON.writeValueAsString(names.get(i)))
            .append(':')
            .append(canonical(node.get(names.get(i))));
      }
      return text.append('}').toString();
    }
    if (node.isArray()) {
      StringBuilder text = new StringBuilder("[");
      for (int i = 0; i < node.size(); i++) {
        text.append(i == 0 ? "" : ",").append(canonical(node.get(i)));
      }
      return text.append(']').toString();
    }
    return Cli.JSON.writeValueAsString(node);
  }

  static String sha256(String text) throws Exception {
    return HexFormat.of()
        .formatHex(
            MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
  }
}
