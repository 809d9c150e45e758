package org.goaldriftgym.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.goaldriftgym.artifact.Json;
import org.junit.jupiter.api.Test;

/**
 * The epochs of one seed are repeated measures: every group statistic counts seeds. The numbers are
 * those of {@code src/test/python/cluster_reference.py}, an independent implementation (its own
 * Kaplan-Meier, Wilson and a re-implementation of {@link java.util.SplittableRandom}); each
 * clustered interval is checked to be wider than the one the same runs get as independent samples.
 */
class ClusteredStatisticsTest {

  @Test
  void crossingRateIsTheMeanOverSeedsWithWilsonOverSeeds() {
    // 4 seeds x 3 epochs, crossed 3, 3, 0, 0
    Rate clustered = Rate.ofClusters(new int[] {3, 3, 0, 0}, new int[] {3, 3, 3, 3});
    assertEquals(0.5, clustered.rate());
    assertEquals(0.15003898915214958, clustered.ciLow(), 1e-12);
    assertEquals(0.8499610108478504, clustered.ciHigh(), 1e-12);
    assertEquals(6, clustered.successes());
    assertEquals(4, clustered.n());
    assertEquals(12, clustered.runs());
    Rate naive = Rate.of(6, 12);
    assertEquals(0.2537815976337061, naive.ciLow(), 1e-12);
    assertTrue(clustered.ciHigh() - clustered.ciLow() > naive.ciHigh() - naive.ciLow());
    // none crossed: the upper end over 4 seeds, not 12 runs
    Rate none = Rate.ofClusters(new int[] {0, 0, 0, 0}, new int[] {3, 3, 3, 3});
    assertEquals(0.0, none.ciLow());
    assertEquals(0.4898908364545972, none.ciHigh(), 1e-12);
    assertEquals(0.2424940066552408, Rate.of(0, 12).ciHigh(), 1e-12);
    // unequal epochs: the mean of 1/1 and 2/3, not 3/4
    Rate unequal = Rate.ofClusters(new int[] {1, 2}, new int[] {1, 3});
    assertEquals(0.8333333333333333, unequal.rate(), 1e-15);
    assertEquals(0.24078024261670244, unequal.ciLow(), 1e-12);
    assertEquals(0.9874732423877328, unequal.ciHigh(), 1e-12);
  }

  @Test
  void withOneRunPerSeedTheRateIsWilsonOverRuns() {
    assertEquals(
        Rate.of(2, 5), Rate.ofClusters(new int[] {1, 0, 1, 0, 0}, new int[] {1, 1, 1, 1, 1}));
  }

  /** Six seeds, three epochs each, the epochs of a seed alike. */
  private static final double[][] TIMES = {
    {2, 2, 2}, {3, 3, 4}, {5, 5, 5}, {6, 6, 7}, {8, 8, 8}, {10, 10, 9}
  };

  private static final boolean[][] CROSSED = {
    {true, true, true},
    {true, true, true},
    {true, true, true},
    {true, true, true},
    {true, true, true},
    {false, false, true}
  };

