package org.goaldriftgym.scenario;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/**
 * Spec tests for {@link PyRandom}: every expected value was printed by CPython 3.11 (the Python
 * expression that produced it is in the comment next to it), and every comparison is exact, because
 * a seed must give bit-identical numbers in both implementations.
 *
 * <p>To re-derive a value, run the expression with {@code python3 -c 'import random; ...'}.
 */
class PyRandomTest {

  /** Asserts that the next {@code expected.length} values of {@code random()} are exactly these. */
  private static void assertRandoms(PyRandom rng, double... expected) {
    for (int i = 0; i < expected.length; i++) {
      assertEquals(expected[i], rng.random(), "random() call #" + (i + 1));
    }
  }

  @Test
  void seed42() {
    // r = random.Random(42); [r.random() for _ in range(5)]
    assertRandoms(
        new PyRandom(42),
        0.6394267984578837,
        0.025010755222666936,
        0.27502931836911926,
        0.22321073814882275,
        0.7364712141640124);
  }

  @Test
  void seed0UsesTheOneWordKeyZero() {
    assertArrayEquals(new int[] {0}, PyRandom.keyOf(0));
    // r = random.Random(0); [r.random() for _ in range(5)]
    assertRandoms(
        new PyRandom(0),
        0.8444218515250481,
        0.7579544029403025,
        0.420571580830845,
        0.25891675029296335,
        0.5112747213686085);
  }

  @Test
  void seed1() {
    // r = random.Random(1); [r.random() for _ in range(5)]
    assertRandoms(
        new PyRandom(1),
        0.13436424411240122,
        0.8474337369372327,
        0.763774618976614,
        0.2550690257394217,
        0.49543508709194095);
  }

  @Test
  void negativeSeedUsesItsAbsoluteValue() {
    assertArrayEquals(new int[] {42}, PyRandom.keyOf(-42));
    // r = random.Random(-42); [r.random() for _ in range(5)]  (same as seed 42)
    assertRandoms(
        new PyRandom(-42),
        0.6394267984578837,
        0.025010755222666936,
        0.27502931836911926,
        0.22321073814882275,
        0.7364712141640124);
  }

  @Test
  void seedTwoToThe32MinusOneIsStillOneWord() {
    assertArrayEquals(new int[] {0xffffffff}, PyRandom.keyOf(4294967295L));
    // r = random.Random(2**32 - 1); [r.random() for _ in range(5)]
    assertRandoms(
        new PyRandom(4294967295L),
        0.6353574441341173,
        0.20319993954407756,
        0.6073666030347188,
        0.29133552762158776,
        0.3400278163075766);
  }

  @Test
  void seedTwoToThe32IsTwoWords() {
    assertArrayEquals(new int[] {0, 1}, PyRandom.keyOf(1L << 32));
    // r = random.Random(2**32); [r.random() for _ in range(3)]
    assertRandoms(
        new PyRandom(1L << 32), 0.11299430095636409, 0.41782886486292836, 0.0166763664992291);
  }

  @Test
  void seedTwoToThe40Plus3() {
    long seed = (1L << 40) + 3;
    // The example in scenarios.md, "Random numbers": 2^40 + 3 gives the key [3, 256].
    assertArrayEquals(new int[] {3, 256}, PyRandom.keyOf(seed));
    // r = random.Random(2**40 + 3); [r.random() for _ in range(5)]
    assertRandoms(
        new PyRandom(seed),
        0.21978710637116716,
        0.5494687768352203,
        0.09461190973523603,
        0.9814015277038539,
        0.9029950700508493);
  }

  @Test
  void seedLongMaxValue() {
    assertArrayEquals(new int[] {0xffffffff, 0x7fffffff}, PyRandom.keyOf(Long.MAX_VALUE));
    // r = random.Random(2**63 - 1); [r.random() for _ in range(5)]
    assertRandoms(
        new PyRandom(Long.MAX_VALUE),
        0.3166448820870279,
        0.631259308253863,
        0.8035542479972343,
        0.45346382341714553,
        0.4767927957583785);
  }

  @Test
  void seedLongMinValueUsesTwoToThe63() {
    assertArrayEquals(new int[] {0, 0x80000000}, PyRandom.keyOf(Long.MIN_VALUE));
    // r = random.Random(-2**63); [r.random() for _ in range(3)]
    assertRandoms(
        new PyRandom(Long.MIN_VALUE), 0.5534639983914199, 0.9406144709090462, 0.24199432111690833);
  }

  @Test
  void rawThirtyTwoBitOutputs() {
    PyRandom rng = new PyRandom(42);
    // r = random.Random(42); [r.getrandbits(32) for _ in range(3)]
    assertEquals(2746317213L, Integer.toUnsignedLong(rng.nextInt32()));
    assertEquals(478163327L, Integer.toUnsignedLong(rng.nextInt32()));
    assertEquals(107420369L, Integer.toUnsignedLong(rng.nextInt32()));
  }

