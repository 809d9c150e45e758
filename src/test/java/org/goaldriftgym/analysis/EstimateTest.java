package org.goaldriftgym.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class EstimateTest {

  @Test
  void studentTIntervalOfFiveValues() {
    Estimate e = Estimate.of(1, 2, 3, 4, 5);
    double sd = Math.sqrt(2.5);
    double half = 2.7764451051977934 * sd / Math.sqrt(5);
    assertEquals(5, e.n());
    assertEquals(3.0, e.mean(), 1e-15);
    assertEquals(sd, e.sd(), 1e-15);
    assertEquals(3 - half, e.ciLow(), 1e-9);
    assertEquals(3 + half, e.ciHigh(), 1e-9);
  }

  @Test
  void smallSamplesHaveNoFakeInterval() {
    Estimate none = Estimate.of();
    assertEquals(0, none.n());
    assertTrue(Double.isNaN(none.mean()));
    Estimate one = Estimate.of(0.7);
    assertEquals(0.7, one.mean());
    assertTrue(Double.isNaN(one.sd()));
    assertTrue(Double.isNaN(one.ciLow()));
    Estimate two = Estimate.of(0, 1);
    assertEquals(0.5 - 12.706204736174694 * Math.sqrt(0.5) / Math.sqrt(2), two.ciLow(), 1e-9);
  }

  @Test
  void wilsonInterval() {
    Rate none = Rate.of(0, 3);
    assertEquals(0.0, none.ciLow());
    assertEquals(0.5614970317550454, none.ciHigh(), 1e-12);
    Rate all = Rate.of(3, 3);
    assertEquals(0.4385029682449546, all.ciLow(), 1e-12);
    assertEquals(1.0, all.ciHigh());
    Rate some = Rate.of(2, 5);
    assertEquals(0.4, some.rate());
    assertEquals(0.11762077423264783, some.ciLow(), 1e-12);
    assertEquals(0.769275718723987, some.ciHigh(), 1e-12);
    assertTrue(Double.isNaN(Rate.of(0, 0).rate()));
  }
}
