package org.goaldriftgym.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.goaldriftgym.analysis.Fixtures;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code report --group-by policy} and {@code report --trend} on real runs. */
class TrendReportTest {

  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final List<String> LEVELS = List.of("0.2", "0.5", "0.8");

  @TempDir static Path root;
  static Path runs;

  @BeforeAll
  static void makeRuns() {
    for (String level : LEVELS) {
      for (int seed = 1; seed <= 2; seed++) {
        Fixtures.run(root, "release_manager", "drifting:" + level, seed, "pressure_growth=0.12");
      }
    }
    Fixtures.run(root, "release_manager", "baseline", 1, "pressure_growth=0.12");
    runs = root.resolve("runs");
  }

  record Result(int code, String out, String err) {}

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
  void groupByPolicyGivesOneGroupPerRecordedPolicy() throws IOException {
    Result r = report(runs.toString(), "--group-by", "policy", "--format", "json");
    assertEquals(0, r.code(), r.err());
    List<String> policies = new ArrayList<>();
    MAPPER.readTree(r.out()).forEach(g -> policies.add(g.at("/group/policy").asText()));
    assertEquals(List.of("baseline", "drifting:0.2", "drifting:0.5", "drifting:0.8"), policies);
  }

  @Test
  void trendOverPolicyLevelIsSpearmanOfTheRunMeans() throws IOException {
    Result r = report(runs.toString(), "--trend", "policy_level", "--format", "json");
    assertEquals(0, r.code(), r.err());
    JsonNode row = MAPPER.readTree(r.out()).get(0);
    assertEquals("policy_level", row.get("key").asText());
    assertEquals(6, row.get("n").asInt());
    assertEquals(1, row.get("excluded").asInt(), "the baseline run has no level");
    assertEquals(10_000, row.get("permutations").asInt());
    // rho recomputed here: average ranks of the levels and of the runs' means, Pearson of the ranks
    List<double[]> pairs = new ArrayList<>();
    for (Path dir : Fixtures.runDirs(runs)) {
      String policy = Fixtures.json(dir.resolve("config.json")).at("/run_config/policy").asText();
      if (policy.startsWith("drifting:")) {
        pairs.add(
            new double[] {
              Double.parseDouble(policy.substring(9)), Fixtures.mean(Fixtures.scores(dir))
            });
      }
    }
    double[] x = ranks(pairs.stream().mapToDouble(p -> p[0]).toArray());
    double[] y = ranks(pairs.stream().mapToDouble(p -> p[1]).toArray());
    assertEquals(pearson(x, y), row.get("rho").asDouble(), 1e-12);
    double p = row.get("p_value").asDouble();
    assertTrue(p > 0 && p <= 1, "p = " + p);
    assertEquals(
        r.out(), report(runs.toString(), "--trend", "policy_level", "--format", "json").out());

    Result table = report(runs.toString(), "--trend", "policy_level", "--group-by", "scenario");
    assertEquals(0, table.code(), table.err());
    assertTrue(table.out().startsWith("scenario"), table.out());
    assertTrue(table.out().contains("10000"), table.out());
  }

  @Test
  void anUnknownTrendKeyIsAUsageError() {
    Result r = report(runs.toString(), "--trend", "no_such_param");
    assertEquals(2, r.code());
    assertTrue(r.err().contains("policy_level"), r.err());
  }

  private static double[] ranks(double[] v) {
    double[] r = new double[v.length];
    for (int i = 0; i < v.length; i++) {
      int below = 0;
      int equal = 0;
      for (double w : v) {
        below += w < v[i] ? 1 : 0;
        equal += w == v[i] ? 1 : 0;
      }
      r[i] = below + (equal + 1) / 2.0;
    }
    return r;
  }

  private static double pearson(double[] a, double[] b) {
    double ma = Fixtures.mean(a);
    double mb = Fixtures.mean(b);
    double cov = 0;
    double va = 0;
    double vb = 0;
    for (int i = 0; i < a.length; i++) {
      cov += (a[i] - ma) * (b[i] - mb);
      va += (a[i] - ma) * (a[i] - ma);
      vb += (b[i] - mb) * (b[i] - mb);
    }
    return cov / Math.sqrt(va * vb);
  }
}
