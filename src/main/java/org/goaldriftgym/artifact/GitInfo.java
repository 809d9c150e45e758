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
      if (Files.isRegularFile(git)) {
        Path root = dir;
        return linkedGitDir(root, git).flatMap(gitDir -> read(root, gitDir));
      }
    }
    return Optional.empty();
  }

  /** A worktree's git dir names the repository's shared directory in {@code commondir}. */
  private static Path commonDir(Path git) throws IOException {
    Path file = git.resolve("commondir");
    if (!Files.isRegularFile(file)) {
      return git;
    }
    return git.resolve(Files.readString(file, StandardCharsets.UTF_8).trim()).normalize();
  }

  /** A worktree or submodule has a {@code .git} file saying {@code gitdir: <path>}. */
  private static Optional<Path> linkedGitDir(Path root, Path gitFile) {
    try {
      String text = Files.readString(gitFile, StandardCharsets.UTF_8).trim();
      if (!text.startsWith("gitdir:")) {
        return Optional.empty();
      }
      return Optional.of(root.resolve(text.substring("gitdir:".length()).trim()).normalize());
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  private static Optional<GitInfo> read(Path root, Path git) {
    try {
      String head = Files.readString(git.resolve("HEAD"), StandardCharsets.UTF_8).trim();
      if (!head.startsWith("ref: ")) {
        return Optional.of(new GitInfo(root, head, null));
      }
      String ref = head.substring("ref: ".length());
      String branch = ref.startsWith("refs/heads/") ? ref.substring("refs/heads/".length()) : ref;
      Path common = commonDir(git);
      for (Path base : List.of(git, common)) {
        Path loose = base.resolve(ref);
        if (Files.isRegularFile(loose)) {
          return Optional.of(new GitInfo(root, Files.readString(loose).trim(), branch));
        }
      }
      Path packed = common.resolve("packed-refs");
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
