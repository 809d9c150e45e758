package org.goaldriftgym.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import java.util.stream.Stream;

/**
 * Runs the command line in-process with a fixed clock, a working directory under a temporary
 * directory, a scripted seed source and no shutdown hooks, and always with {@code --runs-root} and
 * {@code --artifacts-root} under that directory.
 */
final class Cli {

  /** The fixed start time of every run: run ids start with {@code 20240102-030405}. */
  static final Instant NOW = Instant.parse("2024-01-02T03:04:05Z");

  static final String RUN_ID_TIME = "20240102-030405";

  static final ObjectMapper JSON = new ObjectMapper();

  final Path root;
  final Path runsRoot;
  final Path artifactsRoot;
  private final LongSupplier seeds;
  final AtomicLong seedDraws = new AtomicLong();

  Cli(Path root) {
    this(root, () -> 4242L);
  }

  Cli(Path root, LongSupplier seeds) {
    this.root = root;
    this.runsRoot = root.resolve("runs");
    this.artifactsRoot = root.resolve("artifacts");
    this.seeds = seeds;
  }

  /** The outcome of one invocation. */
  record Result(int code, String out, String err) {

    JsonNode json() {
      try {
        return JSON.readTree(out);
      } catch (IOException e) {
        throw new UncheckedIOException("stdout is not JSON: " + out, e);
      }
    }

    Path runDir() {
      return Path.of(json().get("run_dir").asText());
    }

    List<String> errLines() {
      return err.lines().toList();
    }
  }

  Main.Environment environment() {
    return new Main.Environment(
        Clock.fixed(NOW, ZoneOffset.UTC),
        root,
        () -> {
          seedDraws.incrementAndGet();
          return seeds.getAsLong();
        },
        false);
  }

  /** Runs {@code args} as given (no roots added). */
  Result raw(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Main.run(new PrintWriter(out), new PrintWriter(err), environment(), args);
    return new Result(code, out.toString(), err.toString());
  }

  /** Runs {@code run} with the roots under the temporary directory and the given arguments. */
  Result run(String... args) {
    List<String> all = new ArrayList<>();
    all.add("run");
    all.add("--runs-root");
    all.add(runsRoot.toString());
    all.add("--artifacts-root");
    all.add(artifactsRoot.toString());
    all.addAll(List.of(args));
    return raw(all.toArray(String[]::new));
  }

  /** Runs and checks it completed: exit 0 and status complete. */
  Result ok(String... args) {
    Result result = run(args);
    assertEquals(0, result.code(), () -> "exit code; stderr: " + result.err());
    assertEquals("complete", result.json().get("status").asText());
    return result;
  }

  /** Everything under the runs root (excluding the root itself); empty when it does not exist. */
  List<Path> runsTree() {
    return tree(runsRoot);
  }

  List<Path> artifactsTree() {
    return tree(artifactsRoot);
  }

  static List<Path> tree(Path dir) {
    if (!Files.exists(dir)) {
      return List.of();
    }
    try (Stream<Path> walk = Files.walk(dir)) {
      return walk.filter(p -> !p.equals(dir)).toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static JsonNode readJson(Path file) {
    try {
      return JSON.readTree(Files.readString(file));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static List<JsonNode> readJsonl(Path file) {
    try {
      List<JsonNode> lines = new ArrayList<>();
      for (String line : Files.readAllLines(file)) {
        assertTrue(!line.isBlank(), "blank line in " + file);
        lines.add(JSON.readTree(line));
      }
      return lines;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static Path write(Path file, String text) {
    try {
      Files.createDirectories(file.getParent());
      return Files.writeString(file, text);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
