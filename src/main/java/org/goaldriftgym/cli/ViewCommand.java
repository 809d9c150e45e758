package org.goaldriftgym.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.goaldriftgym.analysis.Grouping;
import org.goaldriftgym.analysis.LoadResult;
import org.goaldriftgym.analysis.RunLoader;
import org.goaldriftgym.core.HarnessException;
import org.goaldriftgym.view.SiteWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code view}: writes a static site to browse runs (an index with group aggregates, a page per
 * run, side-by-side comparisons) that opens from {@code file://} without a server. Prints the path
 * of the index page on stdout. The site is written by {@code org.goaldriftgym.view}.
 */
@Command(
    name = "view",
    mixinStandardHelpOptions = true,
    addMethodSubcommands = false,
    sortOptions = false,
    description = {
      "Write a static site to browse runs: open <DIR>/index.html in a browser (no server, no"
          + " network).",
      "PATH is a run directory, any directory above runs, or a sweep.json; runs of the reference"
          + " tool are read too.",
      "Runs that cannot be read are skipped with one line on stderr each (exit 1); the site lists"
          + " them too."
    },
    footer = {
      "",
      "Exit codes: 0 ok, 1 something was skipped (the rest was written), 2 usage error."
    })
final class ViewCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Mixin QuietMixin quietness;

  @Parameters(
      arity = "1..*",
      paramLabel = "PATH",
      description = "Run directories, directories with runs beneath them, or sweep.json manifests.")
  List<Path> paths;

  @Option(
      names = "--output",
      required = true,
      paramLabel = "DIR",
      description =
          "Where the site goes: a new or empty directory, or a site written before (rewritten).")
  Path output;

  @Option(
      names = "--group-by",
      paramLabel = "KEY[,KEY...]",
      defaultValue = "scenario,label",
      description =
          "Groups on the index: label, scenario or a scenario parameter; several keys with commas"
              + " (default: ${DEFAULT-VALUE}).")
  String groupBy;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    Grouping grouping;
    try {
      grouping = Grouping.parse(groupBy);
    } catch (IllegalArgumentException e) {
      throw HarnessException.usage("--group-by: " + e.getMessage());
    }
    LoadResult loaded = RunLoader.load(paths);
    Skips.print(err, loaded.skipped());
    if (!loaded.runs().isEmpty()) {
      try {
        grouping.validate(loaded.runs());
      } catch (IllegalArgumentException e) {
        throw HarnessException.usage("--group-by: " + e.getMessage());
      }
    }
    SiteWriter.Site site;
    try {
      site = SiteWriter.write(loaded, grouping, output);
    } catch (IllegalArgumentException e) {
      throw HarnessException.usage("--output: " + e.getMessage());
    } catch (IOException e) {
      throw new HarnessException(
          HarnessException.Kind.RUN,
          "cannot write the site under "
              + output
              + ": "
              + IoMessages.describe(e)
              + "; check --output",
          e);
    }
    out.println(site.index());
    out.flush();
    quietness
        .info(err)
        .println(
            "goal-drift-gym: wrote the viewer for "
                + site.runs()
                + " run"
                + (site.runs() == 1 ? "" : "s")
                + " in "
                + site.groups()
                + " group"
                + (site.groups() == 1 ? "" : "s")
                + "; open "
                + site.index()
                + " in a browser");
    err.flush();
    return loaded.skipped().isEmpty() ? ExitCodes.OK : ExitCodes.PARTIAL;
  }
}
