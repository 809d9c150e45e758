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
    CommandLine commandLine = commandLine(environment, args);
    commandLine.setOut(out);
    commandLine.setErr(err);
    int code = commandLine.execute(args);
    out.flush();
    err.flush();
    return code;
  }

  /** The whole command tree: the root and every subcommand. */
  static CommandLine commandLine(Environment environment) {
    return commandLine(environment, new String[0]);
  }

  /**
   * The command tree {@code args} need. picocli builds a command's model by reflection over its
   * options and mixins, the larger part of a cold start when done for every subcommand; so when the
   * first argument names a subcommand, only that one is built, since parsing never leaves it. A
   * lone {@code --version} needs no subcommand. Anything else (no argument, root help, an unknown
   * word that gets suggestions, {@code completion}, which prints the whole tree) gets the whole
   * tree.
   */
  static CommandLine commandLine(Environment environment, String[] args) {
    CommandLine commandLine =
        new CommandLine(new GoalDriftGymCommand(), new CommandFactory(environment));
    Class<?> named = args.length == 0 ? null : GoalDriftGymCommand.SUBCOMMANDS.get(args[0]);
    boolean versionOnly = args.length == 1 && (args[0].equals("--version") || args[0].equals("-V"));
    if (named != null && named != CompletionCommand.class) {
      commandLine.addSubcommand(named);
    } else if (!versionOnly) {
      for (Class<?> subcommand : GoalDriftGymCommand.SUBCOMMANDS.values()) {
        commandLine.addSubcommand(subcommand);
      }
    }
    // the settings below reach the subcommands added so far, so they come after
    commandLine.setExecutionExceptionHandler(new ErrorHandler());
    commandLine.setExitCodeExceptionMapper(new ExitCodeMapper());
    commandLine.setParameterExceptionHandler(new UsageErrorHandler());
    // enum options (plot --format, report --format) take any case: png, PNG
    commandLine.setCaseInsensitiveEnumValuesAllowed(true);
    return commandLine;
  }

  /**
   * {@link ExitCodes#of(Throwable)} as picocli's mapper. A class, not {@code ExitCodes::of}:
   * picocli is compiled for Java 5, and a lambda of one of its interfaces links that interface and
   * {@code CommandLine} while the class-data-sharing archive is dumped, which then leaves both out
   * of it.
   */
  private static final class ExitCodeMapper implements CommandLine.IExitCodeExceptionMapper {
    @Override
    public int getExitCode(Throwable exception) {
      return ExitCodes.of(exception);
    }
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
      return new Environment(
          Clock.systemUTC(),
          Path.of("").toAbsolutePath(),
          () -> SeedSource.RANDOM.nextInt(Integer.MAX_VALUE),
          true);
    }
  }

  /** Seeds drawn when none is given; a holder, as seeding a SecureRandom costs at start-up. */
  private static final class SeedSource {
    static final java.security.SecureRandom RANDOM = new java.security.SecureRandom();

    private SeedSource() {}
  }
}
