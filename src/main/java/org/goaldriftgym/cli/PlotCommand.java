package org.goaldriftgym.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;
import org.goaldriftgym.analysis.Aggregator;
import org.goaldriftgym.analysis.GroupSummary;
import org.goaldriftgym.analysis.Grouping;
import org.goaldriftgym.analysis.LoadResult;
import org.goaldriftgym.analysis.RunLoader;
import org.goaldriftgym.analysis.RunRecord;
import org.goaldriftgym.analysis.Skipped;
import org.goaldriftgym.artifact.RunLayout;
import org.goaldriftgym.core.HarnessException;
import org.goaldriftgym.plot.Figure;
import org.goaldriftgym.plot.FigureFormat;
import org.goaldriftgym.plot.FigureWriter;
import org.goaldriftgym.plot.PanelSelection;
import org.goaldriftgym.plot.RunCharts;
import org.goaldriftgym.plot.SummaryCharts;
import org.goaldriftgym.plot.SurvivalCharts;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code plot}: PNG figures per run (into the run's mirror under the artifacts root, or {@code
 * --output}) and, with {@code --summary}, also per group of runs ({@code --summary-only}: only per
 * group, for sweeps of thousands of runs). Prints the path of every figure it writes on stdout.
 * Figures are built by {@code org.goaldriftgym.plot}.
 */
@Command(
    name = "plot",
    mixinStandardHelpOptions = true,
    addMethodSubcommands = false,
    sortOptions = false,
    description = {
      "Draw figures (PNG; --format for SVG/PDF). PATH is a run directory, any directory above"
          + " runs, or a sweep.json.",
      "Per run (default): alignment.png, decisions.png, tool_usage.png, panels.png in"
          + " <artifacts-root>/<scenario>/<label>/<run-id>/.",
      "With --summary, as well: mean_alignment.png, alignment_slope.png, drift_curve.png,"
          + " first_crossing.png, time_to_crossing.png in <artifacts-root>/summary/ (or"
          + " <output>/summary/).",
      "With --summary-only: the summary figures alone (for sweeps of thousands of runs).",
      "Runs or panels that cannot be used are skipped with one line on stderr each (exit 1)."
    },
    footer = {
      "",
      "Exit codes: 0 ok, 1 something was skipped (the rest was plotted), 2 usage error."
    })
final class PlotCommand implements Callable<Integer> {