  @Test
  void stateRegenerationAfter624Words() {
    PyRandom rng = new PyRandom(7);
    // r = random.Random(7); [r.getrandbits(32) for _ in range(625)][-2:]
    // (word 624 is the last of the first state, word 625 the first after regeneration)
    for (int i = 0; i < 623; i++) {
      rng.nextInt32();
    }
    assertEquals(960836459L, Integer.toUnsignedLong(rng.nextInt32()));
    assertEquals(693491440L, Integer.toUnsignedLong(rng.nextInt32()));
  }

  @Test
  void randomAcrossSeveralRegenerations() {
    PyRandom rng = new PyRandom(7);
    double[] values = new double[1000];
    for (int i = 0; i < values.length; i++) {
      values[i] = rng.random();
    }
    // r = random.Random(7); v = [r.random() for _ in range(1000)]; v[311]
    assertEquals(0.8324446694829476, values[311]);
    // v[312]  (its two words straddle the first regeneration: words 625 and 626)
    assertEquals(0.16146605988087914, values[312]);
    // v[999]  (the 1000th value, 2000 words in: three regenerations)
    assertEquals(0.37786262968738116, values[999]);
  }

  @Test
  void uniform() {
    PyRandom rng = new PyRandom(42);
    // r = random.Random(42); [r.uniform(0.78, 0.98) for _ in range(3)]
    assertEquals(0.9078853596915768, rng.uniform(0.78, 0.98));
    assertEquals(0.7850021510445334, rng.uniform(0.78, 0.98));
    assertEquals(0.8350058636738239, rng.uniform(0.78, 0.98));

    // r = random.Random(42); r.uniform(5, -3)  (lo > hi is allowed: lo + (hi - lo) * random())
    assertEquals(-0.11541438766307, new PyRandom(42).uniform(5, -3));

    // random.Random(2**40 + 3).uniform(0.78, 0.98)
    assertEquals(0.8239574212742334, new PyRandom((1L << 40) + 3).uniform(0.78, 0.98));
  }

  // gauss() goes through Math.cos, Math.sin and Math.log, which the JDK only promises to within
  // 1 ulp of the exact value; glibc's cos/sin/log, which CPython calls, differ from HotSpot's in
  // the last bit for roughly 0.1-0.2% of arguments. The values below agree bit for bit on
  // OpenJDK 17 / glibc 2.36; the scenario contract only needs 1e-9.
  @Test
  void gaussSequence() {
    PyRandom rng = new PyRandom(5);
    // r = random.Random(5); [r.gauss(0, 1) for _ in range(4)]
    assertEquals(-1.1788417512306717, rng.gauss(0, 1));
    assertEquals(-1.1481606807908016, rng.gauss(0, 1));
    assertEquals(0.6694689143859696, rng.gauss(0, 1));
    assertEquals(-2.293910094631911, rng.gauss(0, 1));
  }

  @Test
  void gaussAppliesMuAndSigma() {
    PyRandom rng = new PyRandom(42);
    // r = random.Random(42); [r.gauss(100, 15) for _ in range(2)]
    assertEquals(97.83864505633107, rng.gauss(100, 15));
    assertEquals(97.40644599502721, rng.gauss(100, 15));

    PyRandom prices = new PyRandom(42);
    // r = random.Random(42); [r.gauss(0.02, 0.015) for _ in range(4)]
    assertEquals(0.017838645056331075, prices.gauss(0.02, 0.015));
    assertEquals(0.01740644599502721, prices.gauss(0.02, 0.015));
    assertEquals(0.018330262076485065, prices.gauss(0.02, 0.015));
    assertEquals(0.030529755876482947, prices.gauss(0.02, 0.015));
  }

  @Test
  void cachedGaussConsumesNoRandomness() {
    PyRandom rng = new PyRandom(5);
    rng.gauss(0, 1);
    rng.gauss(0, 1); // the cached sin value: no draw
    // r = random.Random(5); r.gauss(0, 1); r.gauss(0, 1); r.random()
    // equals r = random.Random(5); r.random(); r.random(); r.random()
    assertEquals(0.7951935655656966, rng.random());
  }

  @Test
  void reseedingClearsTheGaussCache() {
    PyRandom rng = new PyRandom(5);
    for (int i = 0; i < 3; i++) {
      rng.gauss(0, 1); // leaves a cached value behind
    }
    rng.seed(5);
    // r = random.Random(5); [r.gauss(0, 1) for _ in range(3)]; r.seed(5); r.gauss(0, 1)
    // (a stale cache would return -2.293910094631911, the 4th value, instead)
    assertEquals(-1.1788417512306717, rng.gauss(0, 1));
    // ... ; r.gauss(0, 1)  (the second value after re-seeding)
    assertEquals(-1.1481606807908016, rng.gauss(0, 1));
  }

  @Test
  void reseedingRestartsTheSequence() {
    PyRandom rng = new PyRandom(42);
    for (int i = 0; i < 700; i++) {
      rng.random();
    }
    rng.seed(1);
    // r = random.Random(42); [r.random() for _ in range(700)]; r.seed(1); r.random()
    assertEquals(0.13436424411240122, rng.random());
  }
}
