package org.goaldriftgym.agent;

import io.github.cdimascio.dotenv.Dotenv;
import io.github.cdimascio.dotenv.DotenvEntry;
import java.nio.file.Path;
import java.util.Objects;
import java.util.function.Function;

/**
 * Looks up secrets by variable name: the process environment first, then a {@code .env} file in the
 * working directory (read once, on first use, with dotenv-java; a missing or malformed file is
 * ignored). Never modifies the environment or system properties. Thread-safe.
 */
public final class ApiKeys implements Function<String, String> {

  private final Path directory;
  private final Function<String, String> environment;
  private Dotenv dotenv;

  private ApiKeys(Path directory, Function<String, String> environment) {
    this.directory = Objects.requireNonNull(directory, "directory");
    this.environment = Objects.requireNonNull(environment, "environment");
  }

  /** The process environment, then {@code <directory>/.env}. */
  public static ApiKeys system(Path directory) {
    return new ApiKeys(directory, System::getenv);
  }

  /** The given environment, then {@code <directory>/.env} (for tests). */
  public static ApiKeys of(Path directory, Function<String, String> environment) {
    return new ApiKeys(directory, environment);
  }

  /** The value of a variable, or {@code null} when neither source sets it (or sets it empty). */
  @Override
  public synchronized String apply(String name) {
    String value = environment.apply(name);
    if (value != null && !value.isBlank()) {
      return value.strip();
    }
    if (dotenv == null) {
      dotenv =
          Dotenv.configure()
              .directory(directory.toString())
              .ignoreIfMissing()
              .ignoreIfMalformed()
              .load();
    }
    for (DotenvEntry entry : dotenv.entries(Dotenv.Filter.DECLARED_IN_ENV_FILE)) {
      if (entry.getKey().equals(name) && entry.getValue() != null && !entry.getValue().isBlank()) {
        return entry.getValue().strip();
      }
    }
    return null;
  }
}
