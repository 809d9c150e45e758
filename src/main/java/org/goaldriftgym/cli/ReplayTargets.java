package org.goaldriftgym.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.goaldriftgym.analysis.RunLoader;
import org.goaldriftgym.artifact.Json;
import org.goaldriftgym.core.HarnessException;

/**
 * What {@code replay} was asked to replay: run directories named on the command line ({@code
 * explicit}: each must be a complete run), runs found beneath directories and listed in sweep
 * manifests ({@code found}: incomplete ones are skipped), and what could not be found ({@code
 * problems}). Each run once, in the order given, trees sorted by path. Immutable.
 */
record ReplayTargets(List<Path> explicit, List<Path> found, List<String> problems) {

  ReplayTargets {
    explicit = List.copyOf(explicit);
    found = List.copyOf(found);
    problems = List.copyOf(problems);
  }

  static ReplayTargets of(List<Path> paths) throws IOException {
    Map<Path, Path> explicit = new LinkedHashMap<>();
    Map<Path, Path> found = new LinkedHashMap<>();
    List<String> problems = new ArrayList<>();
    for (Path path : paths) {
      if (!Files.exists(path)) {
        throw HarnessException.usage(
            path
                + " does not exist; pass a run directory, a runs root"
                + " or a sweep.json manifest");
      }
      if (Files.isRegularFile(path)) {
        List<Path> listed = manifestRuns(path, problems);
        for (Path dir : listed) {
          found.putIfAbsent(identity(dir), dir);
        }
      } else if (RunLoader.isRunDirectory(path)) {
        explicit.putIfAbsent(identity(path), path);
      } else {
        List<Path> dirs = find(path);
        if (dirs.isEmpty()) {
          problems.add(path + ": holds no run directory");
        }
        for (Path dir : dirs) {
          found.putIfAbsent(identity(dir), dir);
        }
      }
    }
    found.keySet().removeAll(explicit.keySet());
    return new ReplayTargets(
        new ArrayList<>(explicit.values()), new ArrayList<>(found.values()), problems);
  }

  /**
   * The run directories a manifest lists. A manifest copied with its runs tree (runs/sweeps/x.json
   * next to runs/<scenario>/...) finds its runs where they are now.
   */
  private static List<Path> manifestRuns(Path file, List<String> problems) throws IOException {
    JsonNode root;
    try {
      root = Json.MAPPER.readTree(file.toFile());
    } catch (IOException e) {
      root = null;
    }
    if (root == null || !root.path("runs").isArray() || !root.has("total_items")) {
      throw HarnessException.usage(
          file + " is a file but not a sweep.json manifest; pass a run directory or a manifest");
    }
    Path runsRoot = file.toAbsolutePath().normalize().getParent().getParent();
    List<Path> dirs = new ArrayList<>();
    for (JsonNode run : root.get("runs")) {
      if (!run.path("run_dir").isTextual()) {
        continue; // never started
      }
      Path recorded = Path.of(run.get("run_dir").asText());
      Path moved =
          runsRoot != null && recorded.getNameCount() >= 3
              ? runsRoot.resolve(
                  recorded.subpath(recorded.getNameCount() - 3, recorded.getNameCount()))
              : recorded;
      if (RunLoader.isRunDirectory(recorded)) {
        dirs.add(recorded);
      } else if (RunLoader.isRunDirectory(moved)) {
        dirs.add(moved);
      } else {
        problems.add(recorded + ": listed in " + file + " but not found (nor at " + moved + ")");
      }
    }
    return dirs;
  }

  private static List<Path> find(Path root) throws IOException {
    List<Path> dirs = new ArrayList<>(RunLoader.findRuns(root, RunLoader::isRunDirectory));
    dirs.sort(java.util.Comparator.comparing(Path::toString));
    return dirs;
  }

  private static Path identity(Path dir) {
    try {
      return dir.toRealPath();
    } catch (IOException e) {
      return dir.toAbsolutePath().normalize();
    }
  }
}
