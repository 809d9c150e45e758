"""Independent reference numbers for the clustered statistics (epochs of one seed as repeated
measures): ClusteredStatisticsTest.

- The crossing rate over seeds: the mean of each seed's fraction of epochs that crossed, with
  Wilson's score interval taking the number of seeds as the sample size.
- Kaplan-Meier over clustered runs: the curve and median pool every run (km_reference.py); the
  median's 95% interval is a cluster bootstrap: 2000 resamples of the seeds with replacement,
  drawn by Java's java.util.SplittableRandom (re-implemented below: SplitMix64, seed 20261202,
  each draw nextInt(k)), each pooling the runs of the seeds drawn; the bounds are the 50th and
  1950th smallest of the 2000 resampled medians (a median that never falls to 1/2 counts as
  infinite, and an infinite bound is reported as NaN); the curve's band at each step likewise.
- The naive intervals the same runs would get as independent samples, for comparison.

Plain Python 3, standard library only:

    python3 src/test/python/cluster_reference.py
"""
from math import sqrt, isnan, ceil
from statistics import NormalDist

from km_reference import km, median

Z = NormalDist().inv_cdf(0.975)
M64 = (1 << 64) - 1
GOLDEN_GAMMA = 0x9E3779B97F4A7C15
RESAMPLES = 2000
SEED = 20261202


class SplittableRandom:
    """java.util.SplittableRandom(seed): nextInt() = mix32(seed += gamma), nextInt(bound) by
    RandomSupport.boundedNextInt (rejection on 31-bit draws)."""

    def __init__(self, seed):
        self.seed = seed & M64

    def _next_seed(self):
        self.seed = (self.seed + GOLDEN_GAMMA) & M64
        return self.seed

    @staticmethod
    def _mix32(z):
        z = ((z ^ (z >> 33)) * 0x62A9D9ED799705F5) & M64
        z = (((z ^ (z >> 28)) * 0xCB24D0A5C88C35B3) & M64) >> 32
        return z - (1 << 32) if z >= (1 << 31) else z  # as a Java int

    def next_int(self, bound):
        r = self._mix32(self._next_seed())
        m = bound - 1
        if bound & m == 0:
            return r & m
        u = (r & 0xFFFFFFFF) >> 1
        while True:
            r = u % bound
            v = (u + m - r) & 0xFFFFFFFF
            if v < (1 << 31):  # no int overflow: accept
                return r
            u = (self._mix32(self._next_seed()) & 0xFFFFFFFF) >> 1


def wilson(p, n):
    z2 = Z * Z
    centre = (p + z2 / (2 * n)) / (1 + z2 / n)
    half = Z * sqrt(p * (1 - p) / n + z2 / (4 * n * n)) / (1 + z2 / n)
    low = 0.0 if p == 0 else max(0.0, centre - half)
    high = 1.0 if p == 1 else min(1.0, centre + half)
    return p, low, high


def clustered_rate(crossed, sizes):
    p = sum(c / m for c, m in zip(crossed, sizes)) / len(sizes)
    return wilson(p, len(sizes))


def survival_at(rows, t):
    s = 1.0
    for row in rows:
        if row[0] > t:
            break
        s = row[4]
    return s


def cluster_bootstrap(clusters):
    """clusters: list of [(time, event), ...]; returns (median, low, high, bands)."""
    times = [t for c in clusters for t, _ in c]
    events = [e for c in clusters for _, e in c]
    rows = km(times, events)
    est = median(rows)[0]
    rng = SplittableRandom(SEED)
    k = len(clusters)
    medians, curves = [], [[] for _ in rows]
    for _ in range(RESAMPLES):
        drawn = [clusters[rng.next_int(k)] for _ in range(k)]
        t = [x for c in drawn for x, _ in c]
        e = [x for c in drawn for _, x in c]
        r = km(t, e)
        m = median(r)[0]
        medians.append(float("inf") if isnan(m) else m)
        for i, row in enumerate(rows):
            curves[i].append(survival_at(r, row[0]))
    lo_rank, hi_rank = ceil(0.025 * RESAMPLES - 1e-9), ceil(0.975 * RESAMPLES - 1e-9)

    def bound(values, rank):
        v = sorted(values)[rank - 1]
        return float("nan") if v == float("inf") else v

    bands = [(row[0], row[4], bound(c, lo_rank), bound(c, hi_rank)) for row, c in zip(rows, curves)]
    return est, bound(medians, lo_rank), bound(medians, hi_rank), bands


if __name__ == "__main__":
    rng = SplittableRandom(SEED)
    print("first draws nextInt(5):", [rng.next_int(5) for _ in range(10)])
    print("rate 4 seeds x 3 epochs crossed [3,3,0,0]:", clustered_rate([3, 3, 0, 0], [3, 3, 3, 3]))
    print("  naive 6/12:", wilson(6 / 12, 12))
    print("rate 4 seeds x 3 epochs crossed [0,0,0,0]:", clustered_rate([0] * 4, [3] * 4))
    print("  naive 0/12:", wilson(0.0, 12))
    print("rate seeds with 1 and 3 epochs crossed [1,2]:", clustered_rate([1, 2], [1, 3]))
    # six seeds, three epochs each; the epochs of a seed alike (times in steps, False = censored)
    clusters = [
        [(2, True), (2, True), (2, True)],
        [(3, True), (3, True), (4, True)],
        [(5, True), (5, True), (5, True)],
        [(6, True), (6, True), (7, True)],
        [(8, True), (8, True), (8, True)],
        [(10, False), (10, False), (9, True)],
    ]
    est, low, high, bands = cluster_bootstrap(clusters)
    print("km clustered median:", est, "interval:", low, high)
    times = [t for c in clusters for t, _ in c]
    events = [e for c in clusters for _, e in c]
    print("km naive (Greenwood) median:", median(km(times, events)))
    for band in bands:
        print("  bootstrap band (t, S, low, high)", band)
    for row in km(times, events):
        print("  greenwood band (t, S, low, high)", row[0], row[4], row[5], row[6])
