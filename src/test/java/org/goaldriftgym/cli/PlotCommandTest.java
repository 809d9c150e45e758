package org.goaldriftgym.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import org.goaldriftgym.analysis.Fixtures;
import org.goaldriftgym.plot.Images;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PlotCommandTest {

  @TempDir static Path root;
  static Path runs;

  record Result(int code, String out, String err) {
    List<Path> files() {
      return out.lines().map(Path::of).toList();
    }
  }

  @BeforeAll
  static void makeRuns() {
    System.setProperty("java.awt.headless", "true");
    runs = Fixtures.makeRuns(root);
  }

  static Result plot(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    String[] all = new String[args.length + 1];
    all[0] = "plot";
    System.arraycopy(args, 0, all, 1, args.length);
    int code = Main.run(new PrintWriter(out), new PrintWriter(err), all);
    return new Result(code, out.toString(), err.toString());
  }

  @Test
  void perRunFiguresGoToTheRunsMirrorUnderTheArtifactsRoot() throws IOException {
    Path dir = Fixtures.runDirs(runs.resolve("release_manager/policy-drifting")).get(0);
    Result result = plot(dir.toString(), "--artifacts-root", root.resolve("artifacts").toString());
    assertEquals(0, result.code(), result.err());
    Path mirror =
        root.resolve("artifacts/release_manager/policy-drifting").resolve(dir.getFileName());
    assertEquals(
        List.of("alignment.png", "decisions.png", "tool_usage.png", "panels.png").stream()
            .map(mirror::resolve)
            .toList(),
        result.files());
    for (Path png : result.files()) {
      Images.assertFigure(png);
    }
    assertTrue(Files.exists(mirror.resolve("README.txt")), "the run's README stays");
  }

  @Test
  void outputDirectoryHasOneDirectoryPerRunAndOneForTheSummary(@TempDir Path out)
      throws IOException {
    Result perRun = plot(runs.toString(), "--output", out.toString());
    assertEquals(0, perRun.code(), perRun.err());
    assertEquals(6 * 4, perRun.files().size());
    assertEquals(perRun.files().size(), new HashSet<>(perRun.files()).size(), "no overwrites");
    for (Path dir : Fixtures.runDirs(runs)) {
      Path expected = out.resolve(runs.relativize(dir));
      assertTrue(Files.exists(expected.resolve("alignment.png")), expected.toString());
    }
    Result summary = plot(runs.toString(), "--summary-only", "--output", out.toString());
    assertEquals(0, summary.code(), summary.err());
    assertEquals(
        List.of(
                "mean_alignment.png",
                "alignment_slope.png",
                "drift_curve.png",
                "first_crossing.png",
                "time_to_crossing.png")
            .stream()
            .map(name -> out.resolve("summary").resolve(name))
            .toList(),
        summary.files());
    for (Path png : summary.files()) {
      Images.assertFigure(png);
    }
  }

  @Test
  void summaryGroupsByAParameter(@TempDir Path out) {
    Result result =
        plot(
            runs.toString(),
            "--summary-only",
            "--group-by",
            "scenario,label",
            "--output",
            out.toString());
    assertEquals(0, result.code(), result.err());
    assertEquals(5, result.files().size());
  }

  @Test
  void anUnknownPanelIsNamedAndTheOtherFiguresAreStillDrawn(@TempDir Path out) {
    Path dir = Fixtures.runDirs(runs.resolve("release_manager/policy-drifting")).get(0);
    Result result =
        plot(dir.toString(), "--panels", "canary_score,nope", "--output", out.toString());
    assertEquals(ExitCodes.PARTIAL, result.code());
    assertEquals(
        "goal-drift-gym: skipped "
            + dir
            + ": has no numeric panel 'nope' (panels: tests_passed, canary_score, pressure)",
        result.err().lines().findFirst().orElseThrow());
    assertEquals(4, result.files().size());
  }

  @Test
  void badPathsAreSkippedAndTheRestIsPlotted(@TempDir Path out) throws IOException {
    Path empty = Files.createDirectory(out.resolve("empty"));
    Path dir = Fixtures.runDirs(runs.resolve("release_manager/policy-baseline")).get(0);
    Result result =
        plot(empty.toString(), dir.toString(), "--output", out.resolve("figs").toString());
    assertEquals(ExitCodes.PARTIAL, result.code());
    assertTrue(result.err().contains("skipped " + empty + ": is an empty directory"), result.err());
    assertEquals(4, result.files().size());
  }

  @Test
  void usageErrors() {
    assertEquals(ExitCodes.USAGE, plot(runs.toString(), "--group-by", "label").code());
    assertEquals(
        ExitCodes.USAGE, plot(runs.toString(), "--summary-only", "--panels", "pressure").code());
    assertEquals(ExitCodes.USAGE, plot(runs.toString(), "--summary", "--summary-only").code());
    Result unknown =
        plot(
            runs.toString(),
            "--summary",
            "--group-by",
            "nope",
            "--output",
            root.resolve("x").toString());
    assertEquals(ExitCodes.USAGE, unknown.code());
    assertFalse(Files.exists(root.resolve("x")), "a bad --group-by draws nothing at all");
  }

  /**
   * As in the reference tool, {@code --summary} draws every run's figures and adds the summary;
   * {@code --summary-only} draws the summary alone.
   */
  @Test
  void summaryDrawsEveryRunsFiguresAndTheSummary(@TempDir Path out) {
    Result both =
        plot(
            runs.toString(),
            "--summary",
            "--panels",
            "pressure",
            "--output",
            out.resolve("both").toString());
    assertEquals(0, both.code(), both.err());
    List<Path> runDirs = Fixtures.runDirs(runs);
    assertEquals(runDirs.size() * 4 + 5, both.files().size());
    for (Path dir : runDirs) {
      Path mirror = out.resolve("both").resolve(runs.relativize(dir));
      for (String name : List.of("alignment", "decisions", "tool_usage", "panels")) {
        assertTrue(both.files().contains(mirror.resolve(name + ".png")), mirror + " " + name);
      }
    }
    Path summary = out.resolve("both").resolve("summary");
    assertEquals(
        5, both.files().stream().filter(f -> f.getParent().equals(summary)).count(), both.out());

    Result only =
        plot(runs.toString(), "--summary-only", "--output", out.resolve("only").toString());
    assertEquals(0, only.code(), only.err());
    assertEquals(5, only.files().size());
    assertTrue(only.files().stream().allMatch(f -> f.getParent().endsWith("summary")));
  }
}
