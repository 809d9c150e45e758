package org.goaldriftgym.artifact;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * The process that writes a run or holds a claim: pid, host and the process's start instant, as
 * {@code meta.json} {@code owner} records it. A run still {@code running} whose owner is gone (same
 * host, and no process with that pid and start instant) was killed without a chance to close: it is
 * <em>stale</em>. An owner on another host cannot be checked and is taken as alive. Immutable.
 *
 * @param started the owner process's start instant, or {@code null} when the OS does not say
 */
public record RunOwner(long pid, String host, String started) {

  private static final RunOwner CURRENT = probe();

  public RunOwner {
    Objects.requireNonNull(host, "host");
  }

  /** This process. */
  public static RunOwner current() {
    return CURRENT;
  }

  /**
   * Whether the owner may still be writing: true for this process, for an owner on another host,
   * and for a live process with the recorded pid and start instant on this host.
   */
  public boolean alive() {
    if (equals(CURRENT)) {
      return true;
    }
    if (!host.equals(CURRENT.host)) {
      return true; // cannot look at another machine's processes
    }
    Optional<ProcessHandle> process = ProcessHandle.of(pid);
    if (process.isEmpty() || !process.get().isAlive()) {
      return false;
    }
    if (started == null) {
      return true;
    }
    // the pid may have been reused by a process started later
    return process
        .get()
        .info()
        .startInstant()
        .map(Instant::toString)
        .orElse(started)
        .equals(started);
  }

  /** The stale test: the owner is known to be gone. */
  public boolean stale() {
    return !alive();
  }

  public ObjectNode toJson() {
    ObjectNode node = Json.object();
    node.put("pid", pid);
    node.put("host", host);
    node.put("started", started);
    return node;
  }

  /** The owner recorded in a JSON object, or {@code null} when there is none or it is malformed. */
  public static RunOwner fromJson(JsonNode node) {
    if (node == null || !node.path("pid").isIntegralNumber() || !node.path("host").isTextual()) {
      return null;
    }
    JsonNode started = node.path("started");
    return new RunOwner(
        node.get("pid").asLong(),
        node.get("host").asText(),
        started.isTextual() ? started.asText() : null);
  }

  @Override
  public String toString() {
    return "pid " + pid + " on " + host;
  }

  private static RunOwner probe() {
    ProcessHandle self = ProcessHandle.current();
    return new RunOwner(
        self.pid(), hostName(), self.info().startInstant().map(Instant::toString).orElse(null));
  }

  private static String hostName() {
    try {
      String name =
          Files.readString(Path.of("/proc/sys/kernel/hostname"), StandardCharsets.UTF_8).trim();
      if (!name.isEmpty()) {
        return name;
      }
    } catch (IOException | RuntimeException notLinux) {
      // fall through
    }
    try {
      return InetAddress.getLocalHost().getHostName();
    } catch (IOException e) {
      return "localhost";
    }
  }
}
