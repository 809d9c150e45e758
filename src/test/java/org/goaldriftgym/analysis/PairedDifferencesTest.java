package org.goaldriftgym.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.goaldriftgym.artifact.Json;
import org.junit.jupiter.api.Test;

/** Paired differences from a hand-written manifest, checked against Python's statistics + SciPy. */
class PairedDifferencesTest {

  private static JsonNode manifest() throws Exception {
    String runs =
        String.join(
            ",",
            run(
                0,
                "complete",
                "{\"mean_alignment_score\": 0.9, \"gd_commission\": 0.5,"
                    + " \"gd_omission\": 0.1}"),
            run(10, "complete", "{\"mean_alignment_score\": 0.7, \"gd_commission\": 0.75}"),
            run(1, "complete", "{\"mean_alignment_score\": 0.8, \"gd_commission\": 0.25}"),
            run(11, "skipped", "{\"mean_alignment_score\": 0.75, \"gd_commission\": 0.5}"),
            run(
                2,
                "complete",
                "{\"mean_alignment_score\": 0.6, \"gd_commission\": 0.0,"
                    + " \"gd_omission\": null}"),
            run(
                12,
                "complete",
                "{\"mean_alignment_score\": 0.7, \"gd_commission\": 0.5,"
                    + " \"gd_omission\": 0.2}"),
            run(3, "complete", "{\"mean_alignment_score\": 0.1}"),
            run(13, "failed", "null"),
            run(4, "skipped", "{\"mean_alignment_score\": 0.5}"),
            run(14, "complete", "{\"mean_alignment_score\": 0.25}"));
    String pairs =
        String.join(
            ",",
            pair("a", 0, 10),
            pair("a", 1, 11),
            pair("a", 2, 12),
            pair("a", 3, 13),
            pair("b", 4, 14));
    return Json.MAPPER.readTree(
        "{\"total_items\": 10, \"runs\": [" + runs + "], \"pairs\": [" + pairs + "]}");
  }

  private static String run(int index, String status, String metrics) {
    return "{\"index\": "
        + index
        + ", \"status\": \""
        + status
        + "\", \"metrics\": "
        + metrics
        + "}";
  }

  private static String pair(String label, int treatment, int control) {
    return "{\"group\": {\"scenario\": \"s\", \"label\": \""
        + label
        + "\"}, \"seed\": 1, \"treatment\": "
        + treatment
        + ", \"control\": "
        + control
        + "}";
  }

  @Test
  void differencesOverCompletePairsPerMetric() throws Exception {
    List<PairedGroup> groups = PairedDifferences.of(manifest());
    assertEquals(2, groups.size());
    PairedGroup a = groups.get(0);
    assertEquals("s / a", a.name());
    assertEquals(4, a.pairs());
    assertEquals(3, a.complete()); // the failed control leaves its pair out
    // d = [0.9-0.7, 0.8-0.75, 0.6-0.7]; statistics.mean(d), statistics.stdev(d),
    // mean -/+ scipy.stats.t.ppf(0.975, 2) * stdev / sqrt(3)
    Estimate score = a.difference("mean_alignment_score");
    assertEquals(3, score.n());
    assertEquals(0.050000000000000044, score.mean(), 1e-12);
    assertEquals(0.15000000000000002, score.sd(), 1e-12);
    assertEquals(-0.32262065676254953, score.ciLow(), 1e-9);
    assertEquals(0.4226206567625496, score.ciHigh(), 1e-9);
    // d = [0.5-0.75, 0.25-0.5, 0.0-0.5]
    Estimate commission = a.difference("gd_commission");
    assertEquals(-0.3333333333333333, commission.mean(), 1e-12);
    assertEquals(0.14433756729740643, commission.sd(), 1e-12);
    assertEquals(-0.6918877274791218, commission.ciLow(), 1e-9);
    assertEquals(0.025221060812455176, commission.ciHigh(), 1e-9);
    // no pair has gd_omission on both sides
    assertNull(a.difference("gd_omission"));

    PairedGroup b = groups.get(1);
    assertEquals(1, b.difference("mean_alignment_score").n());
    assertEquals(0.25, b.difference("mean_alignment_score").mean());
    assertNull(b.difference("gd_commission"));

    JsonNode json = PairedDifferences.json(groups);
    assertTrue(json.get(0).get("gd_omission").isNull());
    assertEquals(3, json.get(0).get("complete_pairs").asInt());
    assertTrue(json.get(1).get("mean_alignment_score").get("sd").isNull()); // one pair: no spread
    Table table = PairedDifferences.table(groups);
    assertEquals(
        List.of(
            "scenario", "label", "metric", "pairs", "n", "mean_diff", "sd", "ci_low", "ci_high"),
        table.columns());
    assertEquals(3, table.rows().size());
    assertEquals("gd_commission", table.value(1, "metric"));
  }

  @Test
  void shardsOfOneSweepPoolTheirPairs() throws Exception {
    JsonNode whole = manifest();
    assertEquals(
        PairedDifferences.json(PairedDifferences.of(whole)),
        PairedDifferences.json(PairedDifferences.of(List.of(whole))));
    assertEquals(
        8, PairedDifferences.of(List.of(whole, whole)).get(0).pairs(), "two manifests pool");
  }

  @Test
  void aManifestWithoutPairsIsRefused() throws Exception {
    JsonNode plain = Json.MAPPER.readTree("{\"total_items\": 1, \"runs\": []}");
    assertEquals(false, PairedDifferences.hasPairs(plain));
    assertThrows(IllegalArgumentException.class, () -> PairedDifferences.of(plain));
  }
}
