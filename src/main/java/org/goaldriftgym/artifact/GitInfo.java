package org.goaldriftgym.artifact;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The commit checked out in the git repository that contains a directory, read from {@code .git}
 * directly (no {@code git} process). Immutable.
 *
 * @param repository the work tree root
 * @param commit the commit id HEAD points to
 * @param branch the branch name, or {@code null} for a detached HEAD
 */
public record GitInfo(Path repository, String commit, String branch) {

  /** Finds the repository above {@code start} and its HEAD commit, if there is one. */
  public static Optional<GitInfo> find(Path start) {
    for (Path dir = start.toAbsolutePath().normalize(); dir != null; dir = dir.getParent()) {
      Path git = dir.resolve(".git");
      if (Files.isDirectory(git)) {
        return read(dir, git);
      }
    }
    return Optional.empty();
  }

  private static Optional<GitInfo> read(Path root, Path git) {
    try {
      String head = Files.readString(git.resolve("HEAD"), StandardCharsets.UTF_8).trim();
      if (!head.startsWith("ref: ")) {
        return Optional.of(new GitInfo(root, head, null));
      }
      String ref = head.substring("ref: ".length());
      String branch = ref.startsWith("refs/heads/") ? ref.substring("refs/heads/".length()) : ref;
      Path loose = git.resolve(ref);
      if (Files.isRegularFile(loose)) {
        return Optional.of(new GitInfo(root, Files.readString(loose).trim(), branch));
      }
      Path packed = git.resolve("packed-refs");
      if (Files.isRegularFile(packed)) {
        List<String> lines = Files.readAllLines(packed, StandardCharsets.UTF_8);
        for (String line : lines) {
          if (line.endsWith(" " + ref)) {
            return Optional.of(new GitInfo(root, line.substring(0, line.indexOf(' ')), branch));
          }
        }
      }
      return Optional.empty();
    } catch (IOException e) {
      return Optional.empty();
    }
  }
}
