"""Independent reference numbers for TrendTest: Spearman's rho (average ranks for ties, then
Pearson's r of the ranks) and the exact two-sided permutation p-value, P(|rho*| >= |rho|) over
every permutation of y. Plain Python 3:  python3 src/test/python/spearman_reference.py
"""
from itertools import permutations
from math import sqrt


def ranks(v):
    order = sorted(range(len(v)), key=lambda i: v[i])
    r = [0.0] * len(v)
    i = 0
    while i < len(v):
        j = i
        while j + 1 < len(v) and v[order[j + 1]] == v[order[i]]:
            j += 1
        for k in range(i, j + 1):
            r[order[k]] = (i + j) / 2 + 1
        i = j + 1
    return r


def pearson(a, b):
    n = len(a)
    ma, mb = sum(a) / n, sum(b) / n
    cov = sum((x - ma) * (y - mb) for x, y in zip(a, b))
    return cov / sqrt(sum((x - ma) ** 2 for x in a) * sum((y - mb) ** 2 for y in b))


def rho(x, y):
    return pearson(ranks(x), ranks(y))


def exact_p(x, y):
    r = abs(rho(x, y))
    perms = list(permutations(y))
    return sum(1 for p in perms if abs(rho(x, list(p))) >= r - 1e-12) / len(perms)


CASES = {
    "ties": ([0.2, 0.2, 0.5, 0.5, 0.8, 0.8], [0.9, 0.85, 0.7, 0.75, 0.4, 0.5]),
    "monotone5": ([1, 2, 3, 4, 5], [0.9, 0.8, 0.7, 0.6, 0.5]),
    "weak": ([1, 2, 3, 4, 5, 6, 7], [0.5, 0.7, 0.4, 0.8, 0.6, 0.3, 0.9]),
}

if __name__ == "__main__":
    for name, (x, y) in CASES.items():
        print(name, "rho =", repr(rho(x, y)), "exact p =", repr(exact_p(x, y)))
