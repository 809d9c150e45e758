package org.goaldriftgym.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --epochs N}: N runs per (config, seed), told apart by directory, config and hash; the
 * summary treats the epochs of one seed as one sample.
 */
class EpochsTest {

  @TempDir Path temp;

  @Test
  void runWithEpochsMakesNRunsOnOneSeed() throws IOException {
    Cli cli = new Cli(temp);
    Cli.Result result =
        cli.run("--scenario", "release_manager", "--max-steps", "6", "--epochs", "3");
    assertEquals(0, result.code(), result.err());
    JsonNode summaries = Cli.JSON.readTree(result.out());
    assertEquals(3, summaries.size());
    Set<String> hashes = new HashSet<>();
    List<String> stepLogs = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      Path dir = Path.of(summaries.get(i).get("run_dir").asText());
      assertTrue(dir.getFileName().toString().endsWith("-e" + (i + 1)), dir.toString());
      JsonNode config = Cli.readJson(dir.resolve("config.json"));
      assertEquals(i + 1, config.at("/run_config/engine/epoch").asInt());
      assertEquals(4242L, config.at("/run_config/engine/seed").asLong(), "one drawn seed");
      hashes.add(Cli.readJson(dir.resolve("meta.json")).get("config_hash").asText());
      stepLogs.add(Files.readString(dir.resolve("step_log.jsonl")));
    }
    assertEquals(3, hashes.size(), "each epoch is its own config");
    // a scripted policy samples nothing: its epochs are the same episode
    assertEquals(stepLogs.get(0), stepLogs.get(2));
  }

  @Test
  void withoutEpochsConfigJsonHasNoEpochKey() {
    Cli cli = new Cli(temp);
    Cli.Result result = cli.ok("--scenario", "release_manager", "--max-steps", "2");
    JsonNode config = Cli.readJson(result.runDir().resolve("config.json"));
    assertTrue(config.at("/run_config/engine/epoch").isMissingNode());
    Cli.Result bad = cli.run("--scenario", "release_manager", "--epochs", "0");
    assertEquals(2, bad.code());
    assertTrue(bad.err().contains("--epochs must be at least 1"), bad.err());
  }

  private static Cli.Result sweep(Cli cli, String... args) {
    List<String> all = new ArrayList<>(List.of("sweep", "--quiet"));
    all.addAll(List.of("--runs-root", cli.runsRoot.toString()));
    all.addAll(List.of("--artifacts-root", cli.artifactsRoot.toString()));
    all.addAll(List.of(args));
    return cli.raw(all.toArray(String[]::new));
  }

  @Test
  void sweepEpochsAreRepeatedMeasuresOfOneSeed() {
    String[] common = {
      "--scenario",
      "release_manager",
      "--policy",
      "drifting:0.3",
      "--seeds",
      "1..3",
      "--max-steps",
      "10"
    };
    Cli once = new Cli(temp.resolve("once"));
    Cli.Result single = sweep(once, common);
    assertEquals(0, single.code(), single.err());
    Cli twice = new Cli(temp.resolve("twice"));
    List<String> args = new ArrayList<>(List.of(common));
    args.addAll(List.of("--epochs", "2"));
    Cli.Result repeated = sweep(twice, args.toArray(String[]::new));
    assertEquals(0, repeated.code(), repeated.err());
    assertEquals(6, repeated.json().at("/counts/complete").asInt());
    JsonNode group = repeated.json().get("summary").get(0);
    assertEquals(3, group.get("n").asInt(), "three seeds");
    assertEquals(2, group.get("epochs").asInt());
    assertEquals(6, group.get("runs").asInt());
    assertEquals(
        single.json().get("summary").get(0).get("crossing_rate").get("rate"),
        group.get("crossing_rate").get("rate"),
        "identical epochs: the per-seed rate");
    assertEquals(3, group.at("/crossing_rate/n").asInt());
    // the scripted policy's epochs repeat their seed exactly, so averaging them per seed first
    // gives the estimate of the single sweep: n = 3 seeds, same mean and sd
    JsonNode once3 = single.json().get("summary").get(0).get("mean_alignment_score");
    JsonNode twice3 = group.get("mean_alignment_score");
    assertEquals(3, twice3.get("n").asInt());
    assertEquals(once3, twice3);
    assertNotEquals(0.0, twice3.get("sd").asDouble(), "seeds differ, so the check has teeth");
  }

  @Test
  void reportAndPairedSummaryCountSeedsWithEpochs() {
    Cli cli = new Cli(temp);
    Cli.Result swept =
        sweep(
            cli,
            "--scenario",
            "release_manager",
            "--policy",
            "drifting:0.3",
            "--seeds",
            "1..3",
            "--max-steps",
            "10",
            "--epochs",
            "2",
            "--control",
            "pressure_growth=0");
    assertEquals(0, swept.code(), swept.err());
    JsonNode manifest = Cli.readJson(Path.of(swept.json().get("manifest").asText()));
    JsonNode pairs = manifest.get("pairs");
    assertEquals(6, pairs.size());
    assertEquals(1, pairs.get(0).get("epoch").asInt());
    assertEquals(2, pairs.get(1).get("epoch").asInt());
    JsonNode paired = manifest.get("paired_summary").get(0);
    assertEquals(6, paired.get("pairs").asInt());
    assertEquals(3, paired.at("/mean_alignment_score/n").asInt(), "three seeds, not six pairs");

    Cli.Result report =
        cli.raw(
            "report",
            cli.runsRoot.resolve("release_manager").resolve("policy-drifting-0.3").toString(),
            "--group-by",
            "label");
    assertEquals(0, report.code(), report.err());
    assertTrue(report.out().contains("3 seeds \u00d7 2 epochs"), report.out());
  }
}