  private static final Pattern SAFE_SEGMENT = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9_.-]*");

  @Spec CommandSpec spec;

  @Parameters(
      arity = "1..*",
      paramLabel = "PATH",
      description = "Run directories, directories with runs beneath them, or sweep.json manifests.")
  List<Path> paths;

  @Option(
      names = "--summary",
      description = "Every run's figures and, as well, summary figures over all runs, per group.")
  boolean summary;

  @Option(
      names = "--summary-only",
      description = "Only the summary figures, no per-run figures (for sweeps of many runs).")
  boolean summaryOnly;

  @Option(
      names = "--group-by",
      paramLabel = "KEY[,KEY...]",
      description =
          "With --summary or --summary-only: group by label (default), scenario or a scenario"
              + " parameter;"
              + " several keys with commas.")
  String groupBy;

  @Option(
      names = "--panels",
      split = ",",
      paramLabel = "NAME[,NAME...]",
      description =
          "Panels for panels.png (default: release_manager canary_score,pressure;"
              + " trading_goal_vs_profit green_allocation,emission_intensity,pressure;"
              + " multi_agent_trading the same and peer_pressure_index).")
  List<String> panels = new ArrayList<>();

  @Option(
      names = "--output",
      paramLabel = "DIR",
      description =
          "Write here instead: <DIR>/<scenario>/<label>/<run-id>/ per run, <DIR>/summary/.")
  Path output;

  @Option(
      names = "--format",
      split = ",",
      paramLabel = "FORMAT[,FORMAT...]",
      description =
          "png (default), svg or pdf; several with commas (png,svg,pdf). SVG and PDF are vector"
              + " figures for LaTeX.")
  List<FigureFormat> formats;

  @Option(
      names = "--artifacts-root",
      paramLabel = "DIR",
      defaultValue = "artifacts",
      description = "The artifacts tree that mirrors the runs (default: ${DEFAULT-VALUE}).")
  Path artifactsRoot;

  @Mixin QuietMixin quietness;

  @Option(
      names = "--include-incomplete",
      description = "With --summary or --summary-only: aggregate runs that are not complete too.")
  boolean includeIncomplete;

  @Override
  public Integer call() throws IOException {
    if (System.getProperty("java.awt.headless") == null) {
      System.setProperty("java.awt.headless", "true");
    }
    if (summary && summaryOnly) {
      throw HarnessException.usage(
          "--summary and --summary-only exclude each other: --summary draws every run's figures"
              + " and the summary, --summary-only the summary alone");
    }
    boolean withSummary = summary || summaryOnly;
    if (!withSummary && groupBy != null) {
      throw HarnessException.usage("--group-by needs --summary or --summary-only");
    }
    if (summaryOnly && !panels.isEmpty()) {
      throw HarnessException.usage(
          "--panels is for per-run figures; leave it out with --summary-only");
    }
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    PrintWriter info = quietness.info(err);
    Path root = output != null ? output : artifactsRoot;
    Grouping grouping = withSummary ? grouping(groupBy == null ? Grouping.LABEL : groupBy) : null;

    // the group figures need each step's score, the per-run figures all of each step
    LoadResult result =
        RunLoader.load(paths, summaryOnly ? RunLoader.Detail.SCORES : RunLoader.Detail.STEPS);
    Skips.print(err, result.skipped());
    boolean partial = !result.skipped().isEmpty();
    int written = 0;
    if (withSummary && !result.runs().isEmpty()) {
      try {
        grouping.validate(result.runs());
      } catch (IllegalArgumentException e) {
        throw HarnessException.usage("--group-by: " + e.getMessage());
      }
    }
    if (!summaryOnly) {
      for (RunRecord run : result.runs()) {
        if (run.steps().isEmpty()) {
          // a run that failed before its first step (a refused key, no credits): a faithful record
          // with nothing to draw, not a bad input
          info.println(
              "goal-drift-gym: note: "
                  + run.dir()
                  + " has no steps (status "
                  + run.status()
                  + "); no figures for it");
          continue;
        }
        PanelSelection selection = PanelSelection.of(run, panels);
        for (String missing : selection.missing()) {
          Skips.print(
              err,
              List.of(
                  new Skipped(
                      run.dir(),
                      "has no numeric panel '"
                          + missing
                          + "' (panels: "
                          + String.join(", ", run.numericPanels())
                          + ")")));
          partial = true;
        }
        Path dir =
            root.resolve(segment(run.scenario()))
                .resolve(segment(run.label()))
                .resolve(segment(run.runId()));
        for (Figure figure : RunCharts.all(run, selection.found())) {
          written += write(out, figure, dir);
        }
      }
    }
    if (withSummary && !result.runs().isEmpty()) {
      List<GroupSummary> groups =
          Aggregator.summarize(grouping.group(result.runs()), includeIncomplete);
      Skips.noteExcluded(info, groups.stream().mapToInt(GroupSummary::excluded).sum());
      String groupedBy = String.join(", ", grouping.keys());
      for (Figure figure : SummaryCharts.all(groups, groupedBy)) {
        written += write(out, figure, root.resolve("summary"));
      }
      // stats helper: Kaplan-Meier time to crossing, its own figure
      out.println(
          FigureWriter.write(SurvivalCharts.figure(groups, groupedBy), root.resolve("summary")));
      written++;
    }
    out.flush();
    info.println(
        "goal-drift-gym: wrote "
            + written
            + " figure"
            + (written == 1 ? "" : "s")
            + " from "
            + result.runs().size()
            + " run"
            + (result.runs().size() == 1 ? "" : "s")
            + " under "
            + (summaryOnly ? root.resolve("summary") : root));
    info.flush();
    err.flush();
    return partial ? ExitCodes.PARTIAL : ExitCodes.OK;
  }

  /** Writes a figure in every requested format; returns how many files. */
  private int write(PrintWriter out, Figure figure, Path dir) throws IOException {
    List<FigureFormat> chosen =
        formats == null || formats.isEmpty()
            ? List.of(FigureFormat.PNG)
            : formats.stream().distinct().toList();
    for (FigureFormat format : chosen) {
      out.println(FigureWriter.write(figure, dir, format));
    }
    return chosen.size();
  }

  private static Grouping grouping(String spec) {
    try {
      return Grouping.parse(spec);
    } catch (IllegalArgumentException e) {
      throw HarnessException.usage("--group-by: " + e.getMessage());
    }
  }

  /** A path segment from a name in meta.json that can neither climb out nor hide. */
  private static String segment(String name) {
    return SAFE_SEGMENT.matcher(name).matches() && !name.equals("..") ? name : RunLayout.slug(name);
  }
}
