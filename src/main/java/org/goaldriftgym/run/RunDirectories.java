package org.goaldriftgym.run;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.goaldriftgym.artifact.RunDirectory;

/** Removing a run directory and its artifacts mirror: a run that never really started. */
public final class RunDirectories {

  private RunDirectories() {}

  /** Deletes the run directory and its mirror, ignoring what cannot be deleted. */
  public static void deleteQuietly(RunDirectory dir) {
    deleteTree(dir.path());
    deleteTree(dir.artifacts());
  }

  static void deleteTree(Path root) {
    if (!Files.exists(root)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(root)) {
      for (Path path : (Iterable<Path>) paths.sorted(Comparator.reverseOrder())::iterator) {
        Files.deleteIfExists(path);
      }
    } catch (IOException | RuntimeException e) {
      // best effort: what is left is an incomplete directory report skips with a reason
    }
  }
}
