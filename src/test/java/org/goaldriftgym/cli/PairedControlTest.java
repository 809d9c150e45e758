package org.goaldriftgym.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** sweep --control: paired control runs, their manifest, the paired summary and report --paired. */
class PairedControlTest {

  private static final List<String> SAME_FILES =
      List.of("metrics.json", "step_log.jsonl", "transcript.txt", "transcript.md");

  /** scipy.stats.t.ppf(0.975, 2), the 95% two-sided quantile for three pairs. */
  private static final double T_975_DF2 = 4.302652729749462;

  @TempDir Path temp;

  private Path config() {
    return Cli.write(
        temp.resolve("sweep.yaml"),
        "scenario: release_manager\nengine: {max_steps: 12}\nscenario_params: {pressure_growth: 0.2}\n");
  }

  private static Cli.Result sweep(Cli cli, String... args) {
    List<String> all = new ArrayList<>(List.of("sweep", "--quiet"));
    all.addAll(List.of("--runs-root", cli.runsRoot.toString()));
    all.addAll(List.of("--artifacts-root", cli.artifactsRoot.toString()));
    all.addAll(List.of(args));
    return cli.raw(all.toArray(String[]::new));
  }

  private String[] pairedSweep(String... extra) {
    List<String> args =
        new ArrayList<>(
            List.of(
                "--config",
                config().toString(),
                "--policy",
                "baseline,drifting:0.3",
                "--seeds",
                "1..3",
                "--control",
                "pressure_growth=0"));
    args.addAll(List.of(extra));
    return args.toArray(String[]::new);
  }

  private static JsonNode manifest(Cli.Result result) {
    return Cli.readJson(Path.of(result.json().get("manifest").asText()));
  }

  private static Map<Integer, JsonNode> runsByIndex(JsonNode manifest) {
    Map<Integer, JsonNode> runs = new HashMap<>();
    manifest.get("runs").forEach(run -> runs.put(run.get("index").asInt(), run));
    return runs;
  }

  private static Path dir(JsonNode run) {
    return Path.of(run.get("run_dir").asText());
  }

  @Test
  void pairsAreByteIdenticalToSingleRunsWithTheOverride() throws IOException {
    Cli cli = new Cli(temp.resolve("sweep"));
    Cli.Result result = sweep(cli, pairedSweep("--jobs", "3"));
    assertEquals(0, result.code(), result.err());
    JsonNode manifest = manifest(result);
    assertEquals(12, manifest.get("runs").size());
    assertEquals(6, manifest.get("pairs").size());
    assertEquals("0", manifest.get("control").get("pressure_growth").asText());
    Map<Integer, JsonNode> runs = runsByIndex(manifest);

    Cli single = new Cli(temp.resolve("single"));
    for (JsonNode pair : manifest.get("pairs")) {
      JsonNode treatment = runs.get(pair.get("treatment").asInt());
      JsonNode control = runs.get(pair.get("control").asInt());
      String label = treatment.get("label").asText();
      assertEquals(label + "-control", control.get("label").asText());
      assertEquals(treatment.get("seed"), control.get("seed"));
      assertEquals(label, pair.get("group").get("label").asText());
      String seed = treatment.get("seed").asText();
      String policy = treatment.get("policy").asText();

      Path plain =
          single.ok("--config", config().toString(), "--policy", policy, "--seed", seed).runDir();
      for (String name : List.of("config.json", "metrics.json", "step_log.jsonl")) {
        assertEquals(Cli.read(plain.resolve(name)), Cli.read(dir(treatment).resolve(name)), name);
      }

      Path overridden =
          single
              .ok(
                  "--config",
                  config().toString(),
                  "--policy",
                  policy,
                  "--seed",
                  seed,
                  "--scenario-param",
                  "pressure_growth=0",
                  "--label",
                  label + "-control")
              .runDir();
      for (String name : SAME_FILES) {
        assertEquals(
            Cli.read(overridden.resolve(name)), Cli.read(dir(control).resolve(name)), name);
      }
      assertNotEquals(
          Cli.read(dir(treatment).resolve("step_log.jsonl")),
          Cli.read(dir(control).resolve("step_log.jsonl")));
      // config.json differs only by the note that says whose control the run is
      ObjectNode controlConfig = (ObjectNode) Cli.readJson(dir(control).resolve("config.json"));
      JsonNode note =
          ((ObjectNode) controlConfig.get("run_config").get("metadata")).remove("control");
      assertEquals(0.0, note.get("params").get("pressure_growth").asDouble());
      assertEquals(label, note.get("treatment_label").asText());
      assertEquals(
          treatment.get("config_hash").asText(), note.get("treatment_config_hash").asText());
      assertEquals(Cli.readJson(overridden.resolve("config.json")), controlConfig);
      assertEquals(
          Cli.readJson(overridden.resolve("meta.json")).get("config_hash"),
          control.get("config_hash"));
    }
  }

