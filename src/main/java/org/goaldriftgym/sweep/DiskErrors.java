package org.goaldriftgym.sweep;

import java.util.List;
import java.util.Locale;

/**
 * Recognises the errors of a file system that refuses every write alike (full, over quota,
 * read-only), after which starting more runs is pointless.
 */
final class DiskErrors {

  private static final List<String> DISK_WIDE =
      List.of("no space left on device", "disk quota exceeded", "read-only file system");

  private DiskErrors() {}

  static boolean diskWide(String message) {
    String text = message.toLowerCase(Locale.ROOT);
    return DISK_WIDE.stream().anyMatch(text::contains);
  }
}
