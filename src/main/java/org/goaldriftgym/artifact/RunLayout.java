package org.goaldriftgym.artifact;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * Where a run's files go: {@code <runs-root>/<scenario>/<label>/<run-id>/} and its mirror under the
 * artifacts root. Run ids are {@code <UTC yyyyMMdd-HHmmss>-s<seed>}; a directory is created
 * exclusively, and a taken id gets a suffix ({@code -2}, {@code -3}, ...), so no run ever
 * overwrites another. Immutable.
 */
public record RunLayout(Path runsRoot, Path artifactsRoot) {

  private static final DateTimeFormatter ID_TIME =
      DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss", Locale.ROOT).withZone(ZoneOffset.UTC);

  /**
   * A label safe as one path segment: lower case, only {@code [a-z0-9_-]}, other runs of characters
   * become one {@code -}; {@code openai/gpt-4o} becomes {@code openai-gpt-4o}.
   *
   * @throws IllegalArgumentException when nothing usable is left
   */
  public static String slug(String label) {
    String slug =
        label
            .toLowerCase(Locale.ROOT)
            .replaceAll("[^a-z0-9_-]+", "-")
            .replaceAll("-{2,}", "-")
            .replaceAll("^-|-$", "");
    if (slug.isEmpty()) {
      throw new IllegalArgumentException(
          "label '" + label + "' has no letters or digits; use [a-z0-9_-]");
    }
    return slug;
  }

  /** The run id for a start time and seed, before any collision suffix. */
  public static String runId(Instant startedAt, long seed) {
    return ID_TIME.format(startedAt) + "-s" + seed;
  }

  /**
   * Creates the run directory and its artifacts mirror (with a README.txt saying what will appear
   * there), choosing a free id.
   */
  public RunDirectory create(String scenario, String label, Instant startedAt, long seed)
      throws IOException {
    return create(scenario, label, startedAt, seed, null);
  }

  /**
   * As {@link #create(String, String, Instant, long)} for one epoch of several: the id ends in
   * {@code -e<epoch>}, so the epochs of one seed are told apart by name.
   */
  public RunDirectory create(
      String scenario, String label, Instant startedAt, long seed, Integer epoch)
      throws IOException {
    Path parent = runsRoot.resolve(scenario).resolve(label);
    Files.createDirectories(parent);
    String base = runId(startedAt, seed) + (epoch == null ? "" : "-e" + epoch);
    String id = base;
    Path dir;
    for (int suffix = 2; ; suffix++) {
      dir = parent.resolve(id);
      try {
        Files.createDirectory(dir);
        break;
      } catch (FileAlreadyExistsException taken) {
        id = base + "-" + suffix;
      }
    }
    Path artifacts = artifactsRoot.resolve(scenario).resolve(label).resolve(id);
    try {
      Files.createDirectories(artifacts);
      AtomicFiles.write(
          artifacts.resolve("README.txt"), readme(dir).getBytes(StandardCharsets.UTF_8));
    } catch (IOException e) {
      Files.deleteIfExists(dir); // still empty: leave nothing that looks like a run
      throw e;
    }
    return new RunDirectory(id, scenario, label, dir, artifacts);
  }

  private static String readme(Path runDir) {
    return "Figures for the run in "
        + runDir
        + "\n\n"
        + "This directory mirrors the run directory. The `plot` command writes PNG figures here:\n"
        + "alignment over steps, the decision track, tool usage and panel traces.\n\n"
        + "  java -jar target/goal-drift-gym.jar plot "
        + runDir
        + "\n";
  }
}