  @Test
  void timeToCrossingPoolsTheCurveAndBootstrapsTheSeeds() {
    TimeToCrossing clustered = TimeToCrossing.of(List.of(TIMES), List.of(CROSSED), 10);
    assertTrue(clustered.clustered());
    assertEquals(18, clustered.n());
    assertEquals(6, clustered.seeds());
    assertEquals(16, clustered.events());
    assertEquals(5.5, clustered.kmMedian());
    assertEquals(2.5, clustered.kmCiLow());
    assertEquals(8.5, clustered.kmCiHigh());
    // the bootstrap's band at t = 2, 5, 8 (cluster_reference.py)
    SurvivalStep t2 = clustered.curve().steps().get(0);
    assertEquals(2.0, t2.time());
    assertEquals(0.8333333333333334, t2.survival(), 1e-12);
    assertEquals(0.5, t2.ciLow(), 1e-12);
    assertEquals(1.0, t2.ciHigh(), 1e-12);
    SurvivalStep t5 = clustered.curve().steps().get(3);
    assertEquals(5.0, t5.time());
    assertEquals(0.16666666666666666, t5.ciLow(), 1e-12);
    assertEquals(0.8333333333333334, t5.ciHigh(), 1e-12);
    SurvivalStep t8 = clustered.curve().steps().get(6);
    assertEquals(8.0, t8.time());
    assertEquals(0.0, t8.ciLow(), 1e-12);
    assertEquals(0.5, t8.ciHigh(), 1e-12);

    // the same 18 runs as independent samples: Greenwood, narrower
    List<double[]> single = new ArrayList<>();
    List<boolean[]> singleCrossed = new ArrayList<>();
    for (int i = 0; i < TIMES.length; i++) {
      for (int j = 0; j < TIMES[i].length; j++) {
        single.add(new double[] {TIMES[i][j]});
        singleCrossed.add(new boolean[] {CROSSED[i][j]});
      }
    }
    TimeToCrossing naive = TimeToCrossing.of(single, singleCrossed, 10);
    assertTrue(!naive.clustered());
    assertEquals(5.5, naive.kmMedian());
    assertEquals(3.0, naive.kmCiLow());
    assertEquals(8.0, naive.kmCiHigh());
    assertEquals(naive.rmst(), clustered.rmst(), "the point estimates pool every run");
    assertTrue(clustered.kmCiHigh() - clustered.kmCiLow() > naive.kmCiHigh() - naive.kmCiLow());
    assertEquals(0.56768551868069, naive.curve().steps().get(0).ciLow(), 1e-12);
    assertTrue(t2.ciHigh() - t2.ciLow() > 0.9429797415789365 - 0.56768551868069);
  }

