package org.goaldriftgym.cli;

import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * The root command; it only groups the subcommands, which {@link Main} adds from {@link
 * #SUBCOMMANDS} (all of them, or only the one a command line names: see {@code Main.commandLine}).
 * Every command says {@code addMethodSubcommands = false}: none has {@code @Command} methods, and
 * picocli would otherwise scan each method of each command class for one at every start.
 */
@Command(
    name = "goal-drift-gym",
    mixinStandardHelpOptions = true,
    addMethodSubcommands = false,
    versionProvider = VersionProvider.class,
    description = "Measure goal drift of decision-making agents in pressured scenarios.",
    synopsisSubcommandLabel = "COMMAND",
    footer = {
      "",
      "Exit codes: 0 ok, 1 run failed (or sweep: a run did not complete, report/plot/view"
          + " skipped input, replay found a difference, check-scenario found a failing row,"
          + " merge: an item is missing or did not complete), 2 usage error, 3 config error, 4 agent error, 5 budget exceeded,"
          + " 6 environment error (full disk, read-only, permission), 130 interrupted (143 on"
          + " SIGTERM)."
    })
final class GoalDriftGymCommand implements Runnable {

  /**
   * The subcommands by name, in the order help lists them. A name must be the one in the class's
   * {@code @Command} annotation (CommandTreeTest checks), so a command line's first word finds its
   * class without reflection.
   */
  static final Map<String, Class<?>> SUBCOMMANDS = subcommands();

  @Spec CommandSpec spec;

  private static Map<String, Class<?>> subcommands() {
    Map<String, Class<?>> byName = new LinkedHashMap<>();
    byName.put("run", RunCommand.class);
    byName.put("list-scenarios", ListScenariosCommand.class);
    byName.put("sweep", SweepCommand.class);
    byName.put("merge", MergeCommand.class);
    byName.put("replay", ReplayCommand.class);
    byName.put("report", ReportCommand.class);
    byName.put("plot", PlotCommand.class);
    byName.put("view", ViewCommand.class);
    byName.put("check-scenario", CheckScenarioCommand.class);
    byName.put("completion", CompletionCommand.class);
    return java.util.Collections.unmodifiableMap(byName);
  }

  @Override
  public void run() {
    throw new ParameterException(
        spec.commandLine(),
        "a command is required: " + String.join(", ", spec.subcommands().keySet()));
  }
}
