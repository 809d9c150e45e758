package org.goaldriftgym.artifact;

import java.nio.file.Path;

/**
 * A created run directory and its artifacts mirror. Immutable.
 *
 * @param runId the directory name, unique within its label
 * @param scenario scenario name
 * @param label run label (a slug)
 * @param path the run directory holding config, meta, metrics, step log and transcripts
 * @param artifacts the mirror directory for figures
 */
public record RunDirectory(String runId, String scenario, String label, Path path, Path artifacts) {

  /** {@code probe.json}: the goal probe's answer and grade, for runs with {@code goal_probe}. */
  public Path probe() {
    return path.resolve("probe.json");
  }

  public Path config() {
    return path.resolve("config.json");
  }

  public Path meta() {
    return path.resolve("meta.json");
  }

  public Path metrics() {
    return path.resolve("metrics.json");
  }

  public Path stepLog() {
    return path.resolve("step_log.jsonl");
  }

  public Path transcriptText() {
    return path.resolve("transcript.txt");
  }

  public Path transcriptMarkdown() {
    return path.resolve("transcript.md");
  }
}
