package org.goaldriftgym.cli;

import picocli.CommandLine;

/** Creates commands, handing those that need it the process {@link Main.Environment}. */
final class CommandFactory implements CommandLine.IFactory {

  private final Main.Environment environment;
  private final CommandLine.IFactory fallback = CommandLine.defaultFactory();

  CommandFactory(Main.Environment environment) {
    this.environment = environment;
  }

  @Override
  public <K> K create(Class<K> type) throws Exception {
    if (type == RunCommand.class) {
      return type.cast(new RunCommand(environment));
    }
    if (type == ReplayCommand.class) {
      return type.cast(new ReplayCommand(environment));
    }
    if (type == MergeCommand.class) {
      return type.cast(new MergeCommand(environment));
    }
    if (type == SweepCommand.class) {
      return type.cast(new SweepCommand(environment));
    }
    return fallback.create(type);
  }
}
