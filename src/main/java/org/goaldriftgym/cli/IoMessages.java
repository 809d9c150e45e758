package org.goaldriftgym.cli;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;

/** Turns an I/O failure into words a user can act on. */
final class IoMessages {

  private IoMessages() {}

  static String describe(IOException e) {
    if (e instanceof AccessDeniedException denied) {
      return "permission denied: " + denied.getFile();
    }
    if (e instanceof NoSuchFileException missing) {
      return "no such file or directory: " + missing.getFile();
    }
    if (e instanceof FileAlreadyExistsException exists) {
      return "a file is in the way: " + exists.getFile();
    }
    if (e instanceof NotDirectoryException notDir) {
      return "not a directory: " + notDir.getFile();
    }
    if (e instanceof FileSystemException fs) {
      String reason = fs.getReason() == null ? "" : " (" + fs.getReason() + ")";
      return fs.getFile() + reason;
    }
    return String.valueOf(e.getMessage());
  }
}
