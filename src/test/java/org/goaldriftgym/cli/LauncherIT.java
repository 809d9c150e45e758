package org.goaldriftgym.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code bin/goal-drift-gym} as a user runs it, as a process against the packaged jar. Run by
 * {@code mvn verify} after {@code package} (the surefire execution {@code launcher} in pom.xml);
 * skipped when there is no jar yet (a run of this class from an IDE before any build).
 */
class LauncherIT {

  static final Path LAUNCHER = Path.of("bin/goal-drift-gym").toAbsolutePath();
  static final Path JAR = Path.of("target/goal-drift-gym.jar").toAbsolutePath();

  @TempDir Path temp;

  record Outcome(int code, String out, String err) {}

  private static Outcome launch(Map<String, String> env, String... args) throws Exception {
    List<String> command = new ArrayList<>(List.of(LAUNCHER.toString()));
    command.addAll(List.of(args));
    ProcessBuilder builder = new ProcessBuilder(command);
    builder.environment().putAll(env);
    Process process = builder.start();
    CompletableFuture<String> err =
        CompletableFuture.supplyAsync(() -> read(process.getErrorStream()));
    String out = read(process.getInputStream());
    assertTrue(process.waitFor(60, TimeUnit.SECONDS), "the launcher did not finish");
    return new Outcome(process.exitValue(), out, err.get());
  }

  private static String read(java.io.InputStream in) {
    try {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  @Test
  void theLauncherIsCommittedExecutableAndFindsTheJarNextToItself() throws Exception {
    assertTrue(Files.isExecutable(LAUNCHER), LAUNCHER + " is not executable");
    assumeTrue(Files.isRegularFile(JAR), "no packaged jar yet");
    // from another working directory, through a symlink, as when it is on PATH
    Path link = temp.resolve("goal-drift-gym");
    Files.createSymbolicLink(link, LAUNCHER);
    Process process =
        new ProcessBuilder(link.toString(), "list-scenarios").directory(temp.toFile()).start();
    String out = read(process.getInputStream());
    assertTrue(process.waitFor(60, TimeUnit.SECONDS));
    assertEquals(0, process.exitValue());
    assertTrue(out.contains("release_manager"), out);
    Files.delete(link); // before JUnit cleans the temporary directory, which warns on links
  }

  @Test
  void aRunThroughTheLauncherPrintsItsJsonAndNothingOfTheArchiveOnStdout() throws Exception {
    assumeTrue(Files.isRegularFile(JAR), "no packaged jar yet");
    Outcome run =
        launch(
            Map.of(),
            "run",
            "--scenario",
            "release_manager",
            "--seed",
            "1",
            "--runs-root",
            temp.resolve("runs").toString(),
            "--artifacts-root",
            temp.resolve("artifacts").toString());
    assertEquals(0, run.code(), run.err());
    JsonNode json = new ObjectMapper().readTree(run.out());
    assertEquals("complete", json.get("status").asText());
    Outcome completion = launch(Map.of(), "completion");
    assertEquals(0, completion.code());
    assertTrue(completion.out().contains("_complete_goal-drift-gym"));
  }

  @Test
  void withoutAJarTheLauncherSaysHowToBuildOne() throws Exception {
    Outcome missing =
        launch(Map.of("GOAL_DRIFT_GYM_JAR", temp.resolve("none.jar").toString()), "run");
    assertEquals(2, missing.code());
    assertEquals("", missing.out());
    assertEquals(1, missing.err().lines().count(), missing.err());
    assertTrue(missing.err().contains("mvn -B -q package -DskipTests"), missing.err());
  }

  @Test
  void anInterruptedRunPrintsItsJsonWithStatusInterrupted() throws Exception {
    assumeTrue(Files.isRegularFile(JAR), "no packaged jar yet");
    ProcessBuilder builder =
        new ProcessBuilder(
            LAUNCHER.toString(),
            "run",
            "--scenario",
            "release_manager",
            "--seed",
            "1",
            "--max-steps",
            "100000000",
            "--runs-root",
            temp.resolve("runs").toString(),
            "--artifacts-root",
            temp.resolve("artifacts").toString());
    Path stdout = temp.resolve("stdout.json");
    builder.redirectOutput(stdout.toFile());
    Process process = builder.start();
    BufferedReader err =
        new BufferedReader(new InputStreamReader(process.getErrorStream(), StandardCharsets.UTF_8));
    String first = err.readLine();
    assertTrue(first != null && first.contains("started"), String.valueOf(first));
    Thread.sleep(300);
    process.destroy(); // SIGTERM, as kill does; Ctrl-C's SIGINT takes the same path
    assertTrue(process.waitFor(60, TimeUnit.SECONDS));
    JsonNode json = new ObjectMapper().readTree(Files.readString(stdout));
    assertEquals("interrupted", json.get("status").asText());
    assertTrue(json.get("metrics").get("num_steps").asInt() > 0, json.toString());
    assertTrue(Files.isDirectory(Path.of(json.get("run_dir").asText())));
  }
}
