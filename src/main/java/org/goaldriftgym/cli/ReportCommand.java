package org.goaldriftgym.cli;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.goaldriftgym.analysis.Aggregator;
import org.goaldriftgym.analysis.Group;
import org.goaldriftgym.analysis.GroupSummary;
import org.goaldriftgym.analysis.Grouping;
import org.goaldriftgym.analysis.LoadResult;
import org.goaldriftgym.analysis.ReportJson;
import org.goaldriftgym.analysis.ReportTables;
import org.goaldriftgym.analysis.RunLoader;
import org.goaldriftgym.analysis.RunRecord;
import org.goaldriftgym.analysis.Table;
import org.goaldriftgym.analysis.TrendTest;
import org.goaldriftgym.artifact.Json;
import org.goaldriftgym.core.HarnessException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code report}: one run's JSON summary, one row per run, per-group aggregates, or one tidy row
 * per step. Loading, aggregation and formats live in {@code org.goaldriftgym.analysis}; this class
 * maps flags onto them.
 */
@Command(
    name = "report",
    mixinStandardHelpOptions = true,
    addMethodSubcommands = false,
    sortOptions = false,
    description = {
      "Summarize runs. PATH is a run directory, any directory above runs (runs/,"
          + " runs/release_manager; every run beneath is found) or a sweep.json manifest.",
      "One run directory and no other flag: the run's JSON summary (summary, metrics, meta,"
          + " config). Otherwise one row per run, sorted by path.",
      "Runs that cannot be read are skipped with one line on stderr each (exit 1)."
    },
    footer = {
      "",
      "Exit codes: 0 ok, 1 something was skipped (the rest was reported), 2 usage error."
    })
