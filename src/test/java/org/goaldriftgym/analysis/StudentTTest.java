package org.goaldriftgym.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class StudentTTest {

  /** Reference values from scipy.stats.t.ppf (SciPy 1.17.1). */
  @ParameterizedTest
  @CsvSource({
    "0.975, 1, 12.706204736174694",
    "0.975, 2, 4.302652729749462",
    "0.975, 4, 2.7764451051977934",
    "0.975, 10, 2.228138851986274",
    "0.975, 30, 2.0422724563012378",
    "0.995, 5, 4.032142983555228",
    "0.975, 1000, 1.9623390808264083",
    "0.9, 3, 1.637744353696209",
    "0.6, 7, 0.2631668613520229"
  })
  void quantileMatchesReference(double p, double df, double expected) {
    assertEquals(expected, StudentT.quantile(p, df), 1e-9 * Math.max(1, expected));
    assertEquals(-expected, StudentT.quantile(1 - p, df), 1e-9 * Math.max(1, expected));
  }

  @Test
  void cdfMatchesReference() {
    assertEquals(0.9303370157205785, StudentT.cdf(2.0, 3), 1e-12);
    assertEquals(0.07972875175660343, StudentT.cdf(-1.5, 12), 1e-12);
    assertEquals(0.5, StudentT.cdf(0, 9), 1e-15);
    // df = 1 is the Cauchy distribution: CDF = 1/2 + atan(t) / pi
    assertEquals(0.5 + Math.atan(3.7) / Math.PI, StudentT.cdf(3.7, 1), 1e-12);
  }

  /** Reference values from Python's statistics.NormalDist().inv_cdf(p) (Python 3, stdlib). */
  @ParameterizedTest
  @CsvSource({"0.975, 1.9599639845400536", "0.995, 2.5758293035489", "0.6, 0.2533471031357998"})
  void normalQuantileMatchesReference(double p, double expected) {
    assertEquals(expected, StudentT.normalQuantile(p), 1e-12);
    assertEquals(-expected, StudentT.normalQuantile(1 - p), 1e-12);
    if (p == 0.975) {
      assertEquals(expected, Rate.Z, 1e-15, "the Wilson interval's z");
    }
  }

  @Test
  void rejectsBadArguments() {
    assertThrows(IllegalArgumentException.class, () -> StudentT.quantile(1.0, 3));
    assertThrows(IllegalArgumentException.class, () -> StudentT.quantile(0.5, 0));
    assertThrows(IllegalArgumentException.class, () -> StudentT.normalQuantile(0));
  }
}
