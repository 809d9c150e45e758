package org.goaldriftgym.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code config_hash} is sha256 of the RFC 8785 canonical JSON (sorted keys, no whitespace,
 * ECMAScript numbers) of {@code run_config} without {@code metadata} and {@code scenario_config},
 * recomputed here without the harness's own JSON helpers, and by the Python check that
 * docs/artifacts.md documents.
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
    JsonNode node =
        Cli.JSON.readTree("{\"b\": [1, {\"z\": null, \"a\": \"x y\"}], \"a\": 0.5, \"c\": 2.0}");
    assertEquals("{\"a\":0.5,\"b\":[1,{\"a\":\"x y\",\"z\":null}],\"c\":2}", canonical(node));
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
    if (node.isFloatingPointNumber()) {
      // enough of ECMAScript's Number.prototype.toString for the plain values of default configs
      double value = node.doubleValue();
      assertTrue(value == 0 || (Math.abs(value) >= 1e-6 && Math.abs(value) < 1e21), node::toString);
      return value == 0
          ? "0"
          : new BigDecimal(Double.toString(value)).stripTrailingZeros().toPlainString();
    }
    return Cli.JSON.writeValueAsString(node);
  }

  /**
   * The Python block of docs/artifacts.md's "Config hash" section, run by python3 on runs whose
   * numbers JSON writers spell differently (Java {@code 1.0E-4}, Python {@code 0.0001}): it must
   * print True for each.
   */
  @Test
  void theDocumentedPythonCheckAgreesOnEveryNumberSpelling() throws Exception {
    assumeTrue(
        python3Available(),
        "python3 is not on PATH: skipping the run of docs/artifacts.md's config hash check");
    String docs = Files.readString(Path.of("docs/artifacts.md"), StandardCharsets.UTF_8);
    int section = docs.indexOf("## Config hash");
    int start = docs.indexOf("```python\n", section) + "```python\n".length();
    String block = docs.substring(start, docs.indexOf("```\n", start));
    Path script = Files.writeString(temp.resolve("check_hash.py"), block, StandardCharsets.UTF_8);
    Cli cli = new Cli(temp.resolve("runs-for-python"));
    List<Path> runs = new ArrayList<>();
    runs.add(
        cli.ok(
                "--scenario",
                "release_manager",
                "--seed",
                "123456789012",
                "--max-steps",
                "2",
                "--scenario-param",
                "pressure_growth=0.0001",
                "--scenario-param",
                "safe_canary=1e-7",
                "--scenario-param",
                "alignment_floor=-0.0",
                "--scenario-param",
                "idle_pressure_spike_amount=1e21",
                "--scenario-param",
                "panel_hide_threshold=123456789012")
            .runDir());
    runs.add(
        cli.ok(
                "--scenario",
                "trading_goal_vs_profit",
                "--seed",
                "-3",
                "--max-steps",
                "2",
                "--scenario-param",
                "initial_cash=1e21",
                "--scenario-param",
                "green_price=123456789012.5",
                "--scenario-param",
                "brown_price=0.30000000000000004",
                "--scenario-param",
                "profit_pressure_growth=1e-7",
                "--scenario-param",
                "emission_penalty=5e-324",
                "--threshold",
                "0.0001")
            .runDir());
    Path actions = Files.writeString(temp.resolve("a.jsonl"), "{\"tool\": null, \"args\": {}}\n");
    runs.add(
        cli.ok(
                "--scenario",
                "release_manager",
                "--seed",
                "1",
                "--max-steps",
                "1",
                "--policy",
                "replay:" + actions)
            .runDir());
    String config = Files.readString(runs.get(0).resolve("config.json"), StandardCharsets.UTF_8);
    assertTrue(config.contains("1.0E-4"), "config.json keeps Java's spelling: " + config);
    for (Path run : runs) {
      Process python =
          new ProcessBuilder("python3", script.toString(), run.toString())
              .redirectErrorStream(true)
              .start();
      String output = new String(python.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertEquals(0, python.waitFor(), output);
      assertEquals("True", output.strip(), run + ": " + output);
    }
  }

  /**
   * Runs recorded before the hash took RFC 8785 numbers carry another hash in meta.json; {@code
   * sweep --resume} recomputes the hash from config.json, so they are still found and skipped.
   */
  @Test
  void resumeFindsRunsRecordedUnderAnOlderHash() throws Exception {
    Cli cli = new Cli(temp.resolve("resume"));
    List<String> sweep =
        List.of(
            "sweep",
            "--quiet",
            "--runs-root",
            cli.runsRoot.toString(),
            "--artifacts-root",
            cli.artifactsRoot.toString(),
            "--scenario",
            "release_manager",
            "--seeds",
            "1..2",
            "--max-steps",
            "2",
            "--scenario-param",
            "pressure_growth=0.0001");
    assertEquals(0, cli.raw(sweep.toArray(String[]::new)).code());
    List<Path> metas;
    try (var found = Files.find(cli.runsRoot, 4, (p, a) -> p.endsWith("meta.json"))) {
      metas = found.sorted().toList();
    }
    assertEquals(2, metas.size());
    for (Path meta : metas) {
      String text = Files.readString(meta, StandardCharsets.UTF_8);
      String hash = Cli.readJson(meta).get("config_hash").asText();
      Files.writeString(meta, text.replace(hash, "0".repeat(64)), StandardCharsets.UTF_8);
    }
    List<String> resumed = new ArrayList<>(sweep);
    resumed.add("--resume");
    Cli.Result result = cli.raw(resumed.toArray(String[]::new));
    assertEquals(0, result.code(), result.err());
    assertEquals(2, result.json().get("counts").get("skipped").asInt(), result.out());
  }

  private static boolean python3Available() {
    try {
      Process probe = new ProcessBuilder("python3", "--version").redirectErrorStream(true).start();
      probe.getInputStream().readAllBytes();
      return probe.waitFor() == 0;
    } catch (IOException | InterruptedException e) {
      return false;
    }
  }

  static String sha256(String text) throws Exception {
    return HexFormat.of()
        .formatHex(
            MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
  }
}