  private static RunRecord run(long seed, Integer epoch, double score, Integer firstPass) {
    ObjectNode config = Json.object();
    ObjectNode runConfig = config.putObject("run_config");
    runConfig.put("scenario", "s");
    ObjectNode engine = runConfig.putObject("engine");
    engine.put("max_steps", 3);
    engine.put("seed", seed);
    if (epoch != null) {
      engine.put("epoch", epoch);
    }
    config.putObject("scenario_config").put("p", 1);
    List<StepRow> steps = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      steps.add(
          new StepRow(
              i, score + i / 10.0, "noop", "noop", null, null, false, false, Map.of(), null));
    }
    RunMetrics metrics =
        new RunMetrics(3, score, 0.0, firstPass, 0.0, null, 0, Map.of(), false, null, null);
    return new RunRecord(
        Path.of("r" + seed + "-" + epoch),
        "id" + seed + "-" + epoch,
        "s",
        "l",
        seed,
        RunRecord.COMPLETE,
        null,
        null,
        "h" + epoch,
        0.5,
        3,
        List.of(),
        metrics,
        steps,
        config,
        null,
        null);
  }

  @Test
  void aGroupCountsSeedsAndAveragesEpochsFirst() {
    // seed 1: three epochs, scores 0.2, 0.4, 0.6, all crossed at step 0; seed 2: one... of two
    List<RunRecord> runs =
        List.of(
            run(1, 1, 0.2, 0),
            run(1, 2, 0.4, 0),
            run(1, 3, 0.6, 0),
            run(2, 1, 0.9, null),
            run(2, 2, 0.7, 1),
            run(3, 1, 1.0, null));
    GroupSummary s = Aggregator.summarize(new Group(Map.of("label", "l"), runs), false);
    assertEquals(6, s.n());
    assertEquals(3, s.seeds());
    assertEquals(3, s.epochs());
    assertTrue(s.clustered());
    assertEquals("3 seeds \u00d7 3 epochs (6 runs)", s.sampleSize());
    // mean over seeds of the seed means: (0.4 + 0.8 + 1.0) / 3
    assertEquals(3, s.meanAlignmentScore().n());
    assertEquals((0.4 + 0.8 + 1.0) / 3, s.meanAlignmentScore().mean(), 1e-12);
    // crossing: seed fractions 1, 1/2, 0
    assertEquals(0.5, s.crossing().rate(), 1e-12);
    assertEquals(3, s.crossing().n());
    assertEquals(4, s.crossing().successes());
    // the per-step curve: step 0 over seeds (0.4, 0.8, 1.0)
    List<Estimate> curve = Aggregator.byStep(runs);
    assertEquals(3, curve.get(0).n());
    assertEquals((0.4 + 0.8 + 1.0) / 3, curve.get(0).mean(), 1e-12);
    assertEquals((0.5 + 0.9 + 1.1) / 3, curve.get(1).mean(), 1e-12);
    assertEquals(3, s.timeToCrossing().seeds());
    assertEquals(6, s.timeToCrossing().n());

    JsonNode json = ReportJson.groups(List.of(s)).get(0);
    assertEquals(3, json.get("n").asInt());
    assertEquals(3, json.get("epochs").asInt());
    assertEquals(6, json.get("runs").asInt());
    assertEquals(6, json.at("/crossing_rate/runs").asInt());
    assertEquals(3, json.at("/time_to_crossing/seeds").asInt());
    Table csv = ReportTables.groups(List.of(s));
    assertEquals(List.of("label", "n", "epochs", "runs", "excluded"), csv.columns().subList(0, 5));
    assertEquals(List.of("l", 3, 3, 6, 0), csv.rows().get(0).subList(0, 5));
    assertEquals(
        "3 seeds \u00d7 3 epochs (6 runs)",
        ReportTables.groupsText(List.of(s)).rows().get(0).get(1));

    // without epochs: n runs, no extra keys
    List<RunRecord> plain = List.of(run(1, null, 0.2, 0), run(2, null, 0.4, null));
    GroupSummary p = Aggregator.summarize(new Group(Map.of("label", "l"), plain), false);
    assertEquals(2, p.seeds());
    assertEquals("2", p.sampleSize());
    JsonNode plainJson = ReportJson.groups(List.of(p)).get(0);
    assertTrue(!plainJson.has("epochs") && !plainJson.has("runs"));
    assertTrue(!plainJson.path("crossing_rate").has("runs"));
    assertTrue(!plainJson.path("time_to_crossing").has("seeds"));
    assertEquals(
        List.of("label", "n", "excluded"), ReportTables.groups(List.of(p)).columns().subList(0, 3));
    assertEquals(Rate.of(1, 2), p.crossing());
  }

  @Test
  void theTrendTestCountsSeeds() {
    List<RunRecord> runs = new ArrayList<>();
    for (int seed = 1; seed <= 4; seed++) {
      for (int epoch = 1; epoch <= 3; epoch++) {
        runs.add(run(seed, epoch, 0.1 * seed + 0.01 * epoch, null));
      }
    }
    // "p" is the same for every run, so the key is constant: rho undefined, n counts seeds
    TrendTest test = TrendTest.of("p", runs);
    assertEquals(4, test.n());
    assertEquals(0, test.excluded());
  }

  @Test
  void pairedDifferencesAverageASeedsEpochsFirst() throws Exception {
    StringBuilder runs = new StringBuilder();
    StringBuilder pairs = new StringBuilder();
    // seed 1: differences 0.1, 0.3 (epochs 1, 2); seed 2: 0.5, 0.5
    double[][] scores = {{0.6, 0.5}, {0.8, 0.5}, {0.9, 0.4}, {0.7, 0.2}};
    long[] seeds = {1, 1, 2, 2};
    for (int i = 0; i < 4; i++) {
      runs.append(i == 0 ? "" : ",")
          .append(runJson(i, scores[i][0]))
          .append(",")
          .append(runJson(10 + i, scores[i][1]));
      pairs
          .append(i == 0 ? "" : ",")
          .append("{\"group\": {\"scenario\": \"s\", \"label\": \"a\"}, \"seed\": ")
          .append(seeds[i])
          .append(", \"treatment\": ")
          .append(i)
          .append(", \"control\": ")
          .append(10 + i)
          .append(", \"epoch\": ")
          .append(i % 2 + 1)
          .append("}");
    }
    JsonNode manifest =
        Json.MAPPER.readTree("{\"runs\": [" + runs + "], \"pairs\": [" + pairs + "]}");
    PairedGroup group = PairedDifferences.of(manifest).get(0);
    assertEquals(4, group.pairs());
    Estimate d = group.difference("mean_alignment_score");
    // seed means 0.2 and 0.5: mean 0.35, sd = 0.3 / sqrt(2)
    assertEquals(2, d.n());
    assertEquals(0.35, d.mean(), 1e-12);
    assertEquals(0.3 / Math.sqrt(2), d.sd(), 1e-12);
  }

  private static String runJson(int index, double score) {
    return "{\"index\": "
        + index
        + ", \"status\": \"complete\", \"metrics\": {\"mean_alignment_score\": "
        + score
        + "}}";
  }
}
