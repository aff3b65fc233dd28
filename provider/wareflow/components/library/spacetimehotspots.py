from __future__ import annotations

from collections.abc import Iterator, Sequence
from statistics import NormalDist

from sqlglot import exp

from wareflow.components.base import BuildContext, Component, Param
from wareflow.components.library._trend import floor_div, number
from wareflow.components.registry import component
from wareflow.sql.relation import Column, Query, Rel, alias, col
from wareflow.sql.stats import two_tailed_p

THRESHOLDS = (0.01, 0.05, 0.1, 1.0)
ALGORITHMS = ("Mann-Kendall", "Modified Mann-Kendall", "mk", "mmk")
_MODIFIED = {"Modified Mann-Kendall", "mmk"}


def _c(name: str, table: str | None = None) -> exp.Column:
    return col(name, table)


def _case(*branches: tuple[exp.Expr, exp.Expr], default: exp.Expr | None = None) -> exp.Case:
    return exp.Case(ifs=[exp.If(this=c, true=v) for c, v in branches], default=default)


def _sub(a: exp.Expr, b: exp.Expr) -> exp.Expr:
    return exp.Sub(this=a, expression=b)


def _mul(*factors: exp.Expr) -> exp.Expr:
    total = factors[0]
    for f in factors[1:]:
        total = exp.Mul(this=total, expression=f)
    return total


def _p(e: exp.Expr) -> exp.Paren:
    return exp.Paren(this=e)


def _derived(query: exp.Select, name: str) -> exp.Subquery:
    return exp.Subquery(this=query, alias=exp.TableAlias(this=exp.to_identifier(name)))


def _window(func: exp.Expr, partition: Sequence[exp.Expr], order: list[exp.Ordered] | None = None) -> exp.Window:
    return exp.Window(this=func, partition_by=list(partition),
                      order=exp.Order(expressions=order) if order else None)


@component("native.spacetimehotspotsclassification", title="Space-Time Hotspots Classification",
           category="Statistics")
