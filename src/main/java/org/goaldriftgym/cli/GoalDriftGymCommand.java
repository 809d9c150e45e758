package org.goaldriftgym.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** The root command; it only groups the subcommands. */
@Command(
    name = "goal-drift-gym",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = "Measure goal drift of decision-making agents in pressured scenarios.",
    synopsisSubcommandLabel = "COMMAND",
    subcommands = {
      RunCommand.class,
      ListScenariosCommand.class,
      SweepCommand.class,
      MergeCommand.class,
      ReplayCommand.class,
      ReportCommand.class,
      PlotCommand.class,
      ViewCommand.class,
      CheckScenarioCommand.class,
      CompletionCommand.class
    },
    footer = {
      "",
      "Exit codes: 0 ok, 1 run failed (or sweep: a run did not complete, report/plot/view"
          + " skipped input, replay found a difference, check-scenario found a failing row,"
          + " merge: an item is missing or did not complete), 2 usage error, 3 config error, 4 agent error, 5 budget exceeded,"
          + " 6 environment error (full disk, read-only, permission), 130 interrupted (143 on"
          + " SIGTERM)."
    })
final class GoalDriftGymCommand implements Runnable {

  @Spec CommandSpec spec;

  @Override
  public void run() {
    throw new ParameterException(
        spec.commandLine(),
        "a command is required: " + String.join(", ", spec.subcommands().keySet()));
  }
}
