package org.goaldriftgym.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * The command tree {@link Main} builds for a command line: the whole tree, or only the subcommand
 * the first argument names, which must then behave as in the whole tree.
 */
class CommandTreeTest {

  private static final Main.Environment ENVIRONMENT =
      new Main.Environment(Clock.systemUTC(), Path.of("").toAbsolutePath(), () -> 1L, false);

  @Test
  void everyNameIsTheOneInTheCommandsAnnotation() {
    for (Map.Entry<String, Class<?>> entry : GoalDriftGymCommand.SUBCOMMANDS.entrySet()) {
      CommandLine.Command command = entry.getValue().getAnnotation(CommandLine.Command.class);
      assertEquals(entry.getKey(), command.name(), entry.getValue().getName());
    }
  }

  @Test
  void noCommandIsScannedForMethodSubcommands() {
    assertEquals(
        false,
        GoalDriftGymCommand.class.getAnnotation(CommandLine.Command.class).addMethodSubcommands());
    for (Class<?> type : GoalDriftGymCommand.SUBCOMMANDS.values()) {
      assertEquals(
          false,
          type.getAnnotation(CommandLine.Command.class).addMethodSubcommands(),
          type.getName());
    }
  }

  @Test
  void theWholeTreeListsEverySubcommandInOrder() {
    CommandLine whole = Main.commandLine(ENVIRONMENT);
    assertEquals(
        List.of(
            "run",
            "list-scenarios",
            "sweep",
            "merge",
            "replay",
            "report",
            "plot",
            "view",
            "check-scenario",
            "completion"),
        new ArrayList<>(whole.getSubcommands().keySet()));
  }

  @Test
  void aNamedSubcommandIsBuiltAloneWithTheSameHelp() {
    CommandLine whole = Main.commandLine(ENVIRONMENT);
    for (String name : GoalDriftGymCommand.SUBCOMMANDS.keySet()) {
      CommandLine lazy = Main.commandLine(ENVIRONMENT, new String[] {name, "--help"});
      List<String> expected =
          name.equals("completion") ? List.copyOf(whole.getSubcommands().keySet()) : List.of(name);
      assertEquals(expected, List.copyOf(lazy.getSubcommands().keySet()), name);
      assertEquals(
          whole.getSubcommands().get(name).getUsageMessage(),
          lazy.getSubcommands().get(name).getUsageMessage(),
          name);
      assertEquals(
          whole.getSubcommands().get(name).isCaseInsensitiveEnumValuesAllowed(),
          lazy.getSubcommands().get(name).isCaseInsensitiveEnumValuesAllowed(),
          name);
    }
  }

  @Test
  void aLoneVersionFlagNeedsNoSubcommandAndPrintsTheSameVersion() {
    for (String flag : List.of("--version", "-V")) {
      CommandLine alone = Main.commandLine(ENVIRONMENT, new String[] {flag});
      assertEquals(0, alone.getSubcommands().size(), flag);
      StringWriter lazy = new StringWriter();
      StringWriter whole = new StringWriter();
      alone.printVersionHelp(new PrintWriter(lazy));
      Main.commandLine(ENVIRONMENT).printVersionHelp(new PrintWriter(whole));
      assertEquals(whole.toString(), lazy.toString(), flag);
    }
  }

  @Test
  void anythingButASubcommandFirstGetsTheWholeTree() {
    for (String[] args :
        List.of(
            new String[0],
            new String[] {"--help"},
            new String[] {"-V", "--help"},
            new String[] {"rnu"},
            new String[] {"--version", "run"})) {
      assertEquals(
          GoalDriftGymCommand.SUBCOMMANDS.size(),
          Main.commandLine(ENVIRONMENT, args).getSubcommands().size(),
          String.join(" ", args));
    }
  }
}
