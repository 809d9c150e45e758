package org.goaldriftgym.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Real signals sent to a real sweep in a child JVM: SIGTERM and SIGINT close every run in flight as
 * interrupted and write a valid partial manifest and the summary; SIGKILL leaves runs {@code
 * running} that {@code report} shows as interrupted; {@code sweep --resume} then completes the
 * sweep with runs byte-identical to a clean sweep's.
 */
class SweepSignalTest {

  /** The files of a run that must reproduce byte for byte (meta.json holds times and the pid). */
  static final List<String> RUN_FILES =
      List.of("config.json", "metrics.json", "step_log.jsonl", "transcript.txt", "transcript.md");

  private static final String[] SWEEP = {
    "--scenario", "release_manager", "--seeds", "1..5", "--max-steps", "500", "--jobs", "2"
  };

  @TempDir Path temp;

  @Test
  void sigtermClosesRunsInFlightWritesAPartialManifestAndResumeCompletesTheSweep()
      throws Exception {
    Path root = temp.resolve("killed");
    Child child = Child.sweep(root, SWEEP);
    child.awaitCompleteRuns(1);
    child.process.destroy(); // SIGTERM
    assertEquals(143, child.waitFor(), child::stderr);

    // stdout: the summary so far; the manifest: valid, every item accounted for
    JsonNode out = Cli.JSON.readTree(child.stdout());
    assertEquals("interrupted", out.get("state").asText());
    JsonNode manifest = Cli.readJson(Path.of(out.get("manifest").asText()));
    assertEquals("interrupted", manifest.get("state").asText());
    assertEquals(5, manifest.get("runs").size());
    assertTrue(manifest.get("counts").path("complete").asInt() >= 1, manifest.toString());
    assertEquals(out.get("counts"), manifest.get("counts"));
    for (JsonNode run : manifest.get("runs")) {
      String status = run.get("status").asText();
      assertTrue(
          List.of("complete", "interrupted", "not_started").contains(status), run.toString());
    }
    assertFalse(
        Files.exists(SweepSignal.journal(Path.of(out.get("manifest").asText()))),
        "the journal is removed once the final manifest is written");
    assertEquals(List.of(), statuses(root, "running"), "no run is left running");
    assertEquals(List.of(), tempFiles(root));

    resumeAndCompareWithACleanSweep(root);
  }

  @Test
  void sigintExits130WithEveryRunClosed() throws Exception {
    Path root = temp.resolve("ctrl-c");
    Child child = Child.sweep(root, SWEEP);
    child.awaitCompleteRuns(1);
    new ProcessBuilder("kill", "-INT", Long.toString(child.process.pid())).start().waitFor();
    assertEquals(130, child.waitFor(), child::stderr);
    assertEquals("interrupted", Cli.JSON.readTree(child.stdout()).get("state").asText());
    assertEquals(List.of(), statuses(root, "running"));
  }

  @Test
  void sigkillLeavesRunsThatReportShowsInterruptedAndResumeReruns() throws Exception {
    Path root = temp.resolve("sigkill");
    Child child = Child.sweep(root, SWEEP);
    child.awaitCompleteRuns(1);
    child.awaitRunning();
    child.process.destroyForcibly(); // SIGKILL: no hook runs
    assertEquals(137, child.waitFor());

    List<Path> leftRunning = statuses(root, "running");
    assertFalse(leftRunning.isEmpty(), "a run was in flight when the process was killed");
    // the manifest written at the start (and rewritten as runs finish) is valid JSON
    try (Stream<Path> manifests = Files.list(root.resolve("runs").resolve("sweeps"))) {
      for (Path file : manifests.filter(p -> p.toString().endsWith(".json")).toList()) {
        assertEquals(5, Cli.readJson(file).get("runs").size());
      }
    }

    Cli cli = new Cli(root);
    Cli.Result report = cli.raw("report", "--format", "json", cli.runsRoot.toString());
    assertEquals(0, report.code(), report.err());
    Map<String, String> statusByRun = new TreeMap<>();
    for (JsonNode row : report.json()) {
      statusByRun.put(row.get("run_dir").asText(), row.get("status").asText());
    }
    for (Path dir : leftRunning) {
      assertEquals(
          "interrupted",
          statusByRun.get(dir.toAbsolutePath().normalize().toString()),
          statusByRun::toString);
    }
    assertFalse(statusByRun.containsValue("running"), statusByRun::toString);

    resumeAndCompareWithACleanSweep(root);
  }

  private void resumeAndCompareWithACleanSweep(Path root) throws IOException {
    Cli killed = new Cli(root);
    List<String> resume = new ArrayList<>(List.of(SWEEP));
    resume.add("--resume");
    Cli.Result resumed = sweep(killed, resume);
    assertEquals(0, resumed.code(), resumed.err());
    assertEquals("finished", resumed.json().get("state").asText());
    assertEquals(
        5,
        resumed.json().get("counts").path("complete").asInt()
            + resumed.json().get("counts").path("skipped").asInt());

    Cli clean = new Cli(temp.resolve("clean"));
    assertEquals(0, sweep(clean, List.of(SWEEP)).code());
    Map<String, Path> expected = completeByHash(clean.runsRoot);
    Map<String, Path> actual = completeByHash(killed.runsRoot);
    assertEquals(5, expected.size());
    assertEquals(expected.keySet(), actual.keySet());
    for (Map.Entry<String, Path> run : expected.entrySet()) {
      for (String file : RUN_FILES) {
        assertArrayEquals(
            Files.readAllBytes(run.getValue().resolve(file)),
            Files.readAllBytes(actual.get(run.getKey()).resolve(file)),
            file + " of " + actual.get(run.getKey()));
      }
    }
  }

