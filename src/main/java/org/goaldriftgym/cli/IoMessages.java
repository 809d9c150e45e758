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

  /** What to do about it, starting with "; ", or "" when there is nothing specific to say. */
  static String hint(IOException e) {
    String text = String.valueOf(e.getMessage()).toLowerCase(java.util.Locale.ROOT);
    if (text.contains("no space left") || text.contains("disk quota")) {
      return "; the disk is full: free some space or choose another --runs-root";
    }
    if (text.contains("read-only file system")) {
      return "; the file system is read-only: choose a writable --runs-root and --artifacts-root";
    }
    if (e instanceof AccessDeniedException) {
      return "; choose a directory you may write to with --runs-root and --artifacts-root";
    }
    if (e instanceof FileAlreadyExistsException || e instanceof NotDirectoryException) {
      return "; --runs-root and --artifacts-root must be directories (or not exist yet)";
    }
    return "";
  }
}