  @Test
  void pairedDifferencesMatchAnIndependentComputationAndReportPaired() {
    Cli cli = new Cli(temp);
    Cli.Result result = sweep(cli, pairedSweep());
    assertEquals(0, result.code(), result.err());
    JsonNode manifest = manifest(result);
    Map<Integer, JsonNode> runs = runsByIndex(manifest);

    // differences from each run directory's own metrics.json, grouped by treatment label
    Map<String, List<Double>> diffs = new LinkedHashMap<>();
    for (JsonNode pair : manifest.get("pairs")) {
      double t = metric(runs.get(pair.get("treatment").asInt()), "mean_alignment_score");
      double c = metric(runs.get(pair.get("control").asInt()), "mean_alignment_score");
      diffs
          .computeIfAbsent(pair.get("group").get("label").asText(), k -> new ArrayList<>())
          .add(t - c);
    }
    JsonNode summary = result.json().get("paired_summary");
    assertEquals(manifest.get("paired_summary"), summary);
    assertEquals(2, summary.size());
    for (JsonNode group : summary) {
      List<Double> d = diffs.get(group.get("group").get("label").asText());
      assertEquals(3, d.size());
      double mean = (d.get(0) + d.get(1) + d.get(2)) / 3;
      double sd =
          Math.sqrt(
              (Math.pow(d.get(0) - mean, 2)
                      + Math.pow(d.get(1) - mean, 2)
                      + Math.pow(d.get(2) - mean, 2))
                  / 2);
      double half = T_975_DF2 * sd / Math.sqrt(3);
      JsonNode e = group.get("mean_alignment_score");
      assertEquals(3, group.get("pairs").asInt());
      assertEquals(3, group.get("complete_pairs").asInt());
      assertEquals(3, e.get("n").asInt());
      assertEquals(mean, e.get("mean").asDouble(), 1e-12);
      assertEquals(sd, e.get("sd").asDouble(), 1e-12);
      assertEquals(mean - half, e.get("ci_low").asDouble(), 1e-9);
      assertEquals(mean + half, e.get("ci_high").asDouble(), 1e-9);
      assertTrue(mean < 0, "pressure lowers alignment: " + mean);
      // gd_* appear once metrics.json carries them; until then they are null
      for (String gd : List.of("gd_commission", "gd_omission")) {
        JsonNode treatmentMetric = runs.get(0).get("metrics").get(gd);
        assertEquals(treatmentMetric == null || treatmentMetric.isNull(), group.get(gd).isNull());
      }
    }

    Cli.Result report =
        cli.raw("report", result.json().get("manifest").asText(), "--paired", "--format", "json");
    assertEquals(0, report.code(), report.err());
    assertEquals(summary, report.json());
    Cli.Result table = cli.raw("report", result.json().get("manifest").asText(), "--paired");
    assertEquals(0, table.code(), table.err());
    assertTrue(table.out().startsWith("scenario"), table.out());
    assertTrue(table.out().contains("mean_alignment_score"), table.out());
    long metricRows = 0; // one row per group and metric that has differences
    for (JsonNode group : summary) {
      for (String metric : List.of("mean_alignment_score", "gd_commission", "gd_omission")) {
        metricRows += group.get(metric).isNull() ? 0 : 1;
      }
    }
    assertEquals(1 + metricRows, table.out().lines().count(), table.out());
  }

  private static double metric(JsonNode run, String name) {
    return Cli.readJson(dir(run).resolve("metrics.json")).get(name).asDouble();
  }

  @Test
  void resumeRerunsAnInterruptedControlRunAndKeepsItsPair() throws IOException {
    Cli cli = new Cli(temp);
    Cli.Result first = sweep(cli, pairedSweep());
    assertEquals(0, first.code(), first.err());
    JsonNode manifest = manifest(first);
    Map<Integer, JsonNode> runs = runsByIndex(manifest);
    JsonNode pair = manifest.get("pairs").get(1);
    Path control = dir(runs.get(pair.get("control").asInt()));
    // what the shutdown hook leaves of a control run stopped by Ctrl-C
    Path meta = control.resolve("meta.json");
    Files.writeString(
        meta,
        Files.readString(meta).replace("\"status\": \"complete\"", "\"status\": \"interrupted\""));

    List<String> args = new ArrayList<>(List.of(pairedSweep()));
    args.add("--resume");
    Cli.Result resumed = sweep(cli, args.toArray(String[]::new));
    assertEquals(0, resumed.code(), resumed.err());
    assertEquals(11, resumed.json().get("counts").get("skipped").asInt());
    assertEquals(1, resumed.json().get("counts").get("complete").asInt());
    JsonNode again = manifest(resumed);
    Map<Integer, JsonNode> rerun = runsByIndex(again);
    JsonNode redone = rerun.get(pair.get("control").asInt());
    assertEquals("complete", redone.get("status").asText());
    assertNotEquals(control, dir(redone));
    assertEquals(
        runs.get(pair.get("treatment").asInt()).get("label").asText() + "-control",
        dir(redone).getParent().getFileName().toString());
    assertEquals(
        Cli.read(control.resolve("step_log.jsonl")),
        Cli.read(dir(redone).resolve("step_log.jsonl")));
    assertEquals(manifest.get("pairs"), again.get("pairs"));
    assertEquals(first.json().get("paired_summary"), resumed.json().get("paired_summary"));
  }