  static Cli.Result sweep(Cli cli, List<String> args) {
    List<String> all = new ArrayList<>(List.of("sweep", "--quiet"));
    all.addAll(List.of("--runs-root", cli.runsRoot.toString()));
    all.addAll(List.of("--artifacts-root", cli.artifactsRoot.toString()));
    all.addAll(args);
    return cli.raw(all.toArray(String[]::new));
  }

  /** Config hash to run directory of every complete run; fails on a hash completed twice. */
  static Map<String, Path> completeByHash(Path runsRoot) {
    Map<String, Path> complete = new TreeMap<>();
    for (Path meta : metas(runsRoot)) {
      JsonNode node = Cli.readJson(meta);
      if (node.get("status").asText().equals("complete")) {
        Path previous = complete.put(node.get("config_hash").asText(), meta.getParent());
        assertEquals(null, previous, "a run completed twice: " + meta.getParent());
      }
    }
    return complete;
  }

  static List<Path> statuses(Path root, String status) {
    List<Path> dirs = new ArrayList<>();
    for (Path meta : metas(root)) {
      if (Cli.readJson(meta).get("status").asText().equals(status)) {
        dirs.add(meta.getParent());
      }
    }
    return dirs;
  }

  static List<Path> metas(Path root) {
    if (!Files.exists(root)) {
      return List.of();
    }
    try (Stream<Path> found = Files.find(root, 6, (p, a) -> p.endsWith("meta.json"))) {
      return found.sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static List<Path> tempFiles(Path root) {
    try (Stream<Path> found = Files.walk(root)) {
      return found.filter(p -> p.getFileName().toString().endsWith(".tmp")).toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The journal of a manifest. */
  static final class SweepSignal {
    static Path journal(Path manifest) {
      return org.goaldriftgym.sweep.SweepRecorder.journalOf(manifest);
    }
  }

  /** {@code goal-drift-gym} in a child JVM with this test's class path. */
  static final class Child {

    final Process process;
    final Path root;
    private final Path out;
    private final Path err;

    private Child(Process process, Path root, Path out, Path err) {
      this.process = process;
      this.root = root;
      this.out = out;
      this.err = err;
    }

    static Child sweep(Path root, String... args) throws IOException {
      List<String> command = new ArrayList<>(List.of("sweep"));
      command.addAll(List.of("--runs-root", root.resolve("runs").toString()));
      command.addAll(List.of("--artifacts-root", root.resolve("artifacts").toString()));
      command.addAll(List.of(args));
      return start(root, command);
    }

    static Child start(Path root, List<String> args) throws IOException {
      return start(root, List.of(), args);
    }

    /**
     * As {@link #start(Path, List)}, the JVM started by {@code bash -c 'PREFIX; exec java ...'}
     * when {@code shellPrefix} is not empty (for example a {@code ulimit}).
     */
    static Child start(Path root, List<String> shellPrefix, List<String> args) throws IOException {
      Files.createDirectories(root);
      List<String> command = new ArrayList<>();
      command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
      command.add("-Xshare:auto");
      command.add("-cp");
      command.add(System.getProperty("java.class.path"));
      command.add(Main.class.getName());
      command.addAll(args);
      if (!shellPrefix.isEmpty()) {
        StringBuilder script = new StringBuilder(String.join("; ", shellPrefix)).append("; exec");
        for (String word : command) {
          script.append(" '").append(word.replace("'", "'\\''")).append('\'');
        }
        command = new ArrayList<>(List.of("bash", "-c", script.toString()));
      }
      Path out = Files.createTempFile(root, "stdout", ".txt");
      Path err = Files.createTempFile(root, "stderr", ".txt");
      Process process =
          new ProcessBuilder(command)
              .directory(root.toFile())
              .redirectOutput(out.toFile())
              .redirectError(err.toFile())
              .start();
      return new Child(process, root, out, err);
    }

    /** Waits until {@code n} runs are complete (the sweep is well under way). */
    void awaitCompleteRuns(int n) throws InterruptedException {
      await(() -> statuses(root, "complete").size() >= n, "complete runs");
    }

    /** Waits until a run is in flight. */
    void awaitRunning() throws InterruptedException {
      await(() -> !statuses(root, "running").isEmpty(), "a running run");
    }

    private void await(java.util.function.BooleanSupplier condition, String what)
        throws InterruptedException {
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
      while (!condition.getAsBoolean()) {
        assertTrue(process.isAlive(), () -> "the sweep ended before " + what + ": " + stderr());
        assertTrue(System.nanoTime() < deadline, "timed out waiting for " + what);
        Thread.sleep(50);
      }
    }

    int waitFor() throws InterruptedException {
      assertTrue(process.waitFor(120, TimeUnit.SECONDS), "the child sweep did not end");
      return process.exitValue();
    }

    String stdout() {
      return Cli.read(out);
    }

    String stderr() {
      return Cli.read(err);
    }

    void assertOk() throws InterruptedException {
      int code = waitFor();
      assertEquals(0, code, this::stderr);
      assertNotNull(stdout());
    }
  }
}
