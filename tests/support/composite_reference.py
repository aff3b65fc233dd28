"""The composite scores in numpy, written from the components' documented formulas (not from their code):
scalings, CUSTOM_WEIGHTS / ENTROPY / FIRST_PC scores, output formatting, OLS residuals and buckets."""

from __future__ import annotations

import math

import numpy as np
from scipy.stats import rankdata


def percent_rank(x: np.ndarray, descending: bool = False) -> np.ndarray:
    """PERCENT_RANK(): (rank - 1) / (n - 1), ties at their lowest rank; 0 for one row."""
    rank = rankdata(-x if descending else x, method="min")
    return (rank - 1) / (len(x) - 1) if len(x) > 1 else np.zeros(len(x))


def scale(x: np.ndarray, scaling: str, reverse: bool) -> np.ndarray:
    if scaling == "MIN_MAX_SCALER":
        s = (x - x.min()) / (x.max() - x.min())
        return 1 - s if reverse else s
    if scaling == "STANDARD_SCALER":
        z = (x - x.mean()) / x.std()
        return -z if reverse else z
    if scaling == "RANKING":
        return percent_rank(x, descending=reverse)
    target = {"DISTANCE_TO_TARGET_MIN": x.min(), "DISTANCE_TO_TARGET_MAX": x.max(),
              "DISTANCE_TO_TARGET_AVG": x.mean(), "PROPORTION": x.sum()}[scaling]
    s = x / target
    return 1 - s if reverse else s


def custom_weights(data: np.ndarray, weights: list[float], reverse: list[bool], scaling: str,
                   aggregation: str) -> np.ndarray:
    w = np.asarray(weights, dtype=float) / sum(weights)
    s = np.column_stack([scale(data[:, k], scaling, reverse[k]) for k in range(data.shape[1])])
    if aggregation == "LINEAR":
        return s @ w
    out = np.empty(len(s))
    for i, row in enumerate(s):
        out[i] = math.nan if (row < 0).any() else 0.0 if (row == 0).any() else math.exp(float(np.log(row) @ w))
    return out


def entropy(data: np.ndarray, reverse: list[bool]) -> tuple[np.ndarray, np.ndarray]:
    """(weights, score) by the entropy-weight method on min-max scaled variables."""
    n = data.shape[0]
    s = np.column_stack([scale(data[:, k], "MIN_MAX_SCALER", reverse[k]) for k in range(data.shape[1])])
    p = s / s.sum(axis=0)
    with np.errstate(divide="ignore", invalid="ignore"):
        plogp = np.where(p > 0, p * np.log(np.where(p > 0, p, 1.0)), 0.0)
    e = -plogp.sum(axis=0) / math.log(n)
    d = 1 - e
    w = d / d.sum()
    return w, p @ w


def first_pc(data: np.ndarray, reference: np.ndarray | None) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """(loadings, correlations with the score, score): PCA of the standardised variables (SVD), the sign
    making the score's correlation with `reference` positive (else the loadings' sum)."""
    z = (data - data.mean(axis=0)) / data.std(axis=0)
    *_, vt = np.linalg.svd(z, full_matrices=False)
    a = vt[0]
    score = z @ a
    sign = np.sign(np.corrcoef(score, reference)[0, 1]) if reference is not None else 0.0
    if sign == 0:
        sign = 1.0 if a.sum() >= 0 else -1.0
    a, score = a * sign, score * sign
    correlations = np.array([np.corrcoef(score, z[:, k])[0, 1] for k in range(z.shape[1])])
    return a, correlations, score


def return_range(score: np.ndarray, low: float, high: float) -> np.ndarray:
    return low + (high - low) * (score - score.min()) / (score.max() - score.min())


def equal_intervals(score: np.ndarray, nbuckets: int, low: float | None = None, width: float | None = None
                    ) -> np.ndarray:
    low = score.min() if low is None else low
    width = score.max() - score.min() if width is None else width
    return np.clip(1 + np.floor(nbuckets * (score - low) / width), 1, nbuckets).astype(int)


def quantiles(score: np.ndarray, nbuckets: int) -> np.ndarray:
    rank = rankdata(score, method="min")
    return (1 + np.floor((rank - 1) * nbuckets / len(score))).astype(int)


def lower_quartiles(score: np.ndarray) -> tuple[float, float]:
    return float(np.percentile(score, 25, method="lower")), float(np.percentile(score, 75, method="lower"))


def freedman_diaconis(score: np.ndarray, spread: float) -> int:
    q1, q3 = lower_quartiles(score)
    width = 2 * (q3 - q1) / len(score) ** (1 / 3)
    return max(2, math.ceil(spread / width))


def jenks_classes(values: np.ndarray, counts: np.ndarray, k: int) -> list[int]:
    """Fisher's optimal partition of sorted weighted points into k classes (plain dynamic programme): the
    last point of each class but the last."""
    m = len(values)
    cw, c1, c2 = [0.0], [0.0], [0.0]
    centre = float((counts * values).sum() / counts.sum())
    for w, v in zip(counts.tolist(), (values - centre).tolist(), strict=True):
        cw.append(cw[-1] + w)
        c1.append(c1[-1] + w * v)
        c2.append(c2[-1] + w * v * v)

    def ssd(a: int, b: int) -> float:
        s1 = c1[b + 1] - c1[a]
        return max(c2[b + 1] - c2[a] - s1 * s1 / (cw[b + 1] - cw[a]), 0.0)

    cost = [[math.inf] * m for _ in range(k)]
    back = [[0] * m for _ in range(k)]
    for e in range(m):
        cost[0][e] = ssd(0, e)
    for j in range(1, k):
        for e in range(j, m):
            for s in range(j, e + 1):
                c = cost[j - 1][s - 1] + ssd(s, e)
                if c < cost[j][e] - 1e-9 * max(1.0, abs(c)):
                    cost[j][e], back[j][e] = c, s
    ends, e = [], m - 1
    for j in range(k - 1, 0, -1):
        ends.append(back[j][e] - 1)
        e = back[j][e] - 1
    return sorted(ends)


def jenks(score: np.ndarray, nbuckets: int) -> np.ndarray:
    """Buckets by Fisher-Jenks over the distinct scores (weighted by their counts): exact, for at most
    1,000 distinct values."""
    values, counts = np.unique(score, return_counts=True)
    assert len(values) <= 1000
    breaks = [values[e] for e in jenks_classes(values, counts.astype(float), min(nbuckets, len(values)))]
    return np.array([1 + sum(v > b for b in breaks) for v in score])


def ols(y: np.ndarray, x: np.ndarray) -> tuple[np.ndarray, np.ndarray, float]:
    """(coefficients with the intercept first, residuals, R²) by numpy.linalg.lstsq."""
    design = np.column_stack([np.ones(len(y)), x])
    beta, *_ = np.linalg.lstsq(design, y, rcond=None)
    residual = y - design @ beta
    r2 = 1 - (residual @ residual) / ((y - y.mean()) @ (y - y.mean()))
    return beta, residual, float(r2)


def zero_centred(residual: np.ndarray, nbuckets: int, remove_outliers: bool) -> tuple[np.ndarray, float]:
    r = residual
    if remove_outliers:
        q1, q3 = lower_quartiles(r)
        iqr = q3 - q1
        r = r[(r >= q1 - 1.5 * iqr) & (r <= q3 + 1.5 * iqr)]
    m = float(np.abs(r).max())
    return equal_intervals(residual, nbuckets, -m, 2 * m), m
