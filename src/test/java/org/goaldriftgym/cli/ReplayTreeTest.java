package org.goaldriftgym.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * CI replays whole sweeps: {@code replay} over a runs root and over a sweep manifest, in parallel,
 * one line per run and a total; a counterfactual run replays after its tree is moved; a run missing
 * files and a symlinked run in a tree are handled as the user's environment.
 */
class ReplayTreeTest {

  @TempDir Path temp;

  private Cli.Result sweep(Cli cli) {
    return SweepSignalTest.sweep(
        cli, List.of("--scenario", "release_manager", "--seeds", "1..4", "--max-steps", "12"));
  }

  private static long lines(Cli.Result result, String prefix) {
    return result.out().lines().filter(l -> l.startsWith(prefix)).count();
  }

  @Test
  void aRunsRootAndASweepManifestReplayInParallelWithOneLinePerRunAndATotal() {
    Cli cli = new Cli(temp);
    Cli.Result sweep = sweep(cli);
    assertEquals(0, sweep.code(), sweep.err());

    Cli.Result tree = cli.raw("replay", "--jobs", "2", cli.runsRoot.toString());
    assertEquals(0, tree.code(), tree.out() + tree.err());
    assertEquals(4, lines(tree, "reproduced "), tree.out());
    assertTrue(tree.out().contains("replay: 4 of 4 runs reproduced, 0 differ"), tree.out());

    Cli.Result manifest = cli.raw("replay", "--jobs", "3", sweep.json().get("manifest").asText());
    assertEquals(0, manifest.code(), manifest.out() + manifest.err());
    assertEquals(4, lines(manifest, "reproduced "), manifest.out());
  }

  @Test
  void oneDifferingRunFailsTheWholeReplayAndIncompleteRunsAreSkipped() throws IOException {
    Cli cli = new Cli(temp);
    assertEquals(0, sweep(cli).code());
    List<Path> metas = SweepSignalTest.metas(cli.runsRoot);
    Path tampered = metas.get(0).resolveSibling("metrics.json");
    Files.writeString(
        tampered,
        Files.readString(tampered).replaceFirst("\"num_steps\": 12", "\"num_steps\": 11"));
    Path failed = metas.get(1);
    Files.writeString(
        failed,
        Files.readString(failed).replace("\"status\": \"complete\"", "\"status\": \"failed\""));

    Cli.Result result = cli.raw("replay", "--jobs", "2", cli.runsRoot.toString());
    assertEquals(1, result.code(), result.out());
    assertEquals(1, lines(result, "DIFFERS "), result.out());
    assertEquals(2, lines(result, "reproduced "), result.out());
    assertEquals(1, lines(result, "skipped "), result.out());
    assertTrue(result.out().contains("metrics.json: num_steps"), result.out());
    assertTrue(
        result.out().contains("replay: 2 of 3 runs reproduced, 1 differ, 1 skipped"), result.out());
  }

  @Test
  void aCounterfactualRunReplaysAfterItsRunsTreeIsMoved() throws IOException {
    Cli cli = new Cli(temp.resolve("before"));
    Path source =
        cli.ok("--scenario", "release_manager", "--seed", "5", "--max-steps", "10").runDir();
    Path counterfactual =
        cli.ok(
                "--scenario",
                "release_manager",
                "--seed",
                "6",
                "--max-steps",
                "10",
                "--policy",
                "replay:" + source.toAbsolutePath())
            .runDir();
    Path relative = cli.runsRoot.relativize(counterfactual);

    Path moved = temp.resolve("after");
    Files.move(temp.resolve("before"), moved);
    assertFalse(Files.exists(source), "the recorded source path is gone");
    Cli after = new Cli(moved);
    Cli.Result result = after.raw("replay", after.runsRoot.resolve(relative).toString());
    assertEquals(0, result.code(), result.out() + result.err());
    assertTrue(result.out().startsWith("reproduced "), result.out());

    // a different run at the source's place is not taken for it: the actions' hash decides
    Path movedSource = after.runsRoot.resolve(cli.runsRoot.relativize(source));
    Path log = movedSource.resolve("step_log.jsonl");
    Files.writeString(log, Files.readString(log).replace("\"check_canary\"", "\"noop\""));
    Cli.Result wrong = after.raw("replay", after.runsRoot.resolve(relative).toString());
    assertEquals(6, wrong.code(), wrong.out() + wrong.err());
    assertTrue(wrong.err().contains("not found with the recorded actions"), wrong.err());
  }

  @Test
  void aCompleteRunMissingAFileIsAnEnvironmentErrorNotAnInternalOne() throws IOException {
    Cli cli = new Cli(temp);
    Path run = cli.ok("--scenario", "release_manager", "--seed", "1", "--max-steps", "5").runDir();
    Files.delete(run.resolve("transcript.md"));
    Cli.Result result = cli.raw("replay", run.toString());
    assertEquals(6, result.code(), result.err());
    assertEquals(1, result.errLines().size(), result.err());
    assertTrue(result.err().contains("has no transcript.md"), result.err());
  }

  @Test
  void aSymlinkedRunDirectoryInATreeIsReportedAndReplayed() throws IOException {
    Cli cli = new Cli(temp.resolve("a"));
    Path run = cli.ok("--scenario", "release_manager", "--seed", "2", "--max-steps", "5").runDir();
    Path tree = temp.resolve("tree");
    Files.createDirectories(tree);
    Files.createSymbolicLink(tree.resolve("linked-run"), run.toAbsolutePath());

    Cli.Result report = cli.raw("report", "--format", "json", tree.toString());
    assertEquals(0, report.code(), report.err());
    JsonNode rows = report.json();
    assertEquals(1, rows.size(), rows.toString());
    assertEquals(2, rows.get(0).get("seed").asInt());

    Cli.Result replay = cli.raw("replay", tree.toString());
    assertEquals(0, replay.code(), replay.out() + replay.err());
    assertEquals(1, lines(replay, "reproduced "), replay.out());
  }
}
