package org.goaldriftgym.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** A process that has exited, to stand for the owner of a run killed with SIGKILL. */
final class DeadProcess {

  private DeadProcess() {}

  /** The pid of a process that ran {@code true} and has exited (and been reaped). */
  static long pid() {
    try {
      Process process = new ProcessBuilder("true").start();
      process.waitFor();
      return process.pid();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** Rewrites a run's meta.json as a run left "running" by a process that is gone. */
  static void leaveRunning(Path meta) {
    try {
      ObjectNode node = (ObjectNode) Cli.JSON.readTree(Files.readString(meta));
      node.put("status", "running");
      node.putNull("finished_at");
      ((ObjectNode) node.get("owner")).put("pid", pid());
      Files.writeString(meta, Cli.JSON.writerWithDefaultPrettyPrinter().writeValueAsString(node));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
