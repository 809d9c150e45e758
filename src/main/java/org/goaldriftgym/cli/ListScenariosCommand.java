package org.goaldriftgym.cli;

import org.goaldriftgym.scenario.ScenarioRegistry;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code list-scenarios}: each registered scenario with its description, or all details. */
@Command(
    name = "list-scenarios",
    mixinStandardHelpOptions = true,
    addMethodSubcommands = false,
    description = {
      "List the registered scenarios with a one-line description.",
      "With --json: every scenario's tools and parameters with type and default."
    })
final class ListScenariosCommand implements Runnable {

  @Spec CommandSpec spec;

  @Option(
      names = "--json",
      description = "Print a JSON list with every parameter, its type and default, and the tools.")
  boolean json;

  @Mixin QuietMixin quietness;

  @Override
  public void run() {
    ScenarioRegistry registry = ScenarioRegistry.load();
    spec.commandLine()
        .getOut()
        .print(json ? ScenarioCatalog.json(registry) : ScenarioCatalog.text(registry));
  }
}
