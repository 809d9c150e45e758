package org.goaldriftgym.artifact;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.goaldriftgym.core.RunStatus;
import org.goaldriftgym.metrics.TransportTotals;

/**
 * The content of {@code meta.json}: identity, status and provenance of a run. The only artifact
 * with wall-clock times. Immutable; {@link #finish} gives the closed copy.
 *
 * @param error what went wrong, or {@code null} when the run is running or complete
 * @param workingDirectoryGit the commit of the repository the command ran in, or {@code null}
 * @param commandLine the arguments, secrets already redacted
 * @param agentTransport an LLM agent's requests, retries, cache hits and latency, or {@code null}
 * @param owner the process writing the run, so a run left {@code running} by a dead process can be
 *     told from one in progress; {@code null} in runs recorded before it existed
 */
public record RunMeta(
    String runId,
    String scenario,
    String runLabel,
    Instant createdAt,
    Instant finishedAt,
    RunStatus status,
    String error,
    String configHash,
    long seed,
    BuildInfo harness,
    GitInfo workingDirectoryGit,
    String javaVersion,
    List<String> commandLine,
    TransportTotals agentTransport,
    RunOwner owner) {

  /** Bump when a key of {@code meta.json} is renamed or removed. */
  public static final int SCHEMA_VERSION = 1;

  public RunMeta {
    Objects.requireNonNull(runId, "runId");
    Objects.requireNonNull(createdAt, "createdAt");
    Objects.requireNonNull(status, "status");
    commandLine = List.copyOf(commandLine);
  }

  /** The meta of a run that has just started. */
  public static RunMeta started(
      RunDirectory dir,
      Instant createdAt,
      String configHash,
      long seed,
      GitInfo workingDirectoryGit,
      List<String> commandLine) {
    return new RunMeta(
        dir.runId(),
        dir.scenario(),
        dir.label(),
        createdAt,
        null,
        RunStatus.RUNNING,
        null,
        configHash,
        seed,
        BuildInfo.current(),
        workingDirectoryGit,
        System.getProperty("java.version"),
        commandLine,
        null,
        RunOwner.current());
  }

  public RunMeta finish(
      Instant at, RunStatus finalStatus, String finalError, TransportTotals transport) {
    return new RunMeta(
        runId,
        scenario,
        runLabel,
        createdAt,
        at,
        finalStatus,
        finalError,
        configHash,
        seed,
        harness,
        workingDirectoryGit,
        javaVersion,
        commandLine,
        transport,
        owner);
  }

  public ObjectNode toJson() {
    ObjectNode node = Json.object();
    node.put("schema_version", SCHEMA_VERSION);
    node.put("run_id", runId);
    node.put("scenario", scenario);
    node.put("run_label", runLabel);
    node.put("created_at", createdAt.toString());
    node.put("finished_at", finishedAt == null ? null : finishedAt.toString());
    node.put("status", status.wireName());
    node.put("error", error);
    node.put("config_hash", configHash);
    node.put("seed", seed);
    node.put("version", harness.version());
    ObjectNode harnessNode = node.putObject("harness");
    harnessNode.put("version", harness.version());
    harnessNode.put("git_commit", harness.commit());
    harnessNode.put("git_dirty", harness.dirty());
    if (workingDirectoryGit == null) {
      node.putNull("git");
    } else {
      ObjectNode git = node.putObject("git");
      git.put("repository", workingDirectoryGit.repository().toString());
      git.put("commit", workingDirectoryGit.commit());
      git.put("branch", workingDirectoryGit.branch());
    }
    node.put("git_sha", workingDirectoryGit == null ? null : workingDirectoryGit.commit());
    node.put("java_version", javaVersion);
    ArrayNode args = node.putArray("command_line");
    commandLine.forEach(args::add);
    if (owner != null) {
      node.set("owner", owner.toJson());
    }
    if (agentTransport != null) {
      ObjectNode transport = node.putObject("agent_transport");
      transport.put("requests", agentTransport.requests());
      transport.put("retries", agentTransport.retries());
      transport.put("cache_hits", agentTransport.cacheHits());
      transport.put("latency_ms", agentTransport.latencyMillis());
    }
    return node;
  }
}
