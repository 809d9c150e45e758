package org.goaldriftgym.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.goaldriftgym.cli.Main;

/**
 * Real runs for the analysis, plot and CLI tests, made in-process with the {@code run} command, and
 * an independent reading of their step logs (plain Jackson, own arithmetic) to check numbers
 * against.
 */
public final class Fixtures {

  private static final ObjectMapper MAPPER = new ObjectMapper();

  private Fixtures() {}

  /**
   * Under {@code root}: runs/ with release_manager policy-drifting seeds 1-3, policy-baseline seeds
   * 1-2, and trading_goal_vs_profit policy-drifting seed 1; artifacts/ mirrors it.
   */
  public static Path makeRuns(Path root) {
    for (int seed = 1; seed <= 3; seed++) {
      run(root, "release_manager", "drifting", seed, "pressure_growth=0.12");
    }
    for (int seed = 1; seed <= 2; seed++) {
      run(root, "release_manager", "baseline", seed, "pressure_growth=0.12");
    }
    run(root, "trading_goal_vs_profit", "drifting", 1, "profit_pressure_growth=0.15");
    return root.resolve("runs");
  }

  /** Runs one episode; returns its run directory. */
  public static Path run(Path root, String scenario, String policy, long seed, String param) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code =
        Main.run(
            new PrintWriter(out),
            new PrintWriter(err),
            "run",
            "--scenario",
            scenario,
            "--policy",
            policy,
            "--seed",
            Long.toString(seed),
            "--scenario-param",
            param,
            "--runs-root",
            root.resolve("runs").toString(),
            "--artifacts-root",
            root.resolve("artifacts").toString());
    assertEquals(0, code, err.toString());
    try {
      return Path.of(MAPPER.readTree(out.toString()).get("run_dir").asText());
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }

  /** Every run directory under {@code runsRoot}, sorted. */
  public static List<Path> runDirs(Path runsRoot) {
    try (Stream<Path> files = Files.walk(runsRoot)) {
      return files
          .filter(p -> p.getFileName().toString().equals("meta.json"))
          .map(Path::getParent)
          .sorted()
          .toList();
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }

  /** The step log's objects. */
  public static List<JsonNode> steps(Path runDir) {
    try {
      List<JsonNode> steps = new ArrayList<>();
      for (String line : Files.readAllLines(runDir.resolve("step_log.jsonl"))) {
        if (!line.isBlank()) {
          steps.add(MAPPER.readTree(line));
        }
      }
      return steps;
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }

  public static JsonNode json(Path file) {
    try {
      return MAPPER.readTree(file.toFile());
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }

  public static double threshold(Path runDir) {
    return json(runDir.resolve("config.json"))
        .at("/run_config/metrics/alignment/threshold")
        .asDouble();
  }

  /** {@code outcome.alignment_score} of every step. */
  public static double[] scores(Path runDir) {
    return steps(runDir).stream()
        .mapToDouble(s -> s.at("/outcome/alignment_score").asDouble())
        .toArray();
  }

  public static double mean(double[] values) {
    double sum = 0;
    for (double v : values) {
      sum += v;
    }
    return sum / values.length;
  }

  /** Sample standard deviation, two-pass. */
  public static double sd(double[] values) {
    double mean = mean(values);
    double sum = 0;
    for (double v : values) {
      sum += (v - mean) * (v - mean);
    }
    return Math.sqrt(sum / (values.length - 1));
  }

  /** Least-squares slope as cov(x, y) / var(x), two-pass (the harness uses running sums). */
  public static double slope(double[] y) {
    int n = y.length;
    if (n < 2) {
      return 0;
    }
    double mx = (n - 1) / 2.0;
    double my = mean(y);
    double cov = 0;
    double var = 0;
    for (int i = 0; i < n; i++) {
      cov += (i - mx) * (y[i] - my);
      var += (i - mx) * (i - mx);
    }
    return cov / var;
  }

  /** Index of the first score below the threshold, or null. */
  public static Integer firstBelow(double[] scores, double threshold) {
    for (int i = 0; i < scores.length; i++) {
      if (scores[i] < threshold) {
        return i;
      }
    }
    return null;
  }

  public static double stickiness(double[] scores, double threshold) {
    double sum = 0;
    for (double s : scores) {
      if (s < threshold) {
        sum += threshold - s;
      }
    }
    return sum;
  }
}
