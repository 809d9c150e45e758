"""Independent reference numbers for KaplanMeierTest and TimeToCrossingTest.

Kaplan-Meier with Greenwood's variance and the log-log interval, the median and its interval by
the rules of R's survival package (survfit(..., conf.type = "log-log"), quantile.survfit: the
first time the curve is at or below 0.5, the midpoint of a flat exactly at 0.5), and the
restricted mean up to a horizon. Plain Python 3, standard library only:

    python3 src/test/python/km_reference.py
"""
from math import exp, log, sqrt, isnan
from statistics import NormalDist

NAN = float("nan")
Z = NormalDist().inv_cdf(0.975)
TOL = sqrt(2.220446049250313e-16)


def km(times, events):
    """Rows (t, n_at_risk, d, c, S, lower, upper) at every distinct observed time."""
    rows, s, var = [], 1.0, 0.0
    for t in sorted(set(times)):
        n = sum(1 for x in times if x >= t)
        d = sum(1 for x, e in zip(times, events) if x == t and e)
        c = sum(1 for x, e in zip(times, events) if x == t and not e)
        if d:
            s *= 1 - d / n
            var = var + d / (n * (n - d)) if n > d else float("inf")
        if 0 < s < 1:
            w = Z * sqrt(var) / abs(log(s))
            lo, hi = s ** exp(w), s ** exp(-w)
        else:
            lo = hi = NAN
        rows.append((t, n, d, c, s, lo, hi))
    return rows


def findq(x, y, p=0.5):
    """R's survival:::findq for one p; y = 1 - curve, NaN for NA."""
    if max(v for v in y if not isnan(v)) < p:
        return NAN
    xmax = x[-1]
    keep, seen = [], []
    for xi, yi in zip(x, y):  # duplicated(y): NA equals NA
        key = "NA" if isnan(yi) else yi
        if key in seen:
            continue
        seen.append(key)
        keep.append((xi, yi))
    x = [k[0] for k in keep]
    y = [k[1] for k in keep]
    n = len(y)
    pts = [(y[i], i) for i in range(n) if not isnan(y[i])]  # approx drops NA pairs

    def approx_right(shift):
        knots = [(yy + shift, i) for yy, i in pts]
        if p < knots[0][0] or p > knots[-1][0]:
            return None
        for yy, i in knots:
            if yy >= p:
                return i
        return None

    i1, i2 = approx_right(TOL), approx_right(-TOL)
    q = NAN if i1 is None or i2 is None else (x[i1] + x[i2]) / 2
    if not isnan(y[n - 1]) and abs(p - y[n - 1]) < TOL and i1 is not None:
        q = (x[i1] + xmax) / 2
    return q


def median(rows):
    x = [0.0] + [r[0] for r in rows]
    est = findq(x, [0.0] + [1 - r[4] for r in rows])
    low = findq(x, [0.0] + [1 - r[5] for r in rows])
    high = findq(x, [0.0] + [1 - r[6] for r in rows])
    return est, low, high


def rmst(rows, tau):
    """Area under S from 0 to tau; NaN when the curve stops short of tau above zero."""
    if rows and rows[-1][0] < tau and rows[-1][4] > 0:
        return NAN
    area, prev_t, s = 0.0, 0.0, 1.0
    for t, _, _, _, st, _, _ in rows:
        if t >= tau:
            break
        area += s * (t - prev_t)
        prev_t, s = t, st
    return area + s * (tau - prev_t)


CASES = {
    # name: (times, events, tau)
    "censoring": ([3, 5, 5, 8, 10, 10, 10, 2], [1, 1, 0, 1, 0, 0, 0, 1], 10),
    "ties": ([4, 4, 4, 6, 6, 9], [1, 1, 1, 1, 0, 1], 10),
    "flat_at_half": ([2, 2, 5, 7], [1, 1, 1, 0], 10),
    "no_events": ([10, 10, 10], [0, 0, 0], 10),
    "all_events": ([1, 2, 3, 4, 5], [1, 1, 1, 1, 1], 10),
}

if __name__ == "__main__":
    for name, (times, events, tau) in CASES.items():
        rows = km([float(t) for t in times], [bool(e) for e in events])
        print(name)
        for r in rows:
            print("  t=%r n=%d d=%d c=%d S=%r lo=%r hi=%r" % r)
        print("  median, low, high =", median(rows))
        print("  rmst(%d) =" % tau, repr(rmst(rows, tau)))
