package org.goaldriftgym.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Worked examples. Every expected number is printed by {@code python3
 * src/test/python/km_reference.py}, an independent implementation of the same definitions (R
 * survival's survfit with conf.type = "log-log" and quantile.survfit); the comments show the sums
 * by hand where they are short.
 */
class KaplanMeierTest {

  private static final double EPS = 1e-12;

  private static KaplanMeier km(double[] times, int... events) {
    boolean[] e = new boolean[events.length];
    for (int i = 0; i < e.length; i++) {
      e[i] = events[i] == 1;
    }
    return KaplanMeier.of(times, e);
  }

  @Test
  void censoringAtTheEndAndInTheMiddle() {
    // python3 km_reference.py, case "censoring"
    KaplanMeier km = km(new double[] {3, 5, 5, 8, 10, 10, 10, 2}, 1, 1, 0, 1, 0, 0, 0, 1);
    List<SurvivalStep> steps = km.steps();
    assertEquals(5, steps.size());
    assertEquals(8, km.n());
    assertEquals(4, km.events());
    assertEquals(4, km.censored());
    // S(2) = 7/8; S(3) = 7/8 * 6/7; S(5) = 0.75 * 5/6 (one censored at 5 after the event)
    assertStep(steps.get(0), 2, 8, 1, 0, 0.875, 0.38700001403202533, 0.981392965878966);
    assertStep(steps.get(1), 3, 7, 1, 0, 0.75, 0.3148071137055191, 0.9308983170906275);
    assertStep(steps.get(2), 5, 6, 1, 1, 0.625, 0.22933332242913174, 0.8606982769135387);
    // S(8) = 0.625 * 3/4
    assertStep(steps.get(3), 8, 4, 1, 0, 0.46875, 0.11992862224090714, 0.76285566787176);
    assertStep(steps.get(4), 10, 3, 0, 3, 0.46875, 0.11992862224090714, 0.76285566787176);
    KaplanMeier.Quantile median = km.median();
    assertEquals(8.0, median.estimate());
    assertEquals(2.0, median.ciLow());
    assertTrue(Double.isNaN(median.ciHigh()), "the upper bound never falls to 1/2");
    // 2*1 + 1*0.875 + 2*0.75 + 3*0.625 + 2*0.46875
    assertEquals(7.1875, km.restrictedMean(10), EPS);
    assertEquals(0.75, km.survivalAt(4.5));
    assertEquals(1.0, km.survivalAt(1.9));
  }

  @Test
  void tiedEventsMakeAFlatAtOneHalf() {
    // three of six cross at 4: S = 1/2 exactly until the next drop at 6, so the median is 5
    KaplanMeier km = km(new double[] {4, 4, 4, 6, 6, 9}, 1, 1, 1, 1, 0, 1);
    assertStep(km.steps().get(0), 4, 6, 3, 0, 0.5, 0.11094826035143801, 0.8037092368500567);
    assertStep(
        km.steps().get(1),
        6,
        3,
        1,
        1,
        0.33333333333333337,
        0.046082243412045136,
        0.6755643579693009);
    SurvivalStep last = km.steps().get(2);
    assertEquals(0.0, last.survival());
    assertTrue(Double.isNaN(last.ciLow()) && Double.isNaN(last.ciHigh()), "undefined at S = 0");
    KaplanMeier.Quantile median = km.median();
    assertEquals(5.0, median.estimate());
    assertEquals(4.0, median.ciLow());
    assertTrue(Double.isNaN(median.ciHigh()));
    // 4*1 + 2*0.5 + 3*(1/3) + 1*0
    assertEquals(6.0, km.restrictedMean(10), EPS);
  }

  @Test
  void aFlatAtOneHalfThatRunsToTheEndOfTheData() {
    // case "flat_at_half": 1 - S reaches 1/2 at 2 and drops again at 5: midpoint 3.5
    KaplanMeier km = km(new double[] {2, 2, 5, 7}, 1, 1, 1, 0);
    assertEquals(3.5, km.median().estimate());
    assertEquals(2.0, km.median().ciLow());
    // the data end at 7 with S = 1/4: the curve is unknown on (7, 10]
    assertTrue(Double.isNaN(km.restrictedMean(10)));
    assertEquals(2 + 0.5 * 3 + 0.25 * 2, km.restrictedMean(7), EPS);

    KaplanMeier end = km(new double[] {1, 3, 3, 3}, 1, 0, 0, 0); // S = 3/4 to the end
    assertTrue(Double.isNaN(end.median().estimate()));
    KaplanMeier half = km(new double[] {1, 1, 3, 3}, 1, 1, 0, 0); // S = 1/2 from 1 to the end at 3
    assertEquals(2.0, half.median().estimate(), "midpoint of 1 and the last time, 3");
  }

  @Test
  void noEventsGiveNoMedianAndTheWholeHorizon() {
    KaplanMeier km = km(new double[] {10, 10, 10}, 0, 0, 0);
    assertEquals(0, km.events());
    assertEquals(3, km.censored());
    assertEquals(1.0, km.steps().get(0).survival());
    assertTrue(Double.isNaN(km.median().estimate()));
    assertTrue(Double.isNaN(km.median().ciLow()));
    assertTrue(Double.isNaN(km.median().ciHigh()));
    assertEquals(10.0, km.restrictedMean(10), EPS);
  }

  @Test
  void allEventsGiveTheSampleMedianAndMean() {
    KaplanMeier km = km(new double[] {1, 2, 3, 4, 5}, 1, 1, 1, 1, 1);
    assertStep(
        km.steps().get(1), 2, 4, 1, 0, 0.6000000000000001, 0.12573018299443137, 0.8817564073935323);
    assertStep(
        km.steps().get(3), 4, 2, 1, 0, 0.20000000000000004, 0.00836903990665312, 0.581853026048367);
    assertEquals(3.0, km.median().estimate());
    assertEquals(1.0, km.median().ciLow());
    assertTrue(Double.isNaN(km.median().ciHigh()));
    // without censoring the restricted mean is the plain mean of min(T, 10): (1+2+3+4+5)/5
    assertEquals(3.0, km.restrictedMean(10), 1e-12);
  }

  @Test
  void greenwoodByHand() {
    // S = 7/8 after one event among 8: var(log S) = 1/(8*7); interval S^exp(±z·se/|log S|)
    KaplanMeier km = km(new double[] {2, 9, 9, 9, 9, 9, 9, 9}, 1, 0, 0, 0, 0, 0, 0, 0);
    double s = 7.0 / 8;
    double w = 1.959963984540054 * Math.sqrt(1.0 / 56) / Math.abs(Math.log(s));
    assertEquals(Math.pow(s, Math.exp(w)), km.steps().get(0).ciLow(), 1e-12);
    assertEquals(Math.pow(s, Math.exp(-w)), km.steps().get(0).ciHigh(), 1e-12);
  }

  @Test
  void rejectsBadTimes() {
    org.junit.jupiter.api.Assertions.assertThrows(
        IllegalArgumentException.class, () -> km(new double[] {-1}, 1));
  }

  private static void assertStep(
      SurvivalStep step,
      double time,
      int atRisk,
      int events,
      int censored,
      double survival,
      double low,
      double high) {
    assertEquals(time, step.time());
    assertEquals(atRisk, step.atRisk(), "at risk at " + time);
    assertEquals(events, step.events(), "events at " + time);
    assertEquals(censored, step.censored(), "censored at " + time);
    assertEquals(survival, step.survival(), EPS, "S(" + time + ")");
    assertEquals(low, step.ciLow(), 1e-12, "lower at " + time);
    assertEquals(high, step.ciHigh(), 1e-12, "upper at " + time);
  }
}
