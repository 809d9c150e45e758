package org.goaldriftgym.run;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.goaldriftgym.artifact.RecordedActions;
import org.goaldriftgym.core.HarnessException;

/**
 * Finds the actions a counterfactual run ({@code --policy replay:PATH}) replayed, after the run was
 * moved or its runs tree cloned elsewhere. The recorded PATH is tried as written, then relative to
 * the run directory, then re-rooted: its trailing {@code <scenario>/<label>/<run-id>[/file]}
 * resolved under the runs root the run now sits in. A candidate counts only when its actions have
 * the recorded {@code actions_sha256}, so a different run that happens to sit at that path is never
 * used. Stateless.
 */
public final class ReplaySources {

  private ReplaySources() {}

  /**
   * A resolver for the planner of a re-run of {@code runDir}, or the identity when the run's config
   * records no replay.
   *
   * @param config the run's {@code config.json}
   * @throws HarnessException (environment) when no candidate holds the recorded actions
   */
  public static UnaryOperator<Path> forRun(Path runDir, JsonNode config) {
    JsonNode replay = config.path("run_config").path("replay");
    if (!replay.path("actions_sha256").isTextual()) {
      return path -> path;
    }
    String digest = replay.get("actions_sha256").asText();
    return given -> {
      List<Path> tried = new ArrayList<>();
      for (Path candidate : candidates(runDir, given)) {
        tried.add(candidate);
        if (Files.exists(candidate) && digest.equals(digestOf(candidate))) {
          return candidate;
        }
      }
      throw HarnessException.environment(
          "the replay source "
              + given
              + " of counterfactual run "
              + runDir
              + " is not found with the recorded actions (sha256 "
              + digest.substring(0, 12)
              + "...) at "
              + tried
              + "; copy or move the whole runs tree, or restore the source",
          null);
    };
  }

  static List<Path> candidates(Path runDir, Path given) {
    Set<Path> candidates = new LinkedHashSet<>();
    candidates.add(given);
    if (!given.isAbsolute()) {
      candidates.add(runDir.resolve(given).normalize());
    }
    // runs/<scenario>/<label>/<run-id>: the root is three levels up
    Path abs = runDir.toAbsolutePath().normalize();
    Path root = abs.getNameCount() >= 3 ? abs.getParent().getParent().getParent() : null;
    if (root != null) {
      int names = given.getNameCount();
      boolean file = given.getFileName() != null && given.getFileName().toString().contains(".");
      int tail = file ? 4 : 3;
      if (names >= tail) {
        candidates.add(root.resolve(given.subpath(names - tail, names)));
      }
    }
    return new ArrayList<>(candidates);
  }

  private static String digestOf(Path candidate) {
    try {
      return RecordedActions.load(candidate).digest();
    } catch (IllegalArgumentException unreadable) {
      return null;
    }
  }
}
