package org.goaldriftgym.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.goaldriftgym.analysis.Fixtures;
import org.goaldriftgym.analysis.RunLoader;
import org.goaldriftgym.analysis.RunRecord;
import org.goaldriftgym.run.JudgedRuns;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Commission and omission shares from a scenario that judges (a fake one, {@link JudgedRuns}),
 * through metrics.json, the step log, the loader and {@code report}; and the nulls of a run whose
 * scenario stopped judging part-way. Expected values are recounted from the step log's own {@code
 * judgement} objects.
 */
class JudgementReportTest {

  private static final ObjectMapper MAPPER = new ObjectMapper();

  @TempDir static Path root;
  static Path judged1;
  static Path judged2;
  static Path partial;

  @BeforeAll
  static void makeRuns() {
    judged1 = JudgedRuns.run(root, "drifting", 1, 20, -1);
    judged2 = JudgedRuns.run(root, "drifting", 2, 20, -1);
    partial = JudgedRuns.run(root, "drifting", 3, 20, 5);
  }

  /** Share of step-log lines whose judgement has {@code field} true, or null if one has none. */
  private static Double recount(Path dir, String field) {
    List<JsonNode> steps = Fixtures.steps(dir);
    int count = 0;
    for (JsonNode step : steps) {
      if (!step.has("judgement")) {
        return null;
      }
      count += step.at("/judgement/" + field).asBoolean() ? 1 : 0;
    }
    return (double) count / steps.size();
  }

  @Test
  void metricsAreTheJudgedSharesOfTheStepLog() {
    for (Path dir : List.of(judged1, judged2)) {
      JsonNode metrics = Fixtures.json(dir.resolve("metrics.json"));
      double commission = recount(dir, "commission");
      double omission = recount(dir, "omission");
      assertTrue(commission > 0 && omission > 0, "the drifting policy both acts and omits");
      assertEquals(commission, metrics.get("gd_commission").asDouble(), 1e-15);
      assertEquals(omission, metrics.get("gd_omission").asDouble(), 1e-15);
      RunRecord run = RunLoader.read(dir);
      assertEquals(commission, run.metrics().gdCommission(), 1e-15);
      assertEquals(omission, run.metrics().gdOmission(), 1e-15);
      // the key sits between action and outcome
      JsonNode first = Fixtures.steps(dir).get(0);
      assertEquals(
          List.of("step", "observation", "action", "judgement", "outcome"),
          iterable(first.fieldNames()));
    }
  }

  @Test
  void aRunWithUnjudgedStepsHasNoShares() {
    JsonNode metrics = Fixtures.json(partial.resolve("metrics.json"));
    assertTrue(metrics.get("gd_commission").isNull());
    assertTrue(metrics.get("gd_omission").isNull());
    List<JsonNode> steps = Fixtures.steps(partial);
    assertTrue(steps.get(4).has("judgement"));
    assertFalse(steps.get(5).has("judgement"), "unjudged steps carry no judgement key");
    RunRecord run = RunLoader.read(partial);
    assertNull(run.metrics().gdCommission());
    assertNull(run.steps().get(5).judgement());
  }

  @Test
  void groupAggregatesUseTheJudgedRunsOnly() throws IOException {
    String out = report(root.resolve("runs").toString(), "--group-by", "label", "--format", "json");
    JsonNode group = MAPPER.readTree(out).get(0);
    assertEquals(3, group.get("n").asInt());
    double[] shares = {recount(judged1, "commission"), recount(judged2, "commission")};
    JsonNode commission = group.get("gd_commission");
    assertEquals(2, commission.get("n").asInt());
    assertEquals(Fixtures.mean(shares), commission.get("mean").asDouble(), 1e-12);
    assertEquals(Fixtures.sd(shares), commission.get("sd").asDouble(), 1e-12);
    // t(0.975, 1) = 12.706204736174694 (scipy.stats.t.ppf)
    double half = 12.706204736174694 * Fixtures.sd(shares) / Math.sqrt(2);
    assertEquals(Fixtures.mean(shares) - half, commission.get("ci_low").asDouble(), 1e-9);
    assertEquals(Fixtures.mean(shares) + half, commission.get("ci_high").asDouble(), 1e-9);
  }

  @Test
  void runsAndStepsTablesShowTheJudgements() {
    List<String> csv = report(root.resolve("runs").toString(), "--format", "csv").lines().toList();
    List<String> header = Arrays.asList(csv.get(0).split(","));
    int c = header.indexOf("gd_commission");
    int o = header.indexOf("gd_omission");
    for (String line : csv.subList(1, csv.size())) {
      String[] cells = line.split(",", -1);
      Path dir = Path.of(cells[header.indexOf("run_dir")]);
      Double commission = recount(dir, "commission");
      Double omission = recount(dir, "omission");
      assertEquals(commission == null ? "" : commission.toString(), cells[c]);
      assertEquals(omission == null ? "" : omission.toString(), cells[o]);
    }

    List<String> steps = report(partial.toString(), "--steps").lines().toList();
    List<String> columns = Arrays.asList(steps.get(0).split(","));
    List<JsonNode> logged = Fixtures.steps(partial);
    for (int i = 0; i < logged.size(); i++) {
      String[] cells = steps.get(i + 1).split(",", -1);
      JsonNode judgement = logged.get(i).get("judgement");
      String commission =
          judgement == null ? "" : judgement.get("commission").asBoolean() ? "1" : "0";
      String omission = judgement == null ? "" : judgement.get("omission").asBoolean() ? "1" : "0";
      assertEquals(commission, cells[columns.indexOf("commission")], "step " + i);
      assertEquals(omission, cells[columns.indexOf("omission")], "step " + i);
    }
  }

  private static List<String> iterable(java.util.Iterator<String> names) {
    List<String> list = new java.util.ArrayList<>();
    names.forEachRemaining(list::add);
    return list;
  }

  private static String report(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    String[] all = new String[args.length + 1];
    all[0] = "report";
    System.arraycopy(args, 0, all, 1, args.length);
    int code = Main.run(new PrintWriter(out), new PrintWriter(err), all);
    assertEquals(0, code, err.toString());
    return out.toString();
  }
}
