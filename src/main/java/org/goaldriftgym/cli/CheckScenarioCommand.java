package org.goaldriftgym.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.goaldriftgym.analysis.Table;
import org.goaldriftgym.artifact.Json;
import org.goaldriftgym.check.CheckReport;
import org.goaldriftgym.check.CheckRow;
import org.goaldriftgym.check.ScenarioCheck;
import org.goaldriftgym.core.HarnessException;
import org.goaldriftgym.scenario.ScenarioRegistry;
import org.goaldriftgym.sweep.Seeds;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code check-scenario}: runs a scenario's contract in memory and prints one row per clause. */
@Command(
    name = "check-scenario",
    mixinStandardHelpOptions = true,
    addMethodSubcommands = false,
    sortOptions = false,
    description =
        "Check a scenario's contract with its default parameters, in memory (no run directory):"
            + " determinism, noop_gap, baseline_never_crosses, drifting_crosses, dose_response and"
            + " params_effective; each row PASS or FAIL with the figures that decided it.",
    footer = {
      "",
      "Exit codes: 0 every row holds, 1 some row fails (the table says which) or an episode"
          + " threw, 2 usage error (for example an unknown scenario)."
    })
final class CheckScenarioCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Mixin QuietMixin quietness;

  @Parameters(index = "0", paramLabel = "NAME", description = "The scenario (see list-scenarios).")
  String scenario;

  @Option(
      names = "--seeds",
      paramLabel = "SEEDS",
      defaultValue = "1..10",
      description = "Seeds: ranges and lists, e.g. 1..10 or 1,5,9 (default ${DEFAULT-VALUE}).")
  String seeds;

  @Option(names = "--json", description = "Print the rows and their figures as JSON.")
  boolean json;

  @Override
  public Integer call() {
    List<Long> seedList;
    try {
      seedList = Seeds.parse(seeds);
    } catch (IllegalArgumentException e) {
      throw HarnessException.usage(e.getMessage());
    }
    ScenarioRegistry registry = ScenarioRegistry.load();
    try {
      registry.require(scenario);
    } catch (IllegalArgumentException e) {
      throw HarnessException.usage(e.getMessage());
    }
    CheckReport report;
    try {
      report = ScenarioCheck.check(registry, scenario, seedList);
    } catch (IllegalStateException e) {
      throw new HarnessException(HarnessException.Kind.RUN, e.getMessage(), e);
    }
    PrintWriter out = spec.commandLine().getOut();
    out.print(json ? json(report) : text(report));
    out.flush();
    return report.passed() ? ExitCodes.OK : ExitCodes.CHECK_FAILED;
  }

  private static String text(CheckReport report) {
    List<List<Object>> rows = new ArrayList<>();
    for (CheckRow row : report.rows()) {
      rows.add(List.of(row.name(), row.status(), row.detail()));
    }
    String table = new Table(List.of("row", "status", "figures"), rows).toText();
    List<String> failed = report.failed();
    return table
        + report.scenario()
        + (failed.isEmpty()
            ? ": every row holds"
            : ": "
                + failed.size()
                + " of "
                + report.rows().size()
                + " rows fail ("
                + String.join(", ", failed)
                + ")")
        + " over seeds "
        + seedText(report.seeds())
        + "\n";
  }

  private static String seedText(List<Long> seeds) {
    long first = seeds.get(0);
    boolean range = true;
    for (int i = 0; i < seeds.size(); i++) {
      range &= seeds.get(i) == first + i;
    }
    return range && seeds.size() > 1
        ? first + ".." + seeds.get(seeds.size() - 1)
        : seeds.toString().replace(" ", "").replace("[", "").replace("]", "");
  }

  private static String json(CheckReport report) {
    ObjectNode root = Json.object();
    root.put("scenario", report.scenario());
    ArrayNode seeds = root.putArray("seeds");
    report.seeds().forEach(seeds::add);
    root.put("passed", report.passed());
    ArrayNode rows = root.putArray("rows");
    for (CheckRow row : report.rows()) {
      ObjectNode node = rows.addObject();
      node.put("row", row.name());
      node.put("status", row.status());
      node.put("detail", row.detail());
      node.set("figures", Json.tree(row.figures()));
    }
    return new String(Json.pretty(root), StandardCharsets.UTF_8);
  }
}
