package org.goaldriftgym.artifact;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/**
 * The harness's version and its own git commit, baked into the jar at build time (see {@code
 * build.properties}). Immutable.
 *
 * @param version the Maven project version
 * @param commit the full commit id the jar was built from, or "unknown"
 * @param dirty true when the build's work tree had uncommitted changes
 */
public record BuildInfo(String version, String commit, boolean dirty) {

  private static final BuildInfo CURRENT = load();

  public static BuildInfo current() {
    return CURRENT;
  }

  private static BuildInfo load() {
    Properties properties = new Properties();
    try (InputStream in =
        BuildInfo.class.getResourceAsStream("/org/goaldriftgym/build.properties")) {
      if (in != null) {
        properties.load(in);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new BuildInfo(
        resolved(properties.getProperty("version")),
        resolved(properties.getProperty("commit")),
        Boolean.parseBoolean(properties.getProperty("dirty")));
  }

  private static String resolved(String value) {
    return value == null || value.isBlank() || value.startsWith("${") ? "unknown" : value;
  }

  /** For {@code --version}: version, short commit and a dirty marker. */
  public String describe() {
    String shortCommit = commit.length() > 12 ? commit.substring(0, 12) : commit;
    return version + " (commit " + shortCommit + (dirty ? ", dirty" : "") + ")";
  }
}
