package org.goaldriftgym.cli;

import java.util.concurrent.Callable;
import picocli.AutoComplete;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code completion}: prints the shell completion script that picocli's {@link AutoComplete}
 * generates from the command tree (every command, option and enum value). The one script serves
 * bash and zsh (in zsh it loads {@code bashcompinit} itself). A command of its own rather than
 * picocli's {@code GenerateCompletion}, so the script is built from the live command tree of {@link
 * Main} (with its factory) and printed through the command line's writer.
 */
@Command(
    name = "completion",
    mixinStandardHelpOptions = true,
    addMethodSubcommands = false,
    description = {
      "Print a bash/zsh completion script for goal-drift-gym on stdout.",
      "bash: add  source <(goal-drift-gym completion)  to ~/.bashrc;"
          + " zsh: source <(goal-drift-gym completion zsh)  in ~/.zshrc."
    })
final class CompletionCommand implements Callable<Integer> {

  /** The shells the script is for. */
  enum Shell {
    BASH,
    ZSH
  }

  @Spec CommandSpec spec;

  @Parameters(
      arity = "0..1",
      paramLabel = "SHELL",
      description = "bash (default) or zsh; the script is the same for both.")
  Shell shell;

  @Mixin QuietMixin quietness;

  @Override
  public Integer call() {
    String name = spec.root().name();
    spec.commandLine().getOut().print(AutoComplete.bash(name, spec.root().commandLine()));
    spec.commandLine().getOut().flush();
    return ExitCodes.OK;
  }
}
