package org.goaldriftgym.cli;

import java.io.PrintWriter;
import java.nio.charset.Charset;
import java.nio.file.Path;
import java.time.Clock;
import org.goaldriftgym.agent.AgentFactory;
import picocli.CommandLine;

/** Entry point of {@code goal-drift-gym}. */
public final class Main {

  private Main() {}

  public static void main(String[] args) {
    PrintWriter out = new PrintWriter(System.out, true, Charset.defaultCharset());
    PrintWriter err = new PrintWriter(System.err, true, Charset.defaultCharset());
    System.exit(run(out, err, args));
  }

  /**
   * Runs the command line in-process and returns the exit code; output goes to {@code out} (data)
   * and {@code err} (progress and messages). Tests call this.
   */
  public static int run(PrintWriter out, PrintWriter err, String... args) {
    return run(out, err, Environment.system(), args);
  }

  /** As {@link #run(PrintWriter, PrintWriter, String...)}, with the clock and directory given. */
  static int run(PrintWriter out, PrintWriter err, Environment environment, String... args) {
    CommandLine commandLine = commandLine(environment);
    commandLine.setOut(out);
    commandLine.setErr(err);
    int code = commandLine.execute(args);
    out.flush();
    err.flush();
    return code;
  }

  static CommandLine commandLine(Environment environment) {
    CommandLine commandLine =
        new CommandLine(new GoalDriftGymCommand(), new CommandFactory(environment));
    commandLine.setExecutionExceptionHandler(new ErrorHandler());
    commandLine.setExitCodeExceptionMapper(ExitCodes::of);
    commandLine.setParameterExceptionHandler(new UsageErrorHandler());
    // enum options (plot --format, report --format) take any case: png, PNG
    commandLine.setCaseInsensitiveEnumValuesAllowed(true);
    return commandLine;
  }

  /**
   * What commands take from the process: a clock, the working directory, a seed source, whether to
   * install shutdown hooks, and the factory of LLM agents (keys, HTTP client, retry timing; {@code
   * null} for the process's own, which reads keys from the environment or {@code .env} in the
   * working directory). Tests pass their own.
   */
  record Environment(
      Clock clock,
      Path workingDirectory,
      java.util.function.LongSupplier seeds,
      boolean hooks,
      AgentFactory agents) {

    Environment(
        Clock clock, Path workingDirectory, java.util.function.LongSupplier seeds, boolean hooks) {
      this(clock, workingDirectory, seeds, hooks, null);
    }

    /** The agent factory to use: the given one, or the process's own. */
    AgentFactory agentFactory() {
      return agents != null ? agents : AgentFactory.system(workingDirectory);
    }

    static Environment system() {
      java.security.SecureRandom random = new java.security.SecureRandom();
      return new Environment(
          Clock.systemUTC(),
          Path.of("").toAbsolutePath(),
          () -> random.nextInt(Integer.MAX_VALUE),
          true);
    }
  }
}
