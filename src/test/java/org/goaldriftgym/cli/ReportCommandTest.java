package org.goaldriftgym.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.goaldriftgym.analysis.Fixtures;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportCommandTest {

  /** t(0.975, 2) from scipy.stats.t.ppf, for the groups of three runs. */
  static final double T_975_2 = 4.302652729749462;

  static final ObjectMapper MAPPER = new ObjectMapper();

  @TempDir static Path root;
  static Path runs;

  record Result(int code, String out, String err) {
    List<String> lines() {
      return out.lines().toList();
    }
  }

  @BeforeAll
  static void makeRuns() {
    runs = Fixtures.makeRuns(root);
  }

  static Result report(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    String[] all = new String[args.length + 1];
    all[0] = "report";
    System.arraycopy(args, 0, all, 1, args.length);
    int code = Main.run(new PrintWriter(out), new PrintWriter(err), all);
    return new Result(code, out.toString(), err.toString());
  }

  @Test
  void oneRunPrintsTheReferenceShape() throws IOException {
    Path dir = Fixtures.runDirs(runs.resolve("release_manager/policy-drifting")).get(0);
    Result result = report(dir.toString());
    assertEquals(0, result.code(), result.err());
    JsonNode json = MAPPER.readTree(result.out());
    assertEquals(List.of("summary", "metrics", "meta", "config"), names(json));
    JsonNode summary = json.get("summary");
    assertEquals(
        List.of(
            "run",
            "scenario",
            "created_at",
            "seed",
            "num_steps",
            "mean_alignment_score",
            "alignment_slope",
            "first_pass_below_threshold",
            "stickiness",
            "agent",
            "status",
            "run_dir"),
        names(summary));
    double[] scores = Fixtures.scores(dir);
    double threshold = Fixtures.threshold(dir);
    assertEquals(dir.getFileName().toString(), summary.get("run").asText());
    assertEquals(1, summary.get("seed").asInt());
    assertEquals(20, summary.get("num_steps").asInt());
    assertEquals(Fixtures.mean(scores), summary.get("mean_alignment_score").asDouble(), 1e-12);
    assertEquals(Fixtures.slope(scores), summary.get("alignment_slope").asDouble(), 1e-12);
    assertEquals(
        Fixtures.firstBelow(scores, threshold).intValue(),
        summary.get("first_pass_below_threshold").asInt());
    assertEquals(
        Fixtures.stickiness(scores, threshold), summary.get("stickiness").asDouble(), 1e-12);
    assertTrue(summary.get("agent").isNull());
    assertEquals(Fixtures.json(dir.resolve("meta.json")), json.get("meta"));
    assertEquals(Fixtures.json(dir.resolve("config.json")).get("run_config"), json.get("config"));
  }

  @Test
  void csvHasOneRowPerRunSortedByPathWithNumbersFromTheStepLogs() {
    Result result = report(runs.toString(), "--format", "csv");
    assertEquals(0, result.code(), result.err());
    List<String> lines = result.lines();
    List<String> header = Arrays.asList(lines.get(0).split(","));
    assertEquals(
        List.of(
            "scenario",
            "label",
            "run_id",
            "seed",
            "status",
            "num_steps",
            "mean_alignment_score",
            "alignment_slope",
            "first_pass_below_threshold",
            "stickiness",
            "optimal_action_agreement",
            "invalid_actions",
            "gd_commission",
            "gd_omission",
            "threshold",
            "config_hash",
            "run_dir"),
        header);
    List<Path> dirs = Fixtures.runDirs(runs);
    assertEquals(dirs.size() + 1, lines.size());
    for (int i = 0; i < dirs.size(); i++) {
      Path dir = dirs.get(i);
      String[] cells = lines.get(i + 1).split(",", -1);
      double[] scores = Fixtures.scores(dir);
      double threshold = Fixtures.threshold(dir);
      JsonNode meta = Fixtures.json(dir.resolve("meta.json"));
      assertEquals(dir.toString(), cells[header.indexOf("run_dir")]);
      assertEquals(meta.get("run_label").asText(), cells[header.indexOf("label")]);
      assertEquals("complete", cells[header.indexOf("status")]);
      assertEquals(meta.get("config_hash").asText(), cells[header.indexOf("config_hash")]);
      assertEquals(
          Fixtures.mean(scores),
          Double.parseDouble(cells[header.indexOf("mean_alignment_score")]),
          1e-12);
      assertEquals(
          Fixtures.slope(scores),
          Double.parseDouble(cells[header.indexOf("alignment_slope")]),
          1e-12);
      Integer first = Fixtures.firstBelow(scores, threshold);
      assertEquals(
          first == null ? "" : first.toString(),
          cells[header.indexOf("first_pass_below_threshold")]);
      assertEquals(
          Fixtures.stickiness(scores, threshold),
          Double.parseDouble(cells[header.indexOf("stickiness")]),
          1e-12);
    }
  }

  @Test
  void outputIsStable() {
    for (String format : List.of("csv", "json", "table")) {
      assertEquals(
          report(runs.toString(), "--format", format).out(),
          report(runs.toString(), "--format", format).out());
    }
    assertEquals(
        report(runs.toString(), "--group-by", "label").out(),
        report(runs.toString(), "--group-by", "label").out());
  }

  @Test
  void groupByGivesTIntervalsFromTheStepLogs() throws IOException {
    Result result =
        report(
            runs.resolve("release_manager").toString(), "--group-by", "label", "--format", "json");
    assertEquals(0, result.code(), result.err());
    JsonNode groups = MAPPER.readTree(result.out());
    assertEquals(2, groups.size());
    JsonNode drifting = groups.get(1);
    assertEquals("policy-drifting", drifting.at("/group/label").asText());
    List<Path> dirs = Fixtures.runDirs(runs.resolve("release_manager/policy-drifting"));
    double[] means = dirs.stream().mapToDouble(d -> Fixtures.mean(Fixtures.scores(d))).toArray();
    double mean = Fixtures.mean(means);
    double half = T_975_2 * Fixtures.sd(means) / Math.sqrt(3);
    JsonNode m = drifting.get("mean_alignment_score");
    assertEquals(3, m.get("n").asInt());
    assertEquals(mean, m.get("mean").asDouble(), 1e-12);
    assertEquals(Fixtures.sd(means), m.get("sd").asDouble(), 1e-12);
    assertEquals(mean - half, m.get("ci_low").asDouble(), 1e-9);
    assertEquals(mean + half, m.get("ci_high").asDouble(), 1e-9);
    assertEquals(3, drifting.at("/crossing_rate/crossed").asInt());
    assertEquals(1.0, drifting.at("/crossing_rate/rate").asDouble());
    JsonNode baseline = groups.get(0);
    assertEquals(0, baseline.at("/first_crossing_if_crossed/n").asInt());
    assertEquals(2, baseline.at("/first_crossing_if_crossed/runs").asInt());
    assertTrue(baseline.at("/first_crossing_if_crossed/mean").isNull());
    // never-crossing runs are censored, not dropped: 2 runs, no event, no median
    assertEquals(2, baseline.at("/time_to_crossing/censored").asInt());
    assertEquals(0, baseline.at("/time_to_crossing/events").asInt());
    assertTrue(baseline.at("/time_to_crossing/km_median").isNull());
    assertEquals(20.0, baseline.at("/time_to_crossing/rmst").asDouble());
    assertEquals(3, drifting.at("/time_to_crossing/events").asInt());

    Result csv = report(runs.toString(), "--group-by", "scenario,label", "--format", "csv");
    List<String> header = Arrays.asList(csv.lines().get(0).split(","));
    assertEquals(List.of("scenario", "label", "n", "excluded"), header.subList(0, 4));
    assertTrue(header.contains("alignment_slope_ci_high"));
    assertEquals(4, csv.lines().size());
  }

  @Test
  void stepsCsvHasOneTidyRowPerRunAndStep() {
    Result result = report(runs.toString(), "--steps");
    assertEquals(0, result.code(), result.err());
    List<String> lines = result.lines();
    List<String> header = Arrays.asList(lines.get(0).split(","));
    assertEquals(
        List.of(
            "scenario",
            "label",
            "run_id",
            "seed",
            "step",
            "alignment_score",
            "tool",
            "applied_tool",
            "optimal_action",
            "agree",
            "pressure",
            "invalid",
            "forced"),
        header.subList(0, 13));
    assertTrue(header.containsAll(List.of("panel_canary_score", "panel_green_allocation")));
    assertEquals("run_dir", header.get(header.size() - 1));
    assertEquals(6 * 20 + 1, lines.size());
    Path dir = Fixtures.runDirs(runs).get(0);
    List<JsonNode> steps = Fixtures.steps(dir);
    for (int i = 0; i < 20; i++) {
      String[] cells = lines.get(i + 1).split(",", -1);
      JsonNode step = steps.get(i);
      assertEquals(Integer.toString(i), cells[header.indexOf("step")]);
      assertEquals(
          step.at("/outcome/alignment_score").asDouble(),
          Double.parseDouble(cells[header.indexOf("alignment_score")]));
      assertEquals(step.at("/action/tool").asText(), cells[header.indexOf("tool")]);
      assertEquals(
          step.at("/action/optimal_action").asText(), cells[header.indexOf("optimal_action")]);
      boolean agree =
          step.at("/action/tool").asText().equals(step.at("/action/optimal_action").asText());
      assertEquals(agree ? "1" : "0", cells[header.indexOf("agree")]);
      assertEquals(
          step.at("/outcome/log/pressure").asDouble(),
          Double.parseDouble(cells[header.indexOf("pressure")]));
      JsonNode canary = step.at("/observation/panels/canary_score");
      assertEquals(
          canary.isNull() ? "" : Double.toString(canary.asDouble()),
          cells[header.indexOf("panel_canary_score")]);
      assertEquals("", cells[header.indexOf("panel_green_allocation")]);
    }
  }

  @Test
  void badInputsAreNamedOnStderrAndTheRestIsReported(@TempDir Path tmp) throws IOException {
    Path empty = Files.createDirectory(tmp.resolve("empty"));
    Path broken = Files.createDirectories(tmp.resolve("broken/run"));
    Files.writeString(broken.resolve("config.json"), "{}");
    Files.writeString(broken.resolve("step_log.jsonl"), "");
    Result result =
        report(
            runs.toString(),
            empty.toString(),
            broken.toString(),
            tmp.resolve("nope").toString(),
            "--format",
            "csv");
    assertEquals(ExitCodes.PARTIAL, result.code());
    assertEquals(7, result.lines().size());
    List<String> errors = result.err().lines().toList();
    assertEquals(3, errors.size(), result.err());
    assertTrue(errors.contains("goal-drift-gym: skipped " + empty + ": is an empty directory"));
    assertTrue(errors.contains("goal-drift-gym: skipped " + broken + ": meta.json is missing"));
    assertTrue(
        errors.contains("goal-drift-gym: skipped " + tmp.resolve("nope") + ": does not exist"));
  }

  @Test
  void incompleteRunsAreListedButNotAggregated(@TempDir Path tmp) throws IOException {
    Path dir = Fixtures.runDirs(runs.resolve("release_manager/policy-drifting")).get(0);
    Path copy = tmp.resolve("runs/release_manager/policy-drifting/" + dir.getFileName() + "-x");
    Files.createDirectories(copy);
    for (String name : List.of("config.json", "metrics.json", "step_log.jsonl")) {
      Files.copy(dir.resolve(name), copy.resolve(name));
    }
    Files.writeString(
        copy.resolve("meta.json"),
        Files.readString(dir.resolve("meta.json")).replace("\"complete\"", "\"failed\""));
    Path other = Fixtures.runDirs(runs.resolve("release_manager/policy-drifting")).get(1);

    Result rows = report(tmp.resolve("runs").toString(), other.toString(), "--format", "csv");
    assertTrue(rows.out().contains(",failed,"), rows.out());

    Result groups =
        report(
            tmp.resolve("runs").toString(),
            other.toString(),
            "--group-by",
            "label",
            "--format",
            "csv");
    assertEquals(0, groups.code(), groups.err());
    String[] row = groups.lines().get(1).split(",");
    assertEquals("1", row[1]);
    assertEquals("1", row[2]);
    assertTrue(groups.err().contains("not complete and left out"), groups.err());

    Result all =
        report(
            tmp.resolve("runs").toString(),
            other.toString(),
            "--group-by",
            "label",
            "--format",
            "csv",
            "--include-incomplete");
    assertEquals("2", all.lines().get(1).split(",")[1]);
  }

  @Test
  void usageErrorsExitWithTwo() {
    assertEquals(ExitCodes.USAGE, report(runs.toString(), "--format", "xml").code());
    assertEquals(ExitCodes.USAGE, report(runs.toString(), "--group-by", "pressure_grwoth").code());
    assertEquals(ExitCodes.USAGE, report(runs.toString(), "--steps", "--format", "json").code());
    Result none = report();
    assertEquals(ExitCodes.USAGE, none.code());
  }

  private static List<String> names(JsonNode node) {
    List<String> names = new java.util.ArrayList<>();
    node.fieldNames().forEachRemaining(names::add);
    return names;
  }
}
