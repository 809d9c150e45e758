package org.goaldriftgym.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Slurm scripts of docs/slurm against a real Slurm: the job array runs the shards, the merge
 * job (after the array) joins them, and the result equals the unsharded sweep, every run byte for
 * byte. Needs a running cluster ({@code .ci/slurm-up} starts a single-node one as root); skipped
 * when {@code sinfo} finds none.
 */
class SlurmArrayTest {

  private static final List<String> SWEEP =
      List.of(
          "--scenario",
          "release_manager",
          "--policy",
          "baseline,drifting:0.5",
          "--seeds",
          "1..4",
          "--max-steps",
          "30");

  @TempDir Path temp;

  @Test
  void theJobArrayAndTheMergeJobReproduceTheUnshardedSweep() throws Exception {
    Assumptions.assumeTrue(clusterUp(), "no Slurm cluster answers sinfo (see .ci/slurm-up)");
    Path scripts = Path.of("docs", "slurm").toAbsolutePath();
    Files.createDirectories(temp.resolve("logs"));

    List<String> array =
        new ArrayList<>(
            List.of(
                "sbatch",
                "--parsable",
                "--array=1-3",
                "--cpus-per-task=1",
                "--chdir=" + temp,
                scripts.resolve("sweep-array.sbatch").toString()));
    array.addAll(SWEEP);
    String job = exec(array).trim().split(";")[0];
    String merge =
        exec(
            List.of(
                "sbatch",
                "--parsable",
                "--wait",
                "--dependency=afterany:" + job,
                "--chdir=" + temp,
                scripts.resolve("merge.sbatch").toString(),
                job));
    Path shards = temp.resolve("shards").resolve(job);
    JsonNode merged = Cli.readJson(shards.resolve("merged.json"));

    Cli whole = new Cli(temp.resolve("whole"));
    Cli.Result unsharded = SweepSignalTest.sweep(whole, SWEEP);
    assertEquals(0, unsharded.code(), unsharded.err());
    assertEquals(unsharded.json().get("counts"), merged.get("counts"), merge);
    assertEquals(
        unsharded.json().get("summary").toPrettyString(), merged.get("summary").toPrettyString());

    Map<String, Path> expected = SweepSignalTest.completeByHash(whole.runsRoot);
    Map<String, Path> actual = new TreeMap<>();
    for (int i = 1; i <= 3; i++) {
      actual.putAll(
          SweepSignalTest.completeByHash(shards.resolve(Integer.toString(i)).resolve("runs")));
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
  }

  private static boolean clusterUp() {
    try {
      return exec(List.of("sinfo", "-h", "-o", "%t")).matches("(?s)\\s*(idle|mix|alloc).*");
    } catch (IOException | AssertionError e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  /** Runs a Slurm client with this test's JVM as the harness ({@code GDG}); its stdout. */
  private static String exec(List<String> command) throws IOException, InterruptedException {
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    builder
        .environment()
        .put(
            "GDG",
            Path.of(System.getProperty("java.home"), "bin", "java")
                + " -cp "
                + System.getProperty("java.class.path")
                + " "
                + Main.class.getName());
    Process process = builder.start();
    byte[] out = process.getInputStream().readAllBytes();
    if (!process.waitFor(300, TimeUnit.SECONDS)) {
      process.destroy();
      throw new AssertionError(command + " did not finish");
    }
    String text = new String(out, StandardCharsets.UTF_8);
    if (process.exitValue() != 0) {
      throw new AssertionError(command + " exited " + process.exitValue() + ": " + text);
    }
    return text;
  }
}
