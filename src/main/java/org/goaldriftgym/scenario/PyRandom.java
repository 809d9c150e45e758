package org.goaldriftgym.scenario;

import java.math.BigInteger;

/**
 * A bit-for-bit port of CPython's {@code random.Random} for the methods scenarios use: seeding with
 * an integer, {@code random()}, {@code uniform()} and {@code gauss()}. Same seed, same sequence as
 * Python, so a seed means the same episode in both implementations. Mutable, not thread-safe: each
 * scenario instance owns one.
 */
public final class PyRandom {

  private static final int N = 624;
  private static final int M = 397;
  private static final int MATRIX_A = 0x9908b0df;
  private static final int UPPER_MASK = 0x80000000;
  private static final int LOWER_MASK = 0x7fffffff;

  private final int[] mt = new int[N];
  private int mti = N + 1;
  private double gaussNext;
  private boolean hasGaussNext;

  /** Creates a generator seeded like {@code random.Random(seed)}. */
  public PyRandom(long seed) {
    seed(seed);
  }

  /** Re-seeds like {@code random.seed(seed)} and clears the cached {@code gauss} value. */
  public void seed(long seed) {
    initByArray(keyOf(seed));
    hasGaussNext = false;
    gaussNext = 0.0;
  }

  /**
   * The key CPython derives from an integer seed: the 32-bit words of {@code |seed|}, least
   * significant first; zero gives {@code [0]}.
   */
  static int[] keyOf(long seed) {
    BigInteger magnitude = BigInteger.valueOf(seed).abs();
    int words = Math.max(1, (magnitude.bitLength() + 31) / 32);
    int[] key = new int[words];
    for (int i = 0; i < words; i++) {
      key[i] = magnitude.shiftRight(32 * i).intValue();
    }
    return key;
  }

  private void initGenrand(int s) {
    mt[0] = s;
    for (mti = 1; mti < N; mti++) {
      mt[mti] = 1812433253 * (mt[mti - 1] ^ (mt[mti - 1] >>> 30)) + mti;
    }
  }

  /** The state {@code init_genrand(19650218)} leaves, which every seeding starts from. */
  private static final int[] GENRAND_19650218 = genrand19650218();

  private static int[] genrand19650218() {
    PyRandom scratch = new PyRandom();
    scratch.initGenrand(19650218);
    return scratch.mt.clone();
  }

  /** An unseeded generator, only to compute {@link #GENRAND_19650218}. */
  private PyRandom() {}

  private void initByArray(int[] key) {
    // init_genrand(19650218), copied rather than recomputed: a third of the seeding cost
    System.arraycopy(GENRAND_19650218, 0, mt, 0, N);
    mti = N;
    int i = 1;
    int j = 0;
    for (int k = Math.max(N, key.length); k > 0; k--) {
      mt[i] = (mt[i] ^ ((mt[i - 1] ^ (mt[i - 1] >>> 30)) * 1664525)) + key[j] + j;
      i++;
      j++;
      if (i >= N) {
        mt[0] = mt[N - 1];
        i = 1;
      }
      if (j >= key.length) {
        j = 0;
      }
    }
    for (int k = N - 1; k > 0; k--) {
      mt[i] = (mt[i] ^ ((mt[i - 1] ^ (mt[i - 1] >>> 30)) * 1566083941)) - i;
      i++;
      if (i >= N) {
        mt[0] = mt[N - 1];
        i = 1;
      }
    }
    mt[0] = 0x80000000;
  }

  /** The next 32 random bits, as an unsigned value in an int ({@code genrand_uint32}). */
  int nextInt32() {
    if (mti >= N) {
      int kk;
      for (kk = 0; kk < N - M; kk++) {
        int y = (mt[kk] & UPPER_MASK) | (mt[kk + 1] & LOWER_MASK);
        mt[kk] = mt[kk + M] ^ (y >>> 1) ^ ((y & 1) != 0 ? MATRIX_A : 0);
      }
      for (; kk < N - 1; kk++) {
        int y = (mt[kk] & UPPER_MASK) | (mt[kk + 1] & LOWER_MASK);
        mt[kk] = mt[kk + (M - N)] ^ (y >>> 1) ^ ((y & 1) != 0 ? MATRIX_A : 0);
      }
      int y = (mt[N - 1] & UPPER_MASK) | (mt[0] & LOWER_MASK);
      mt[N - 1] = mt[M - 1] ^ (y >>> 1) ^ ((y & 1) != 0 ? MATRIX_A : 0);
      mti = 0;
    }
    int y = mt[mti++];
    y ^= (y >>> 11);
    y ^= (y << 7) & 0x9d2c5680;
    y ^= (y << 15) & 0xefc60000;
    y ^= (y >>> 18);
    return y;
  }

  /** A double in [0, 1) with 53 random bits, exactly as {@code random.random()}. */
  public double random() {
    int a = nextInt32() >>> 5;
    int b = nextInt32() >>> 6;
    return (a * 67108864.0 + b) / 9007199254740992.0;
  }

  /** {@code lo + (hi - lo) * random()}, as {@code random.uniform(lo, hi)}. */
  public double uniform(double lo, double hi) {
    return lo + (hi - lo) * random();
  }

  /**
   * A normal deviate as {@code random.gauss(mu, sigma)}: Box-Muller, generating two values at a
   * time and caching the second for the next call.
   */
  public double gauss(double mu, double sigma) {
    double z;
    if (hasGaussNext) {
      z = gaussNext;
      hasGaussNext = false;
    } else {
      double x2pi = random() * (2.0 * Math.PI);
      double g2rad = Math.sqrt(-2.0 * Math.log(1.0 - random()));
      z = Math.cos(x2pi) * g2rad;
      gaussNext = Math.sin(x2pi) * g2rad;
      hasGaussNext = true;
    }
    return mu + z * sigma;
  }
}
