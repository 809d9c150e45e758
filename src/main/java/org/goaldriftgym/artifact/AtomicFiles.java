package org.goaldriftgym.artifact;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Writes whole files through a temporary sibling and a rename, so readers never see half. A write
 * that fails (a full disk, a read-only file system) removes its temporary file: nothing is left
 * behind but the previous version of the target, if any.
 */
public final class AtomicFiles {

  private AtomicFiles() {}

  public static void write(Path target, byte[] bytes) throws IOException {
    Path temp = target.resolveSibling("." + target.getFileName() + ".tmp");
    try {
      Files.write(temp, bytes);
      try {
        Files.move(
            temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
      }
    } catch (IOException | RuntimeException e) {
      try {
        Files.deleteIfExists(temp);
      } catch (IOException cleanup) {
        e.addSuppressed(cleanup);
      }
      throw e;
    }
  }
}
