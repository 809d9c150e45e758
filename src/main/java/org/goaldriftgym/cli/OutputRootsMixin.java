package org.goaldriftgym.cli;

import java.nio.file.Path;
import org.goaldriftgym.artifact.RunLayout;
import picocli.CommandLine.Option;

/** {@code --runs-root} and {@code --artifacts-root}, shared by commands that write runs. */
final class OutputRootsMixin {

  @Option(
      names = "--runs-root",
      paramLabel = "DIR",
      defaultValue = "runs",
      description = "Where run directories go (default: ${DEFAULT-VALUE}).")
  Path runsRoot;

  @Option(
      names = "--artifacts-root",
      paramLabel = "DIR",
      defaultValue = "artifacts",
      description = "Where figure directories go (default: ${DEFAULT-VALUE}).")
  Path artifactsRoot;

  RunLayout layout() {
    return new RunLayout(runsRoot, artifactsRoot);
  }
}