  @Test
  void shardsNeverSplitAPair() {
    Set<Integer> treatments = new TreeSet<>();
    for (int shard = 1; shard <= 4; shard++) {
      Cli cli = new Cli(temp.resolve("shard" + shard));
      Cli.Result result = sweep(cli, pairedSweep("--shard", shard + "/4"));
      assertEquals(0, result.code(), result.err());
      JsonNode manifest = manifest(result);
      Map<Integer, JsonNode> runs = runsByIndex(manifest);
      assertEquals(2 * manifest.get("pairs").size(), runs.size());
      for (JsonNode pair : manifest.get("pairs")) {
        assertTrue(runs.containsKey(pair.get("treatment").asInt()));
        assertTrue(runs.containsKey(pair.get("control").asInt()));
        assertTrue(treatments.add(pair.get("treatment").asInt()), "pair in two shards");
      }
      assertEquals(12, manifest.get("total_items").asInt());
    }
    assertEquals(Set.of(0, 1, 2, 3, 4, 5), treatments);
  }

  @Test
  void badControlsFailUpFrontWithOneLine() {
    Cli cli = new Cli(temp);
    Map<String, String> cases = new LinkedHashMap<>();
    cases.put("pressure_grwth=0", "did you mean pressure_growth");
    cases.put("pressure_growth=lots", "pressure_growth");
    cases.put("seed=3", "cannot change the seed");
    cases.put("pressure_growth", "expects KEY=VALUE");
    cases.put("pressure_growth=0.2", "unchanged");
    for (Map.Entry<String, String> c : cases.entrySet()) {
      Cli.Result result =
          sweep(cli, "--config", config().toString(), "--seeds", "1..2", "--control", c.getKey());
      assertEquals(2, result.code(), c.getKey() + ": " + result.err());
      assertEquals(1, result.errLines().size(), result.err());
      assertTrue(result.err().contains(c.getValue()), c.getKey() + ": " + result.err());
    }
    Cli.Result twice =
        sweep(
            cli,
            "--scenario",
            "release_manager",
            "--seeds",
            "1",
            "--control",
            "pressure_growth=0",
            "--control",
            "pressure_growth=0.1");
    assertEquals(2, twice.code());
    assertTrue(twice.err().contains("given twice"), twice.err());
    assertFalse(Files.exists(cli.runsRoot.resolve("release_manager")));
  }

  @Test
  void reportPairedRefusesWhatIsNotAPairedManifest() {
    Cli cli = new Cli(temp);
    Cli.Result plain =
        sweep(cli, "--scenario", "release_manager", "--seeds", "1", "--max-steps", "3");
    assertEquals(0, plain.code(), plain.err());
    String manifest = plain.json().get("manifest").asText();
    assertFalse(plain.json().has("paired_summary"));
    assertFalse(Cli.readJson(Path.of(manifest)).has("pairs"));
    for (List<String> args :
        List.of(
            List.of("report", manifest, "--paired"),
            List.of("report", cli.runsRoot.toString(), "--paired"),
            List.of("report", manifest, "--paired", "--group-by", "label"),
            List.of("report", manifest, "--paired", "--trend", "policy_level"),
            List.of("report", manifest, "--paired", "--include-incomplete"))) {
      Cli.Result result = cli.raw(args.toArray(String[]::new));
      assertEquals(2, result.code(), args + ": " + result.err());
      assertEquals(1, result.errLines().size(), result.err());
      assertTrue(result.err().contains("--paired"), result.err());
    }
  }

  @Test
  void severalKeysApplyTogether() throws IOException {
    Cli cli = new Cli(temp);
    Cli.Result result =
        sweep(
            cli,
            "--scenario",
            "release_manager",
            "--seeds",
            "4",
            "--max-steps",
            "6",
            "--control",
            "pressure_growth=0",
            "--control",
            "pressure_start=9");
    assertEquals(0, result.code(), result.err());
    JsonNode manifest = manifest(result);
    JsonNode control =
        runsByIndex(manifest).get(manifest.get("pairs").get(0).get("control").asInt());
    JsonNode scenarioConfig =
        Cli.readJson(dir(control).resolve("config.json")).get("scenario_config");
    assertEquals(0.0, scenarioConfig.get("pressure_growth").asDouble());
    assertEquals(9, scenarioConfig.get("pressure_start").asInt());
    try (Stream<Path> dirs = Files.list(cli.runsRoot.resolve("release_manager"))) {
      assertEquals(
          List.of("policy-baseline", "policy-baseline-control"),
          dirs.map(p -> p.getFileName().toString()).sorted().toList());
    }
  }
}