final class ReportCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Parameters(
      arity = "1..*",
      paramLabel = "PATH",
      description = "Run directories, directories with runs beneath them, or sweep.json manifests.")
  List<Path> paths;

  @Option(
      names = "--format",
      paramLabel = "FORMAT",
      description =
          "json, csv or table (default: table; for --steps: csv). CSV prints doubles as Java's"
              + " Double.toString and booleans as 1/0.")
  ReportFormat format;

  @Option(
      names = "--width",
      paramLabel = "N",
      description =
          "With the table format: fit the table into N columns, shortening the widest cells"
              + " (default: $COLUMNS when set, as bin/goal-drift-gym sets it on a terminal;"
              + " 0: no limit).")
  Integer width;

  @Option(
      names = "--group-by",
      paramLabel = "KEY[,KEY...]",
      description =
          "Aggregate per group: label, scenario, policy (as recorded, e.g. drifting:0.3) or a"
              + " scenario parameter (e.g. pressure_growth);"
              + " several keys with commas. Gives n, mean, sd and a 95%% Student t interval per"
              + " metric.")
  String groupBy;

  @Option(
      names = "--trend",
      paramLabel = "KEY",
      description =
          "Dose-response: Spearman's rho between KEY (policy_level = LEVEL of drifting:LEVEL, or a"
              + " numeric scenario parameter) and each run's mean_alignment_score, with a two-sided"
              + " permutation p-value (10000 permutations, fixed seed); per group with --group-by.")
  String trend;

  @Option(
      names = "--steps",
      description =
          "One tidy CSV row per (run, step): score, tool, aligned action, agree, pressure and"
              + " every numeric panel.")
  boolean steps;

  @Mixin QuietMixin quietness;

  @Option(
      names = "--include-incomplete",
      description =
          "Aggregate runs that are not complete too (running, failed, interrupted);"
              + " they are always listed.")
  boolean includeIncomplete;

  @Option(
      names = "--paired",
      description =
          "For sweep.json manifests of sweep --control: per group, the paired differences"
              + " (treatment - control) of mean_alignment_score, gd_commission and gd_omission"
              + " with n, mean, sd and a 95%% t interval.")
  boolean paired;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    ReportFormat chosen = format;
    int columns = width != null ? width : columnsFromEnvironment();
    if (columns < 0) {
      throw HarnessException.usage("--width must be 0 (no limit) or a positive number of columns");
    }
    if (paired) {
      return PairedReport.print(
          out,
          paths,
          chosen,
          columns,
          steps || groupBy != null || trend != null || includeIncomplete);
    }
    if (steps && groupBy != null) {
      throw HarnessException.usage("--steps and --group-by cannot be combined");
    }
    if (steps && chosen != null && chosen != ReportFormat.CSV) {
      throw HarnessException.usage("--steps writes CSV only; use --format csv or leave it out");
    }
    if (steps && trend != null) {
      throw HarnessException.usage("--steps and --trend cannot be combined");
    }
    Grouping grouping = groupBy == null ? null : grouping(groupBy);

    // a table or an aggregate needs each run's metrics, not its steps
    LoadResult result =
        RunLoader.load(
            paths, steps || mayBeSingleRun() ? RunLoader.Detail.STEPS : RunLoader.Detail.METRICS);
    Skips.print(err, result.skipped());
    if (grouping != null && !result.runs().isEmpty()) {
      try {
        grouping.validate(result.runs());
      } catch (IllegalArgumentException e) {
        throw HarnessException.usage("--group-by: " + e.getMessage());
      }
    }

    if (steps) {
      out.print(ReportTables.steps(result.runs()).toCsv());
    } else if (trend != null) {
      write(out, trends(result.runs(), grouping), chosen, columns);
    } else if (grouping != null) {
      List<GroupSummary> summaries =
          Aggregator.summarize(grouping.group(result.runs()), includeIncomplete);
      Skips.noteExcluded(
          quietness.info(err), summaries.stream().mapToInt(GroupSummary::excluded).sum());
      if (chosen == ReportFormat.JSON) {
        print(out, ReportJson.groups(summaries));
      } else if (chosen == ReportFormat.CSV) {
        out.print(ReportTables.groups(summaries).toCsv());
      } else {
        out.print(ReportTables.groupsText(summaries).toText(columns));
      }
    } else if (chosen == null && isSingleRun(result)) {
      print(out, ReportJson.single(result.runs().get(0)));
    } else {
      write(out, ReportTables.runs(result.runs()), chosen, columns);
    }
    out.flush();
    return result.skipped().isEmpty() ? ExitCodes.OK : ExitCodes.PARTIAL;
  }

  /**
   * The trend test per group (or over all runs, the grouping already validated), on the runs an
   * aggregate would use.
   */
  private Table trends(List<RunRecord> runs, Grouping grouping) {
    if (!trend.equals(TrendTest.POLICY_LEVEL)
        && !runs.isEmpty()
        && runs.stream().noneMatch(run -> run.scenarioParam(trend).isPresent())) {
      throw HarnessException.usage(
          "--trend: '"
              + trend
              + "' is not policy_level or a scenario parameter of these runs; pass --trend"
              + " policy_level or a numeric parameter such as pressure_growth");
    }
    List<Group> groups =
        grouping != null ? grouping.group(runs) : List.of(new Group(Map.of(), runs));
    List<TrendTest> tests =
        groups.stream()
            .map(g -> TrendTest.of(trend, Aggregator.included(g.runs(), includeIncomplete)))
            .toList();
    return ReportTables.trends(groups, tests);
  }

  /** Whether the paths may be one run's directory, whose report shows all of it. */
  private boolean mayBeSingleRun() {
    return format == null && paths.size() == 1 && RunLoader.isRunDirectory(paths.get(0));
  }

  private boolean isSingleRun(LoadResult result) {
    return paths.size() == 1
        && result.runs().size() == 1
        && result.skipped().isEmpty()
        && RunLoader.isRunDirectory(paths.get(0));
  }

  private static Grouping grouping(String spec) {
    try {
      return Grouping.parse(spec);
    } catch (IllegalArgumentException e) {
      throw HarnessException.usage("--group-by: " + e.getMessage());
    }
  }

  private static void write(PrintWriter out, Table table, ReportFormat format, int columns) {
    switch (format == null ? ReportFormat.TABLE : format) {
      case JSON -> print(out, table.toJson());
      case CSV -> out.print(table.toCsv());
      case TABLE -> out.print(table.toText(columns));
    }
  }

  /** The terminal width the shell or the launcher exported, or 0 (no limit) without one. */
  private static int columnsFromEnvironment() {
    String text = System.getenv("COLUMNS");
    try {
      return text == null ? 0 : Math.max(0, Integer.parseInt(text.trim()));
    } catch (NumberFormatException e) {
      return 0;
    }
  }

  private static void print(PrintWriter out, com.fasterxml.jackson.databind.JsonNode node) {
    out.print(new String(Json.pretty(node), StandardCharsets.UTF_8));
  }
}
