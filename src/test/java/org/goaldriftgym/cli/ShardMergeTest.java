package org.goaldriftgym.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Scale-out: the shards of one sweep run as separate processes into separate runs roots (as array
 * tasks of a scheduler would), their roots are copied to one place, and {@code merge} gives the
 * same summary as the unsharded sweep, with every run byte-identical.
 */
class ShardMergeTest {

  private static final int SHARDS = 3;
  private static final List<String> SWEEP =
      List.of(
          "--scenario",
          "release_manager",
          "--policy",
          "baseline,drifting:0.5",
          "--seeds",
          "1..4",
          "--max-steps",
          "30",
          "--jobs",
          "1");

  @TempDir Path temp;

  @Test
  void shardsRunAsSeparateProcessesMergeIntoTheUnshardedSweep() throws Exception {
    List<SweepSignalTest.Child> children = new ArrayList<>();
    for (int i = 1; i <= SHARDS; i++) {
      List<String> args = new ArrayList<>(SWEEP);
      args.addAll(List.of("--shard", i + "/" + SHARDS));
      children.add(
          SweepSignalTest.Child.sweep(temp.resolve("node-" + i), args.toArray(String[]::new)));
    }
    for (SweepSignalTest.Child child : children) {
      child.assertOk();
    }
    // the shards' roots are collected on the merging machine, at other paths
    List<String> manifests = new ArrayList<>();
    List<String> roots = new ArrayList<>();
    for (int i = 1; i <= SHARDS; i++) {
      Path collected = temp.resolve("collected").resolve("shard-" + i);
      Files.createDirectories(collected.getParent());
      Files.move(temp.resolve("node-" + i), collected);
      try (var files = Files.list(collected.resolve("runs").resolve("sweeps"))) {
        manifests.add(
            files.filter(p -> p.toString().endsWith(".json")).findFirst().orElseThrow().toString());
      }
      roots.add(collected.resolve("runs").toString());
    }

    Cli whole = new Cli(temp.resolve("whole"));
    Cli.Result unsharded = SweepSignalTest.sweep(whole, SWEEP);
    assertEquals(0, unsharded.code(), unsharded.err());

    List<String> merge = new ArrayList<>(List.of("merge", "--output"));
    merge.add(temp.resolve("merged.json").toString());
    merge.addAll(manifests);
    Cli.Result merged = whole.raw(merge.toArray(String[]::new));
    assertEquals(0, merged.code(), merged.err());
    assertEquals(unsharded.json().get("counts"), merged.json().get("counts"));
    assertEquals(
        unsharded.json().get("summary").toPrettyString(),
        merged.json().get("summary").toPrettyString());
    JsonNode manifest = Cli.readJson(temp.resolve("merged.json"));
    assertEquals(8, manifest.get("runs").size());
    for (int i = 0; i < 8; i++) {
      assertEquals(i, manifest.get("runs").get(i).get("index").asInt());
    }

    // every run byte for byte
    Map<String, Path> expected = SweepSignalTest.completeByHash(whole.runsRoot);
    Map<String, Path> actual = new TreeMap<>();
    for (String root : roots) {
      actual.putAll(SweepSignalTest.completeByHash(Path.of(root)));
    }
    assertEquals(8, expected.size());
    assertEquals(expected.keySet(), actual.keySet());
    for (Map.Entry<String, Path> run : expected.entrySet()) {
      for (String file : SweepSignalTest.RUN_FILES) {
        assertArrayEquals(
            Files.readAllBytes(run.getValue().resolve(file)),
            Files.readAllBytes(actual.get(run.getKey()).resolve(file)),
            file);
      }
    }

    // the merged manifest is an input like any other: report and replay find the moved runs
    Cli.Result report =
        whole.raw(
            "report",
            "--group-by",
            "scenario,label",
            "--format",
            "json",
            temp.resolve("merged.json").toString());
    Cli.Result reportWhole =
        whole.raw(
            "report",
            "--group-by",
            "scenario,label",
            "--format",
            "json",
            whole.runsRoot.toString());
    assertEquals(0, report.code(), report.err());
    assertEquals(reportWhole.json(), report.json());
    Cli.Result replay = whole.raw("replay", "--jobs", "2", temp.resolve("merged.json").toString());
    assertEquals(0, replay.code(), replay.out() + replay.err());
    assertTrue(replay.out().contains("replay: 8 of 8 runs reproduced"), replay.out());
  }

  @Test
  void mergingOverlappingOrForeignManifestsIsRefused() throws IOException {
    Cli cli = new Cli(temp);
    Cli.Result a =
        SweepSignalTest.sweep(
            cli, List.of("--scenario", "release_manager", "--seeds", "1..2", "--max-steps", "5"));
    Cli.Result b =
        SweepSignalTest.sweep(
            cli, List.of("--scenario", "release_manager", "--seeds", "1..3", "--max-steps", "5"));
    String first = a.json().get("manifest").asText();
    Cli.Result twice = cli.raw("merge", "-o", temp.resolve("m.json").toString(), first, first);
    assertEquals(2, twice.code(), twice.err());
    assertTrue(twice.err().contains("item 1 is in both"), twice.err());
    Cli.Result foreign =
        cli.raw(
            "merge",
            "-o",
            temp.resolve("m.json").toString(),
            first,
            b.json().get("manifest").asText());
    assertEquals(2, foreign.code(), foreign.err());
    assertTrue(foreign.err().contains("merge the shards of one sweep"), foreign.err());

    Cli.Result half =
        SweepSignalTest.sweep(
            cli,
            List.of(
                "--scenario",
                "release_manager",
                "--seeds",
                "1..4",
                "--max-steps",
                "5",
                "--shard",
                "1/2"));
    Cli.Result missing =
        cli.raw(
            "merge", "-o", temp.resolve("m.json").toString(), half.json().get("manifest").asText());
    assertEquals(1, missing.code(), missing.err());
    assertTrue(missing.err().contains("2 of 4 items are in no manifest"), missing.err());
  }
}
