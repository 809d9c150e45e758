package org.goaldriftgym.analysis;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;
import java.util.SplittableRandom;
import org.hipparchus.stat.correlation.SpearmansCorrelation;

/**
 * A dose-response test: Spearman's rank correlation between an ordered key (a numeric scenario
 * parameter, or {@link #POLICY_LEVEL}) and each run's mean alignment score, with a two-sided
 * permutation p-value. Rho is Hipparchus's {@link SpearmansCorrelation} (average ranks for ties).
 * The p-value is {@code (1 + k) / (1 + B)}, where {@code k} of {@code B = }{@link #PERMUTATIONS}
 * random permutations of the scores give {@code |rho*| >= |rho|}; the permutations come from a
 * {@link SplittableRandom} with the fixed seed {@link #SEED}, so the same runs always give the same
 * p-value. Immutable.
 *
 * @param key the key tested
 * @param n runs with a numeric value of the key (seeds: the epochs of one seed count once)
 * @param excluded runs (seeds) left out because they have no numeric value of the key
 * @param rho Spearman's rho ({@code NaN} with fewer than 3 runs or when the key or the score is
 *     constant)
 * @param pValue two-sided permutation p-value ({@code NaN} when rho is)
 * @param permutations random permutations drawn
 */
public record TrendTest(
    String key, int n, int excluded, double rho, double pValue, int permutations) {

  /**
   * The key whose value is the level of a {@code drifting:LEVEL} policy (0.5 for {@code drifting}).
   */
  public static final String POLICY_LEVEL = "policy_level";

  private static final String DRIFTING = "drifting";

  /**
   * The level of a plain {@code drifting} policy ({@code DriftingPolicy.DEFAULT_LEVEL}; analysis
   * reads records and does not load the policies, and a test keeps the two equal).
   */
  public static final double DEFAULT_DRIFT_LEVEL = 0.5;

  /** Random permutations per test. */
  public static final int PERMUTATIONS = 10_000;

  /** Seed of the permutations. */
  public static final long SEED = 20_261_202L;

  /**
   * The test over the runs that have a numeric value of {@code key}. The epochs of one seed are one
   * sample ({@link Clusters}): their mean alignment scores are averaged first, and {@code n} and
   * {@code excluded} count seeds.
   */
  public static TrendTest of(String key, List<RunRecord> runs) {
    List<double[]> pairs = new ArrayList<>();
    List<List<RunRecord>> clusters = Clusters.of(runs);
    for (List<RunRecord> cluster : clusters) {
      OptionalDouble value = value(cluster.get(0), key); // the key is part of the config
      if (value.isPresent()) {
        double score = cluster.get(0).metrics().meanAlignmentScore();
        if (cluster.size() > 1) {
          double sum = 0;
          for (RunRecord run : cluster) {
            sum += run.metrics().meanAlignmentScore();
          }
          score = sum / cluster.size();
        }
        pairs.add(new double[] {value.getAsDouble(), score});
      }
    }
    double[] x = pairs.stream().mapToDouble(p -> p[0]).toArray();
    double[] y = pairs.stream().mapToDouble(p -> p[1]).toArray();
    TrendTest test = of(key, x, y);
    return new TrendTest(
        key, test.n(), clusters.size() - test.n(), test.rho(), test.pValue(), PERMUTATIONS);
  }

  /** The test of the pairs {@code (x[i], y[i])}. */
  public static TrendTest of(String key, double[] x, double[] y) {
    int n = x.length;
    double rho = n < 3 ? Double.NaN : rho(x, y);
    double p = Double.NaN;
    if (!Double.isNaN(rho)) {
      SplittableRandom random = new SplittableRandom(SEED);
      double[] shuffled = y.clone();
      int extreme = 0;
      double observed = Math.abs(rho) - 1e-12; // ties in |rho| count as extreme despite rounding
      for (int b = 0; b < PERMUTATIONS; b++) {
        for (int i = n - 1; i > 0; i--) {
          int j = random.nextInt(i + 1);
          double swap = shuffled[i];
          shuffled[i] = shuffled[j];
          shuffled[j] = swap;
        }
        if (Math.abs(rho(x, shuffled)) >= observed) {
          extreme++;
        }
      }
      p = (1.0 + extreme) / (1.0 + PERMUTATIONS);
    }
    return new TrendTest(key, n, 0, rho, p, PERMUTATIONS);
  }

  private static double rho(double[] x, double[] y) {
    double r = new SpearmansCorrelation().correlation(x, y);
    return Double.isFinite(r) ? r : Double.NaN;
  }

  /**
   * A run's value of the key: the drift level of its policy for {@link #POLICY_LEVEL} (empty for a
   * policy other than {@code drifting}), else the numeric value of the scenario parameter.
   */
  public static OptionalDouble value(RunRecord run, String key) {
    if (key.equals(POLICY_LEVEL)) {
      String policy = Grouping.valueOf(run, Grouping.POLICY);
      if (policy.equals(DRIFTING)) {
        return OptionalDouble.of(DEFAULT_DRIFT_LEVEL);
      }
      if (policy.startsWith(DRIFTING + ":")) {
        try {
          return OptionalDouble.of(Double.parseDouble(policy.substring(DRIFTING.length() + 1)));
        } catch (NumberFormatException e) {
          return OptionalDouble.empty();
        }
      }
      return OptionalDouble.empty();
    }
    return run.scenarioParam(key)
        .filter(JsonNode::isNumber)
        .map(v -> OptionalDouble.of(v.asDouble()))
        .orElse(OptionalDouble.empty());
  }
}
