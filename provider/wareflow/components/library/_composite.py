"""What the composite-score components share: reading the variables, scaling them, turning a score into
buckets, and the small numerical work done in the task on fetched aggregates (entropy weights, the first
principal component, Fisher-Jenks breaks, Freedman-Diaconis bucket counts).

Every function over the rows builds SQL; only aggregates come back (`BuildContext.fetch`). Definitions
(Wareflow's where CARTO is silent; the components' docstrings repeat them):

- scaling of a variable x over the rows kept: MIN_MAX_SCALER (x - min) / (max - min); STANDARD_SCALER
  (x - mean) / sd, sd the population standard deviation; RANKING PERCENT_RANK() = (rank - 1) / (n - 1),
  rank the lowest rank of a tie (0 for a single row); DISTANCE_TO_TARGET_MIN|MAX|AVG x / min|max|mean;
  PROPORTION x / sum. A zero denominator gives NULL.
- reverse: MIN_MAX_SCALER (max - x) / (max - min) (= 1 - s); STANDARD_SCALER -s; RANKING the percent rank
  in descending order; the ratio scalings (DISTANCE_TO_TARGET_*, PROPORTION) 1 - s.
- quartiles are the "lower" order statistics: the value at 0-based position floor(q (n - 1)) of the sorted
  values (numpy's ``percentile(method="lower")``).
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np
from sqlglot import exp

from wareflow.components.base import BuildContext, ColumnName
from wareflow.sql.quadbin import greatest, least
from wareflow.sql.relation import Column, Query, Rel, alias, col
from wareflow.sql.usersql import literal

SCALINGS = ("MIN_MAX_SCALER", "STANDARD_SCALER", "RANKING", "DISTANCE_TO_TARGET_MIN", "DISTANCE_TO_TARGET_MAX",
            "DISTANCE_TO_TARGET_AVG", "PROPORTION")
JENKS_SUMMARY = 1_000  # Jenks runs on at most this many (value, count) groups: exact up to this many values


@dataclass(frozen=True)
class Variable:
    """One variable of a score: its column, its weight (as written) and whether it is reversed."""

    column: str
    weight: float = 1.0
    reverse: bool = False


# --- reading inputs -----------------------------------------------------------------------------------
def _boolean(raw: Any) -> bool:
    if isinstance(raw, bool):
        return raw
    if isinstance(raw, str) and raw.strip().lower() in ("true", "false"):
        return raw.strip().lower() == "true"
    raise ValueError(f"expected true or false, got {raw!r}")


def _float(raw: Any) -> float:
    if isinstance(raw, bool):
        raise ValueError(f"expected a number, got {raw!r}")
    try:
        value = float(raw)
    except (TypeError, ValueError):
        raise ValueError(f"expected a number, got {raw!r}") from None
    if not math.isfinite(value):
        raise ValueError(f"expected a finite number, got {raw!r}")
    return value


def read_weights(raw: Any, field: str) -> tuple[Variable, ...]:
    """``[["col", w, reverse], ...]`` (CARTO's ColumnAndNumber; numbers and booleans may be strings, the
    reverse flag may be left out) as Variables. ValueError with the reason when malformed."""
    if raw is None:
        return ()
    if isinstance(raw, dict):  # {"col": w}: the options-JSON form
        raw = [[k, v] for k, v in raw.items()]
    if not isinstance(raw, list | tuple):
        raise ValueError(f'expected a list like [["column", 1, false], ...], got {raw!r}')
    out: list[Variable] = []
    for item in raw:
        if not isinstance(item, list | tuple) or not 1 <= len(item) <= 3 or not isinstance(item[0], str) \
                or not item[0].strip():
            raise ValueError(f'expected ["column", weight, reverse], got {item!r}')
        name = ColumnName(item[0].strip(), field)
        weight = _float(item[1]) if len(item) > 1 and item[1] not in (None, "") else 1.0
        if weight < 0:
            raise ValueError(f"the weight of '{name}' must be >= 0, got {item[1]!r}")
        reverse = _boolean(item[2]) if len(item) > 2 and item[2] is not None else False
        if any(v.column.lower() == name.lower() for v in out):
            raise ValueError(f"column '{name}' is listed twice")
        out.append(Variable(name, weight, reverse))
    if not out:
        raise ValueError("no variables given")
    return tuple(out)


def read_range(raw: Any) -> tuple[float, float]:
    """``["0.0", "1.0"]`` (numbers or strings) as (low, high), low < high."""
    if not isinstance(raw, list | tuple) or len(raw) != 2:
        raise ValueError(f"expected [low, high], got {raw!r}")
    low, high = _float(raw[0]), _float(raw[1])
    if not low < high:
        raise ValueError(f"expected low < high, got {raw!r}")
    return low, high


# --- SQL builders -------------------------------------------------------------------------------------
def number(value: float) -> exp.Expr:
    """A float as a SQL literal (parenthesised when negative, to sit in any product)."""
    lit = literal(float(value))
    return exp.Paren(this=lit) if isinstance(lit, exp.Neg) else lit


def exact(ctx: BuildContext, value: float) -> exp.Expr:
    """A float the warehouse must read back bit for bit (a bucket break compared with ``<=``): the
    shortest decimal that round-trips, cast from text (text to double is correctly rounded)."""
    return exp.Cast(this=exp.Literal.string(repr(float(value))), to=ctx.type("number"))


def fetched(ctx: BuildContext, rows: list[tuple[Any, ...]] | None, name: str, value: float | None) -> exp.Expr:
    """`value` (computed from fetched `rows`) as a literal, or the placeholder `name` without a warehouse."""
    return ctx.placeholder(name) if rows is None or value is None else number(value)


def not_null(*columns: exp.Expr) -> exp.Expr:
    return exp.and_(*(exp.Not(this=exp.Is(this=c, expression=exp.Null())) for c in columns))


def nullif_zero(value: exp.Expr) -> exp.Expr:
    return exp.Nullif(this=value, expression=exp.Literal.number(0))


def div(a: exp.Expr, b: exp.Expr) -> exp.Expr:
    return exp.Div(this=exp.Paren(this=a), expression=exp.Paren(this=b))


def sub(a: exp.Expr, b: exp.Expr) -> exp.Expr:
    return exp.Sub(this=a, expression=exp.Paren(this=b) if isinstance(b, exp.Binary | exp.Neg) else b)


def total(terms: Sequence[exp.Expr]) -> exp.Expr:
    out = terms[0]
    for term in terms[1:]:
        out = exp.Add(this=out, expression=term)
    return out


def window(function: exp.Expr, order: exp.Expr | None = None, desc: bool = False) -> exp.Expr:
    if order is None:
        return exp.Window(this=function)
    return exp.Window(this=function, order=exp.Order(expressions=[exp.Ordered(this=order, desc=desc)]))


def rows_step(ctx: BuildContext, source: Rel, index: str, columns: Sequence[str], name: str = "rows") -> Rel:
    """Step `name`: the index as ``cell_id`` and each variable cast to a number as ``v1..vk``; rows with a
    NULL variable dropped."""
    values = [exp.Cast(this=source.col(c), to=ctx.type("number")) for c in columns]
    query = exp.select(alias(source.col(index), "cell_id"), *(alias(v, f"v{i + 1}") for i, v in enumerate(values))
                       ).from_(source.table(), copy=False)
    if columns:
        query = query.where(not_null(*(source.col(c) for c in columns)), copy=False)
    index_type = source.type_of(index) if source.columns is not None else "unknown"
    return ctx.step(name, Query(query, (Column("cell_id", index_type),
                                        *(Column(f"v{i + 1}", "number") for i in range(len(columns))))))


def scale(ctx: BuildContext, rows: Rel, variables: Sequence[Variable], scaling: str, name: str = "scaled") -> Rel:
    """Step `name`: ``cell_id`` and each variable ``vi`` scaled as ``si`` (see the module's definitions)."""
    k = len(variables)
    needs = {"MIN_MAX_SCALER": ("min", "max"), "STANDARD_SCALER": ("avg", "sd"), "RANKING": (),
             "DISTANCE_TO_TARGET_MIN": ("min",), "DISTANCE_TO_TARGET_MAX": ("max",),
             "DISTANCE_TO_TARGET_AVG": ("avg",), "PROPORTION": ("sum",)}[scaling]
    makers = {"min": exp.Min, "max": exp.Max, "avg": exp.Avg, "sd": exp.StddevPop, "sum": exp.Sum}
    query = exp.select(col("cell_id", "r")).from_(rows.table("r"), copy=False)
    if needs:
        stats_query = exp.select(*(alias(makers[s](this=col(f"v{i + 1}")), f"{s}{i + 1}")
                                   for i in range(k) for s in needs)).from_(rows.table(), copy=False)
        stats = ctx.step(f"{name}_stats", Query(stats_query, tuple(
            Column(f"{s}{i + 1}", "number") for i in range(k) for s in needs)))
        query = query.join(stats.table("t"), join_type="CROSS", copy=False)
    one = exp.Literal.number("1.0")
    for i, var in enumerate(variables):
        v = exp.column(f"v{i + 1}", "r")

        def stat(s: str, i: int = i) -> exp.Column:
            return exp.column(f"{s}{i + 1}", "t")

        if scaling == "MIN_MAX_SCALER":
            top = sub(stat("max"), v) if var.reverse else sub(v, stat("min"))
            s: exp.Expr = div(top, nullif_zero(sub(stat("max"), stat("min"))))
        elif scaling == "STANDARD_SCALER":
            top = sub(stat("avg"), v) if var.reverse else sub(v, stat("avg"))
            s = div(top, nullif_zero(stat("sd")))
        elif scaling == "RANKING":
            s = window(exp.Anonymous(this="PERCENT_RANK"), v, desc=var.reverse)
        else:
            target = {"DISTANCE_TO_TARGET_MIN": "min", "DISTANCE_TO_TARGET_MAX": "max",
                      "DISTANCE_TO_TARGET_AVG": "avg", "PROPORTION": "sum"}[scaling]
            s = div(v, nullif_zero(stat(target)))
            if var.reverse:
                s = exp.Sub(this=one.copy(), expression=s)
        query.select(alias(s, f"s{i + 1}"), copy=False)
    return ctx.step(name, Query(query, (rows.columns[0] if rows.columns else Column("cell_id"),
                                        *(Column(f"s{i + 1}", "number") for i in range(k)))))


def geometric(weights: Sequence[exp.Expr], scaled: Sequence[exp.Expr]) -> exp.Expr:
    """Π s_k^w_k as EXP(Σ w_k LN s_k): NULL when some s_k < 0, 0 when some s_k = 0 (no LN of either)."""
    zero = exp.Literal.number(0)
    positive = [exp.Ln(this=exp.Case(ifs=[exp.If(this=exp.GT(this=s, expression=zero.copy()), true=s.copy())]))
                for s in scaled]
    logs = total([exp.Mul(this=w, expression=p) for w, p in zip(weights, positive, strict=True)])
    return exp.Case(ifs=[
        exp.If(this=exp.or_(*(exp.LT(this=s.copy(), expression=zero.copy()) for s in scaled)), true=exp.Null()),
        exp.If(this=exp.or_(*(exp.EQ(this=s.copy(), expression=zero.copy()) for s in scaled)),
               true=exp.Literal.number("0.0")),
    ], default=exp.Exp(this=logs))


def order_statistics(scores: Rel, value: str = "score") -> exp.Select:
    """One row: ``n``, ``lo``, ``hi``, ``q1``, ``q3`` of column `value` (quartiles: lower order statistics)."""
    v = col(value)
    ranked = exp.select(v, alias(window(exp.RowNumber(), v.copy()), "rn"),
                        alias(exp.Window(this=exp.Count(this=exp.Star())), "cnt")).from_(scores.table(), copy=False)

    def quartile(q: float) -> exp.Expr:
        position = exp.Floor(this=exp.Mul(this=exp.Literal.number(repr(q)), expression=exp.Paren(this=exp.Sub(
            this=col("cnt"), expression=exp.Literal.number(1)))))
        return exp.Max(this=exp.Case(ifs=[exp.If(this=exp.EQ(this=exp.Sub(
            this=col("rn"), expression=exp.Literal.number(1)), expression=position), true=col(value))]))

    return exp.select(alias(exp.Max(this=col("cnt")), "n"), alias(exp.Min(this=col(value)), "lo"),
                      alias(exp.Max(this=col(value)), "hi"), alias(quartile(0.25), "q1"),
                      alias(quartile(0.75), "q3")).from_(ranked.subquery("o"), copy=False)


STATS_COLUMNS = tuple(Column(c, "number") for c in ("n", "lo", "hi", "q1", "q3"))


def freedman_diaconis(n: float, spread: float, q1: float, q3: float) -> int:
    """Buckets of width 2 IQR n^(-1/3) over `spread`, at least 2; Sturges' ceil(log2 n) + 1 when the IQR or
    the spread is 0."""
    width = 2.0 * (q3 - q1) / n ** (1.0 / 3.0) if n > 0 else 0.0
    if width > 0 and spread > 0:
        return max(2, math.ceil(spread / width))
    return max(2, math.ceil(math.log2(max(n, 1.0))) + 1)


def as_int(ctx: BuildContext, value: exp.Expr) -> exp.Expr:
    return exp.Cast(this=value, to=ctx.type("integer"))


def equal_interval_bucket(ctx: BuildContext, score: exp.Expr, low: exp.Expr, width_total: exp.Expr,
                          nbuckets: exp.Expr) -> exp.Expr:
    """1 + floor(nb (score - low) / width_total), kept in 1..nb; 1 when width_total is 0."""
    raw = exp.Add(this=exp.Literal.number(1), expression=exp.Floor(this=div(
        exp.Mul(this=nbuckets, expression=exp.Paren(this=sub(score, low))), nullif_zero(width_total))))
    clamped = least(nbuckets.copy(), greatest(exp.Literal.number(1), raw))
    return as_int(ctx, exp.Coalesce(this=clamped, expressions=[exp.Literal.number(1)]))


def quantile_bucket(ctx: BuildContext, score: exp.Expr, nbuckets: int) -> exp.Expr:
    """1 + floor(nb (RANK() - 1) / n): ties share the bucket of their lowest rank."""
    rank = window(exp.Rank(), score)
    position = exp.Cast(this=exp.Sub(this=rank, expression=exp.Literal.number(1)), to=ctx.type("number"))
    return as_int(ctx, exp.Add(this=exp.Literal.number(1), expression=exp.Floor(this=exp.Div(
        this=exp.Mul(this=position, expression=exp.Literal.number(nbuckets)),
        expression=window(exp.Count(this=exp.Star()))))))


def jenks_summary(ctx: BuildContext, scores: Rel, value: str = "score") -> exp.Select:
    """At most JENKS_SUMMARY rows (g, n, total, hi): one per distinct value when there are no more than
    that many, else groups of about equal size in sorted order (ties may straddle two groups)."""
    v = col(value)
    first = exp.select(v, alias(window(exp.Anonymous(this="DENSE_RANK"), v.copy()), "dr"),
                       alias(window(exp.RowNumber(), v.copy()), "rn"),
                       alias(exp.Window(this=exp.Count(this=exp.Star())), "cnt")).from_(scores.table(), copy=False)
    by_rank = exp.Floor(this=exp.Div(this=exp.Mul(this=exp.Cast(this=exp.Sub(
        this=col("rn"), expression=exp.Literal.number(1)), to=ctx.type("number")),
        expression=exp.Literal.number(JENKS_SUMMARY)), expression=col("cnt")))
    group = exp.Case(ifs=[exp.If(this=exp.LTE(this=window(exp.Max(this=col("dr"))),
                                              expression=exp.Literal.number(JENKS_SUMMARY)),
                                 true=exp.Sub(this=col("dr"), expression=exp.Literal.number(1)))], default=by_rank)
    second = exp.select(col(value), alias(group, "g")).from_(first.subquery("d"), copy=False)
    return exp.select(alias(col("g"), "g"), alias(exp.Count(this=exp.Star()), "n"), alias(exp.Sum(this=col(value)),
                      "total"), alias(exp.Max(this=col(value)), "hi")).from_(second.subquery("j"), copy=False
                                                                              ).group_by(col("g"), copy=False)


def jenks_breaks(values: Sequence[float], counts: Sequence[float], nclasses: int) -> list[int]:
    """Fisher's exact optimal classification of sorted weighted points into at most `nclasses` contiguous
    classes minimising the total within-class weighted sum of squared deviations: the index (into
    `values`) of the last point of each class but the last. Ties between splits go to the earliest."""
    x = np.asarray(values, dtype=float)
    w = np.asarray(counts, dtype=float)
    m = len(x)
    k = min(nclasses, m)
    if k <= 1:
        return []
    x = x - np.average(x, weights=w)  # centred: the prefix sums lose less to cancellation
    cw = np.concatenate([[0.0], np.cumsum(w)])
    c1 = np.concatenate([[0.0], np.cumsum(w * x)])
    c2 = np.concatenate([[0.0], np.cumsum(w * x * x)])

    def ssd(starts: np.ndarray, end: int) -> np.ndarray:  # points starts..end inclusive
        weight = cw[end + 1] - cw[starts]
        first = c1[end + 1] - c1[starts]
        return np.maximum((c2[end + 1] - c2[starts]) - first * first / weight, 0.0)

    cost = np.full((k, m), np.inf)
    back = np.zeros((k, m), dtype=int)
    cost[0] = np.array([ssd(np.array([0]), end)[0] for end in range(m)])
    for j in range(1, k):
        for end in range(j, m):
            starts = np.arange(j, end + 1)  # the class j covers starts..end; classes before end at start - 1
            total_cost = cost[j - 1][starts - 1] + ssd(starts, end)
            best = int(np.argmin(total_cost))
            cost[j][end], back[j][end] = total_cost[best], starts[best]
    ends, end = [], m - 1
    for j in range(k - 1, 0, -1):
        start = back[j][end]
        ends.append(start - 1)
        end = start - 1
    return sorted(ends)


def bucket_by_breaks(ctx: BuildContext, score: exp.Expr, breaks: Sequence[exp.Expr]) -> exp.Expr:
    """1 when score <= breaks[0], 2 when <= breaks[1], ..., len(breaks) + 1 otherwise."""
    if not breaks:
        return as_int(ctx, exp.Literal.number(1))
    return exp.Case(ifs=[exp.If(this=exp.LTE(this=score.copy(), expression=b), true=exp.Literal.number(i + 1))
                         for i, b in enumerate(breaks)], default=exp.Literal.number(len(breaks) + 1))


def entropy_weights(n: float, sums: Sequence[float], slogs: Sequence[float]) -> np.ndarray:
    """Entropy-weight method from per-variable aggregates of min-max scaled values s: S = Σ s and
    T = Σ s ln s (0 ln 0 = 0). p = s / S, e = -(Σ p ln p) / ln n = -(T / S - ln S) / ln n, d = 1 - e,
    w = d / Σ d."""
    s, t = np.asarray(sums, dtype=float), np.asarray(slogs, dtype=float)
    e = -(t / s - np.log(s)) / math.log(n)
    d = 1.0 - e
    return d / d.sum()


def first_component(cross: np.ndarray) -> tuple[np.ndarray, float, np.ndarray]:
    """From centred cross-products (k x k): the unit eigenvector of the correlation matrix with the largest
    eigenvalue, that eigenvalue, and the standard deviations' ratios (sqrt of the diagonal)."""
    root = np.sqrt(np.diag(cross))
    corr = cross / np.outer(root, root)
    values, vectors = np.linalg.eigh(corr)
    return vectors[:, -1], float(values[-1]), root


def floats(row: Sequence[Any]) -> list[float | None]:
    """Fetched values (Decimal, int, float, NULL) as floats."""
    return [None if v is None else float(v) for v in row]
