package org.goaldriftgym.cli;

import picocli.CommandLine.Command;

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
      ReplayCommand.class,
      ReportCommand.class,
      PlotCommand.class
    },
    footer = {
      "",
      "Exit codes: 0 ok, 1 run failed, 2 usage error, 3 config error, 130 interrupted."
    })
final class GoalDriftGymCommand implements Runnable {

  @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    throw new picocli.CommandLine.ParameterException(
        spec.commandLine(), "a command is required: run, list-scenarios");
  }
}
