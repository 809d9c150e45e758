package org.goaldriftgym.artifact;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Claims on config hashes under {@code <runs-root>/.claims/}, so that two {@code sweep --resume}
 * into one runs root never both run the same run. A claim is a small JSON file named by the hash,
 * created atomically (a hard link of a fully written file, which fails when the name is taken) and
 * holding its {@link RunOwner}. A claim whose owner is gone is taken over atomically (one rename
 * wins). A claim on a complete run stays, so a later sweep skips it; the claim of a run that failed
 * or was interrupted is released, so a later sweep runs it again. Thread-safe.
 */
public final class RunClaims {

  /** The directory under the runs root. */
  public static final String DIRECTORY = ".claims";

  private static final AtomicLong UNIQUE = new AtomicLong();

  private final Path dir;

  private RunClaims(Path dir) {
    this.dir = dir;
  }

  /** The claims of a runs root (the directory is created on the first claim). */
  public static RunClaims of(Path runsRoot) {
    return new RunClaims(runsRoot.resolve(DIRECTORY));
  }

  /** What a claim attempt found. */
  public sealed interface Outcome {}

  /** This process now holds the claim. */
  public record Claimed() implements Outcome {}

  /** A live process holds the claim. */
  public record HeldBy(RunOwner owner) implements Outcome {}

  /** The run was completed already, in {@code runDir}. */
  public record Complete(Path runDir) implements Outcome {}

  /**
   * Tries to claim a config hash for this process.
   *
   * @throws IOException when the claims directory cannot be written
   */
  public Outcome claim(String configHash) throws IOException {
    Files.createDirectories(dir);
    Path file = file(configHash);
    for (int attempt = 0; attempt < 8; attempt++) {
      if (create(file, document(null))) {
        return new Claimed();
      }
      JsonNode held = read(file);
      if (held == null) {
        continue; // released meanwhile, or just being taken over: try again
      }
      RunOwner owner = RunOwner.fromJson(held.get("owner"));
      if (held.path("complete").asBoolean(false) && held.path("run_dir").isTextual()) {
        Path runDir = Path.of(held.get("run_dir").asText());
        if (Files.isRegularFile(runDir.resolve("meta.json"))) {
          return new Complete(runDir);
        }
      } else if (owner != null && owner.alive()) {
        return new HeldBy(owner);
      }
      // the holder is gone (or its complete run was deleted): take the claim over; of several
      // processes trying at once, exactly one rename succeeds
      Path aside = dir.resolve(configHash + ".stale-" + RunOwner.current().pid() + "-" + next());
      try {
        Files.move(file, aside, StandardCopyOption.ATOMIC_MOVE);
        Files.deleteIfExists(aside);
      } catch (NoSuchFileException lost) {
        // another process took it over first; look again
      }
    }
    throw new IOException("cannot claim " + file + ": it keeps changing");
  }

  /** Marks a claim held by this process as done: its run is complete in {@code runDir}. */
  public void complete(String configHash, Path runDir) throws IOException {
    AtomicFiles.write(file(configHash), document(runDir));
  }

  /** Gives up a claim held by this process (its run failed or was interrupted). */
  public void release(String configHash) throws IOException {
    Files.deleteIfExists(file(configHash));
  }

  private Path file(String configHash) {
    if (!configHash.matches("[0-9a-f]{8,128}")) {
      throw new IllegalArgumentException("not a config hash: " + configHash);
    }
    return dir.resolve(configHash + ".json");
  }

  /** Creates {@code file} with {@code bytes} if the name is free; false when it is taken. */
  private boolean create(Path file, byte[] bytes) throws IOException {
    Path temp =
        dir.resolve("." + file.getFileName() + "." + RunOwner.current().pid() + "-" + next());
    Files.write(temp, bytes, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
    try {
      Files.createLink(file, temp);
      return true;
    } catch (FileAlreadyExistsException taken) {
      return false;
    } catch (UnsupportedOperationException | IOException noLinks) {
      // a file system without hard links: an exclusive create, then the content
      try {
        Files.write(file, bytes, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        return true;
      } catch (FileAlreadyExistsException taken) {
        return false;
      }
    } finally {
      Files.deleteIfExists(temp);
    }
  }

  private static JsonNode read(Path file) {
    try {
      byte[] bytes = Files.readAllBytes(file);
      JsonNode node = bytes.length == 0 ? null : Json.MAPPER.readTree(bytes);
      // an empty claim is being written by its creator (no hard links): it is held
      return node != null ? node : heldByUnknown();
    } catch (NoSuchFileException gone) {
      return null;
    } catch (IOException unreadable) {
      return heldByUnknown();
    }
  }

  private static JsonNode heldByUnknown() {
    ObjectNode node = Json.object();
    node.set("owner", RunOwner.current().toJson()); // alive: wait rather than run twice
    return node;
  }

  private static byte[] document(Path runDir) {
    ObjectNode node = Json.object();
    node.set("owner", RunOwner.current().toJson());
    node.put("complete", runDir != null);
    node.put("run_dir", runDir == null ? null : runDir.toAbsolutePath().normalize().toString());
    return Json.pretty(node);
  }

  private static long next() {
    return UNIQUE.incrementAndGet();
  }

  @Override
  public String toString() {
    return Objects.toString(dir);
  }
}