class SpaceTimeHotspotsClassification(Component):
    """Classify each cell's series of space-time Gi* results into emerging hot- and coldspot patterns,
    with a Mann-Kendall trend test of its gi series. Output ``<indexcol>`` (the name kept),
    ``classification``, ``tau``, ``tau_p``.

    The series of a cell is its rows ordered by date (t = 1..n; rows with a NULL index, date, gi or p-value
    are dropped first; equal dates are ordered by gi). hot_t = p_t < threshold and gi_t > 0; cold_t =
    p_t < threshold and gi_t < 0; H and C count the hot and cold steps. "At least 90 %" means 10·H >= 9·n.
    The trend is significant when tau_p < threshold, upward when tau > 0.

    Mann-Kendall (``Mann-Kendall``, ``mk``): S = sum over i < j of sign(x_j - x_i);
    Var(S) = (n(n-1)(2n+5) - sum over tie groups of t(t-1)(2t+5)) / 18; tau = S / (n(n-1)/2);
    Z = (S - 1)/sqrt(Var) if S > 0, 0 if S = 0, (S + 1)/sqrt(Var) if S < 0; tau_p = 2 (1 - Phi(|Z|)).
    Modified Mann-Kendall (``Modified Mann-Kendall``, ``mmk``; Hamed & Rao 1998, as pyMannKendall 1.4.3's
    ``hamed_rao_modification_test`` computes it): Sen's slope b = median over i < j of (x_j - x_i)/(j - i);
    R = average ranks of x_t - b·t; rho_k the autocorrelation of R at lag k (sums of products of deviations
    from the mean, over the sum at lag 0); only lags with |rho_k| > Phi^-1(1 - alpha/2)/sqrt(n) count, alpha
    being `threshold` (pyMannKendall's ``alpha``; the same level for the series' autocorrelation as for the
    trend); Var*(S) = Var(S)·(1 + 2/(n(n-1)(n-2))·sum_k (n-k)(n-k-1)(n-k-2) rho_k); Z and tau_p from Var*.
    Where Var or Var* is not positive with S != 0 (or n < 3 for the modified test), tau_p is NULL.

    Classes, the first rule that holds (hotspots, then the same rules for coldspots with cold_t, C and
    the trend's direction reversed):
    - ``historical hotspot``: not hot at t = n, n >= 2, 10·H >= 9·(n - 1) (90 % of the earlier steps hot);
    - ``new hotspot``: hot at t = n only (H = 1);
    - ``consecutive hotspot``: hot at t = n, the hot steps one unbroken run ending at t = n, 10·H < 9·n;
    - ``intensifying hotspot``: hot at t = n, 10·H >= 9·n, a significant upward trend;
    - ``persistent hotspot``: hot at t = n, 10·H >= 9·n, no significant trend;
    - ``diminishing hotspot``: hot at t = n, 10·H >= 9·n, a significant downward trend;
    - ``oscillating hotspot``: hot at t = n, 10·H < 9·n, cold at some step;
    - ``sporadic hotspot``: hot at t = n, 10·H < 9·n, never cold;
    and ``undetected pattern`` otherwise. The rule order is ESRI-like (CARTO does not publish its own);
    a cell whose last step is cold after 90 % hot steps is therefore a historical hotspot."""

    indexcol = Param.column(parent="source")
    datecol = Param.column(parent="source", requires="date")
    valuecol = Param.column(parent="source", requires="number", default="gi")
    pvaluecol = Param.column(parent="source", requires="number", default="p_value")
    threshold = Param.number(default=0.05)
    algorithm = Param.selection(ALGORITHMS, default="Mann-Kendall")

    def problems(self) -> Iterator[tuple[str, str]]:
        if not any(abs(float(self.threshold) - t) < 1e-12 for t in THRESHOLDS):
            yield "threshold", f"expected one of 0.01, 0.05, 0.1, 1, got {self.threshold!r}"

    def build(self, ctx: BuildContext, source: Rel) -> Query:  # type: ignore[override]
        index, date = source.resolve(self.indexcol), source.resolve(self.datecol)
        value, pvalue = source.resolve(self.valuecol), source.resolve(self.pvaluecol)
        number_type, cell_type = ctx.type("number"), source.type_of(index)
        threshold = exp.Literal.number(repr(float(self.threshold)))
        # step 1: each cell's series, numbered by date, with its ranks (for the tie groups) and length
        cell, x = source.col(index), exp.Cast(this=source.col(value), to=number_type)
        partition = [cell.copy()]
        valid = exp.and_(*(exp.Not(this=exp.Is(this=c, expression=exp.Null())) for c in (
            cell.copy(), source.col(date), source.col(value), source.col(pvalue))))
        series = ctx.step("series", Query(exp.select(
            alias(cell.copy(), "cell"), alias(x, "x"), alias(exp.Cast(this=source.col(pvalue), to=number_type), "p"),
            alias(_window(exp.RowNumber(), partition, [exp.Ordered(this=source.col(date)),
                                                       exp.Ordered(this=x.copy())]), "t"),
            alias(_window(exp.Rank(), [cell.copy()], [exp.Ordered(this=x.copy())]), "rank_up"),
            alias(_window(exp.Rank(), [cell.copy()], [exp.Ordered(this=x.copy(), desc=True)]), "rank_down"),
            alias(_window(exp.Count(this=exp.Star()), [cell.copy()]), "steps"),
        ).from_(source.table(), copy=False).where(valid, copy=False), (
            Column("cell", cell_type), Column("x", "number"), Column("p", "number"),
            *(Column(c, "integer") for c in ("t", "rank_up", "rank_down", "steps")))))
        # step 2: per cell, the counts the classes need and the Mann-Kendall variance
        hot = exp.and_(exp.LT(this=_c("p"), expression=threshold.copy()), exp.GT(this=_c("x"), expression=number(0)))
        cold = exp.and_(exp.LT(this=_c("p"), expression=threshold.copy()), exp.LT(this=_c("x"), expression=number(0)))
        ties = _p(_sub(exp.Add(this=_c("steps"), expression=number(2)),
                       _p(exp.Add(this=_c("rank_up"), expression=_c("rank_down")))))
        n = exp.Cast(this=exp.Count(this=exp.Star()), to=number_type)

        def count_of(flag: exp.Expr) -> exp.Expr:
            return exp.Sum(this=_case((flag, number(1)), default=number(0)))

        def last_of(flag: exp.Expr) -> exp.Expr:
            return exp.Max(this=_case((flag, _c("t"))))

        summary = ctx.step("summary", Query(exp.select(
            _c("cell"), alias(n, "n"),
            alias(count_of(hot), "hot"), alias(last_of(hot.copy()), "last_hot"),
            alias(last_of(exp.Not(this=_p(hot.copy()))), "last_not_hot"),
            alias(count_of(cold), "cold"), alias(last_of(cold.copy()), "last_cold"),
            alias(last_of(exp.Not(this=_p(cold.copy()))), "last_not_cold"),
            # sum  over tie groups of t(t-1)(2t+5) = sum  over rows of (t-1)(2t+5), t the row's group size
            alias(exp.Sum(this=_mul(_p(_sub(ties, number(1))), _p(exp.Add(this=_mul(number(2), ties.copy()),
                                                                              expression=number(5))))), "tie_term"),
        ).from_(series.table(), copy=False).group_by(_c("cell"), copy=False), (
            Column("cell", cell_type), *(Column(c, "number") for c in (
                "n", "hot", "last_hot", "last_not_hot", "cold", "last_cold", "last_not_cold", "tie_term")))))
        # step 3: every ordered pair of a cell's steps: S and Sen's slope
        pair_on = exp.and_(exp.EQ(this=_c("cell", "b"), expression=_c("cell", "a")),
                           exp.LT(this=_c("t", "a"), expression=_c("t", "b")))
        score = exp.Sum(this=_case((exp.GT(this=_c("x", "b"), expression=_c("x", "a")), number(1)),
                                   (exp.LT(this=_c("x", "b"), expression=_c("x", "a")), exp.Neg(this=number(1))),
                                   default=number(0)))
        scores = ctx.step("scores", Query(
            exp.select(alias(_c("cell", "a"), "cell"), alias(score, "s")).from_(series.table("a"), copy=False)
            .join(series.table("b"), on=pair_on, join_type="INNER", copy=False).group_by(_c("cell", "a"), copy=False),
            (Column("cell", cell_type), Column("s", "number"))))
        var_s: exp.Expr = exp.Div(this=_p(_sub(_mul(_c("n", "m"), _p(_sub(_c("n", "m"), number(1))), _p(exp.Add(
            this=_mul(number(2), _c("n", "m")), expression=number(5)))), _c("tie_term", "m"))),
            expression=number(18))
        variance: Rel | None = None
        if self.algorithm in _MODIFIED:
            variance = self._variance_step(ctx, series, summary, pair_on, cell_type)
            m = _c("n", "m")
            factor = exp.Add(this=number(1), expression=_mul(exp.Div(this=number("2.0"), expression=exp.Nullif(
                this=_mul(m, _p(_sub(m.copy(), number(1))), _p(_sub(m.copy(), number(2)))), expression=number(0))),
                _c("sni", "v")))
            var_s = exp.Mul(this=_p(var_s), expression=_p(factor))
        s = _c("s", "k")
        n_pairs = exp.Div(this=_p(_mul(_c("n", "m"), _p(_sub(_c("n", "m"), number(1))))), expression=number(2))
        trend_query = exp.select(
            _c("cell", "m"), *(_c(c, "m") for c in ("n", "hot", "last_hot", "last_not_hot", "cold", "last_cold",
                                                    "last_not_cold")),
            alias(s.copy(), "s"), alias(exp.Div(this=exp.Coalesce(this=s.copy(), expressions=[number(0)]),
                                                expression=exp.Nullif(this=n_pairs, expression=number(0))), "tau"),
            alias(var_s, "var_s")).from_(summary.table("m"), copy=False).join(
            scores.table("k"), on=exp.EQ(this=_c("cell", "k"), expression=_c("cell", "m")), join_type="LEFT",
            copy=False)
        if variance is not None:
            trend_query = trend_query.join(variance.table("v"), on=exp.EQ(
                this=_c("cell", "v"), expression=_c("cell", "m")), join_type="LEFT", copy=False)
        trend = ctx.step("trend", Query(trend_query, None))
        s_value = exp.Coalesce(this=_c("s"), expressions=[number(0)])
        root = exp.Sqrt(this=_case((exp.GT(this=_c("var_s"), expression=number(0)), _c("var_s"))))
        z = _case((exp.LT(this=_c("n"), expression=number(2)), exp.Null()),
                  (exp.GT(this=s_value, expression=number(0)), exp.Div(this=_p(_sub(_c("s"), number(1))),
                                                                       expression=root)),
                  (exp.LT(this=s_value.copy(), expression=number(0)), exp.Div(this=_p(exp.Add(
                      this=_c("s"), expression=number(1))), expression=root.copy())),
                  (exp.Not(this=exp.Is(this=_c("var_s"), expression=exp.Null())), number(0)))
        tested = exp.select(*trend.star(), alias(z, "z")).from_(trend.table(), copy=False)
        with_p = exp.select(exp.Column(this=exp.Star(), table=exp.to_identifier("_wf_tested")),
                            alias(two_tailed_p(_c("z")), "tau_p")).from_(_derived(tested, "_wf_tested"), copy=False)
        result = exp.select(alias(_c("cell"), index), alias(self._classes(threshold), "classification"),
                            _c("tau"), _c("tau_p")).from_(_derived(with_p, "_wf_trend"), copy=False)
        return ctx.finish(Query(result, (Column(index, cell_type), Column("classification", "string"),
                                         Column("tau", "number"), Column("tau_p", "number"))))

    def _variance_step(self, ctx: BuildContext, series: Rel, summary: Rel, pair_on: exp.Expr, cell_type: str) -> Rel:
        """Step ``variance``: per cell, sni = sum  (n-k)(n-k-1)(n-k-2) rho_k of Hamed & Rao (n/n* = 1 + 2 sni /
        (n(n-1)(n-2)))."""
        slope = exp.Div(this=_p(_sub(_c("x", "b"), _c("x", "a"))), expression=_p(_sub(_c("t", "b"), _c("t", "a"))))
        ranked = exp.select(
            alias(_c("cell", "a"), "cell"), alias(slope, "slope"),
            alias(_window(exp.RowNumber(), [_c("cell", "a")], [exp.Ordered(this=slope.copy())]), "k"),
            alias(_window(exp.Count(this=exp.Star()), [_c("cell", "a")]), "pairs"),
        ).from_(series.table("a"), copy=False).join(series.table("b"), on=pair_on.copy(), join_type="INNER",
                                                     copy=False)
        slopes = ctx.step("slopes", Query(ranked, (Column("cell", cell_type), Column("slope", "number"),
                                                   Column("k", "integer"), Column("pairs", "integer"))),
                          shape="fanout")
        # the median: the mean of the pair slopes at ranks ⌊(c+1)/2⌋ and ⌊c/2⌋+1 (the same when c is odd)
        middle = exp.or_(exp.EQ(this=_c("k"), expression=floor_div(exp.Add(this=_c("pairs"), expression=number(1)), 2)),
                         exp.EQ(this=_c("k"), expression=exp.Add(this=floor_div(_c("pairs"), 2),
                                                                   expression=number(1))))
        sen = ctx.step("sen", Query(exp.select(_c("cell"), alias(exp.Avg(this=_c("slope")), "slope")).from_(
            slopes.table(), copy=False).where(middle, copy=False).group_by(_c("cell"), copy=False),
            (Column("cell", cell_type), Column("slope", "number"))))
        # average ranks of the detrended series, as deviations from their mean (n + 1)/2
        detrended = _sub(_c("x", "r"), exp.Mul(this=_c("t", "r"), expression=_c("slope", "e")))
        order_up = [exp.Ordered(this=detrended)]
        order_down = [exp.Ordered(this=detrended.copy(), desc=True)]
        part = [_c("cell", "r")]
        average_rank = exp.Div(this=_p(exp.Add(this=_window(exp.Rank(), part, order_up), expression=_sub(
            exp.Add(this=_c("steps", "r"), expression=number(1)), _window(exp.Rank(), [p.copy() for p in part],
                                                                      order_down)))), expression=number("2.0"))
        deviation = _sub(average_rank, exp.Div(this=_p(exp.Add(this=_c("steps", "r"), expression=number(1))),
                                               expression=number("2.0")))
        ranks = ctx.step("ranks", Query(exp.select(
            alias(_c("cell", "r"), "cell"), alias(_c("t", "r"), "t"), alias(deviation, "y"),
        ).from_(series.table("r"), copy=False).join(
            sen.table("e"), on=exp.EQ(this=_c("cell", "e"), expression=_c("cell", "r")), join_type="INNER",
            copy=False), (Column("cell", cell_type), Column("t", "integer"), Column("y", "number"))))
        # autocovariance sums by lag (lag 0 included)
        lag = _sub(_c("t", "b"), _c("t", "a"))
        acov = ctx.step("autocovariance", Query(exp.select(
            alias(_c("cell", "a"), "cell"), alias(lag, "gap"),
            alias(exp.Sum(this=exp.Mul(this=_c("y", "a"), expression=_c("y", "b"))), "acov"),
        ).from_(ranks.table("a"), copy=False).join(ranks.table("b"), on=exp.and_(
            exp.EQ(this=_c("cell", "b"), expression=_c("cell", "a")),
            exp.LTE(this=_c("t", "a"), expression=_c("t", "b"))), join_type="INNER", copy=False)
            .group_by(_c("cell", "a"), lag.copy(), copy=False),
            (Column("cell", cell_type), Column("gap", "integer"), Column("acov", "number"))), shape="fanout")
        # sum  (n-k)(n-k-1)(n-k-2) rho_k over the lags k >= 1 whose |rho_k| passes the significance interval
        z_crit = NormalDist().inv_cdf(1 - float(self.threshold) / 2)
        n = _c("n", "m")
        rho = exp.Div(this=_c("acov", "c"), expression=exp.Nullif(this=_c("acov", "z"), expression=number(0)))
        interval = exp.Div(this=exp.Literal.number(repr(z_crit)), expression=exp.Sqrt(this=n.copy()))
        k = _c("gap", "c")
        term = _mul(_p(_sub(n.copy(), k)), _p(_sub(_sub(n.copy(), k.copy()), number(1))),
                    _p(_sub(_sub(n.copy(), k.copy()), number(2))), rho)
        sums = exp.select(
            alias(_c("cell", "m"), "cell"),
            alias(exp.Sum(this=_case((exp.and_(exp.GTE(this=k.copy(), expression=number(1)),
                                                exp.GT(this=exp.Abs(this=rho.copy()), expression=interval)), term),
                                     default=number(0))), "sni"),
        ).from_(summary.table("m"), copy=False).join(
            acov.table("z"), on=exp.and_(exp.EQ(this=_c("cell", "z"), expression=_c("cell", "m")),
                                         exp.EQ(this=_c("gap", "z"), expression=number(0))),
            join_type="INNER", copy=False).join(
            acov.table("c"), on=exp.EQ(this=_c("cell", "c"), expression=_c("cell", "m")), join_type="INNER",
            copy=False).group_by(_c("cell", "m"), copy=False)
        variance = ctx.step("variance", Query(sums, (Column("cell", cell_type), Column("sni", "number"))))
        return variance

    def _classes(self, threshold: exp.Expr) -> exp.Case:
        n, ten, nine = _c("n"), number(10), number(9)
        branches: list[tuple[exp.Expr, exp.Expr]] = []
        for kind, count, last, last_not, other, up in (
                ("hotspot", "hot", "last_hot", "last_not_hot", "cold", True),
                ("coldspot", "cold", "last_cold", "last_not_cold", "hot", False)):
            c = _c(count)
            at_last = exp.EQ(this=exp.Coalesce(this=_c(last), expressions=[number(0)]), expression=n.copy())
            mostly = exp.GTE(this=_mul(ten.copy(), c.copy()), expression=_mul(nine.copy(), n.copy()))
            seldom = exp.LT(this=_mul(ten.copy(), c.copy()), expression=_mul(nine.copy(), n.copy()))
            sig = exp.and_(exp.Not(this=exp.Is(this=_c("tau_p"), expression=exp.Null())),
                           exp.LT(this=_c("tau_p"), expression=threshold.copy()))
            rising = exp.GT(this=_c("tau"), expression=number(0))
            falling = exp.LT(this=_c("tau"), expression=number(0))
            toward, away = (rising, falling) if up else (falling, rising)
            rules = [
                ("historical", exp.and_(exp.Not(this=_p(at_last.copy())), exp.GTE(this=n.copy(), expression=number(2)),
                                        exp.GTE(this=_mul(ten.copy(), c.copy()),
                                                expression=_mul(nine.copy(), _p(_sub(n.copy(), number(1))))))),
                ("new", exp.and_(at_last.copy(), exp.EQ(this=c.copy(), expression=number(1)))),
                ("consecutive", exp.and_(at_last.copy(), seldom.copy(), exp.EQ(this=c.copy(), expression=_sub(
                    n.copy(), exp.Coalesce(this=_c(last_not), expressions=[number(0)]))))),
                ("intensifying", exp.and_(at_last.copy(), mostly.copy(), sig.copy(), toward)),
                ("persistent", exp.and_(at_last.copy(), mostly.copy(), exp.Not(this=_p(sig.copy())))),
                ("diminishing", exp.and_(at_last.copy(), mostly.copy(), sig.copy(), away)),
                ("oscillating", exp.and_(at_last.copy(), seldom.copy(), exp.GT(this=_c(other), expression=number(0)))),
                ("sporadic", exp.and_(at_last.copy(), seldom.copy(), exp.EQ(this=_c(other), expression=number(0)))),
            ]
            branches += [(condition, exp.Literal.string(f"{name} {kind}")) for name, condition in rules]
        return _case(*branches, default=exp.Literal.string("undetected pattern"))
