from __future__ import annotations

from collections.abc import Iterable
from typing import Any

import numpy as np
from sqlglot import exp

from wareflow.components.base import BuildContext, Component, Param
from wareflow.components.library import _composite as cs
from wareflow.components.registry import component
from wareflow.sql.relation import Column, Query, Rel, alias, col

# BigQuery ML options CARTO passes on (`modeloptions`) that ordinary least squares already is
MODEL_OPTIONS = {"DATA_SPLIT_METHOD": ("NO_SPLIT",), "OPTIMIZE_STRATEGY": ("NORMAL_EQUATION", "AUTO_STRATEGY")}
OUTLIER_FENCE = 1.5  # Tukey's fences: Q1 - 1.5 IQR .. Q3 + 1.5 IQR


@component("native.spatialcompositesupervised", title="Composite Score Supervised", category="Statistics")
class CompositeSupervised(Component):
    """A composite score per row as the residual of a regression: observed `modelvariablecolumn` minus
    its prediction from `inputpredictors` by ordinary least squares with an intercept. Output
    ``<index>``, ``spatial_score``; rows with a NULL predictor or response are dropped.

    The warehouse computes the means and the centred cross-products (XᵀX and Xᵀy of the centred data: one
    aggregate query, (k+1)(k+2)/2 numbers); the task solves the k x k system with numpy and writes the
    coefficients into the SQL: spatial_score = (y - ȳ) - Σ_k b_k (x_k - x̄_k). R² = bᵀXᵀy / Σ(y - ȳ)²;
    below `r2thr` the run fails (WF408 naming the R²), as it does with collinear predictors, a constant
    response or no more rows than coefficients.

    `bucketizemethod` EQUAL_INTERVALS_ZERO_CENTERED: nb equal buckets over [-M, M], bucket
    1 + floor(nb (r + M) / 2M) kept in 1..nb, M the largest |residual|; with `removeoutliers` the largest
    among residuals inside Tukey's fences [Q1 - 1.5 IQR, Q3 + 1.5 IQR] (quartiles the lower order
    statistics), the outliers staying in the output in the end buckets. `automaticnbuckets`:
    Freedman-Diaconis over 2M (ceil(2M / (2 IQR n^(-1/3))), at least 2).

    `modelregressor` LINEAR_REG only; `modeloptions` accepts DATA_SPLIT_METHOD NO_SPLIT and
    OPTIMIZE_STRATEGY NORMAL_EQUATION | AUTO_STRATEGY (what OLS on every row is), anything else is refused.
    Decisions where CARTO is silent: the R² failure, the outlier rule and the zero-centred buckets above;
    `removeoutliers` only shapes the buckets (the model is fitted on every row); no lookup table. CARTO
    fits a BigQuery ML model, whose coefficients agree with OLS up to its solver's precision."""

    fetches = True
    indexcol = Param.column(parent="source")
    inputpredictors = Param.columns(parent="source", requires="number")
    modelvariablecolumn = Param.column(parent="source", requires="number")
    modelregressor = Param.string(default="LINEAR_REG")
    modeloptions = Param("json", required=False)
    bucketizemethod = Param.selection(("NONE", "EQUAL_INTERVALS_ZERO_CENTERED"), default="NONE")
    automaticnbuckets = Param.boolean(default=False)
    nbuckets = Param("integer", default=5, ge=2, le=1000)
    removeoutliers = Param.boolean(default=True)
    r2thr = Param.number(default=0.5, ge=0, le=1)

    def problems(self) -> Iterable[tuple[str, str]]:
        if str(self.modelregressor).strip().upper() != "LINEAR_REG":
            yield "modelregressor", (f"only LINEAR_REG (ordinary least squares) is supported, got "
                                     f"{self.modelregressor!r}")
        yield from (("modeloptions", m) for m in _option_problems(self.modeloptions))
        names = [str(c).lower() for c in self.inputpredictors or ()]
        if len(set(names)) != len(names):
            yield "inputpredictors", "a predictor is listed twice"
        if str(self.modelvariablecolumn).lower() in names:
            yield "modelvariablecolumn", f"'{self.modelvariablecolumn}' is also a predictor"
        if str(self.indexcol).lower() in [*names, str(self.modelvariablecolumn).lower()]:
            yield "indexcol", f"the index column '{self.indexcol}' is also a variable of the model"

    def build(self, ctx: BuildContext, source: Rel) -> Query:  # type: ignore[override]
        index = source.resolve(self.indexcol)
        columns = [source.resolve(self.modelvariablecolumn), *(source.resolve(c) for c in self.inputpredictors)]
        width = len(columns)  # v1 the response, v2.. the predictors
        rows = cs.rows_step(ctx, source, index, columns)
        means = ctx.step("means", Query(exp.select(*(alias(exp.Avg(this=col(f"v{i + 1}")), f"mean{i + 1}")
                                                    for i in range(width))).from_(rows.table(), copy=False),
                                        tuple(Column(f"mean{i + 1}", "number") for i in range(width))))
        centred = [exp.Paren(this=exp.Sub(this=col(f"v{i + 1}", "r"), expression=col(f"mean{i + 1}", "m")))
                   for i in range(width)]
        pairs = [(i, j) for i in range(width) for j in range(i, width)]
        moments = exp.select(alias(exp.Count(this=exp.Star()), "n"), *(
            alias(exp.Sum(this=exp.Mul(this=centred[i].copy(), expression=centred[j].copy())), f"c{i + 1}_{j + 1}")
            for i, j in pairs)).from_(rows.table("r"), copy=False).join(means.table("m"), join_type="CROSS", copy=False)
        back = ctx.fetch("moments", Query(moments, (Column("n", "number"), *(
            Column(f"c{i + 1}_{j + 1}", "number") for i, j in pairs))))
        if back is None:
            coefficients: list[exp.Expr] = [ctx.placeholder(f"b{i}") for i in range(1, width)]
        else:
            coefficients = [cs.number(b) for b in self._solve(ctx, back[0], pairs, width, columns)]
        residual: exp.Expr = centred[0].copy()
        for i, b in enumerate(coefficients, start=1):
            residual = exp.Sub(this=residual, expression=exp.Mul(this=b, expression=centred[i].copy()))
        scored = ctx.step("scored", Query(exp.select(col("cell_id", "r"), alias(residual, "score")).from_(
            rows.table("r"), copy=False).join(means.table("m"), join_type="CROSS", copy=False),
            (rows.columns[0] if rows.columns else Column("cell_id"), Column("score", "number"))))
        query = exp.select(alias(col("cell_id", "c"), index)).from_(scored.table("c"), copy=False)
        value: exp.Expr = col("score", "c")
        if self.bucketizemethod == "EQUAL_INTERVALS_ZERO_CENTERED":
            spread = ctx.step("spread", Query(self._spread(scored), (Column("m", "number"),)))
            query = query.join(spread.table("s"), join_type="CROSS", copy=False)
            m = col("m", "s")
            value = cs.equal_interval_bucket(ctx, value, exp.Neg(this=m), exp.Mul(
                this=exp.Literal.number(2), expression=m.copy()), self._nbuckets(ctx, scored, spread))
        query.select(alias(value, "spatial_score"), copy=False)
        return ctx.finish(Query(query, (Column(index, source.type_of(index)), Column("spatial_score", "number"))))

    def _solve(self, ctx: BuildContext, row: tuple[Any, ...], pairs: list[tuple[int, int]], width: int,
               columns: list[str]) -> np.ndarray:
        """The coefficients b from the fetched centred moments; WF408 when the fit is undefined or its R² is
        below `r2thr`."""
        n, *values = cs.floats(row)
        k = width - 1
        if not n or n <= k + 1:
            raise ctx.fail("WF408", f"{int(n or 0)} rows without NULLs for {k} predictors and an intercept; the "
                                    "regression needs more rows than coefficients", "inputpredictors")
        cross = np.zeros((width, width))
        for (i, j), v in zip(pairs, values, strict=True):
            cross[i, j] = cross[j, i] = v or 0.0
        xx, xy, yy = cross[1:, 1:], cross[1:, 0], cross[0, 0]
        if not yy > 0:
            raise ctx.fail("WF408", f"the response '{columns[0]}' is constant; there is nothing to explain",
                           "modelvariablecolumn")
        scale = np.sqrt(np.diag(xx))
        if not np.all(scale > 0) or np.linalg.cond(xx / np.outer(scale, scale)) > 1e12:
            raise ctx.fail("WF408", "the predictors are collinear (or one is constant): the coefficients are "
                                    "not determined; leave the redundant predictor out", "inputpredictors")
        b = np.linalg.solve(xx, xy)
        r2 = float(b @ xy / yy)
        if r2 < self.r2thr:
            raise ctx.fail("WF408", f"the regression's R² is {r2:.4f}, below the threshold {self.r2thr:g}: the "
                                    "predictors explain too little of the response for residuals to mean much",
                           "r2thr", hint="add predictors, or lower 'r2thr'")
        return b

    def _spread(self, scored: Rel) -> exp.Select:
        """M: the largest |residual| (inside Tukey's fences with `removeoutliers`)."""
        query = exp.select(alias(exp.Max(this=exp.Abs(this=col("score", "c"))), "m")).from_(
            scored.table("c"), copy=False)
        if self.removeoutliers:
            query = query.join(cs.order_statistics(scored).subquery("q"), join_type="CROSS", copy=False)
            iqr = exp.Paren(this=exp.Sub(this=col("q3", "q"), expression=col("q1", "q")))
            fence = exp.Mul(this=exp.Literal.number(repr(OUTLIER_FENCE)), expression=iqr)
            query = query.where(exp.Between(this=col("score", "c"), low=exp.Sub(this=col("q1", "q"), expression=fence),
                                            high=exp.Add(this=col("q3", "q"), expression=fence.copy())), copy=False)
        return query

    def _nbuckets(self, ctx: BuildContext, scored: Rel, spread: Rel) -> exp.Expr:
        if not self.automaticnbuckets:
            return exp.Literal.number(self.nbuckets)
        # the spread is one row: MAX keeps it beside the other aggregates
        stats = cs.order_statistics(scored).join(spread.table("s"), join_type="CROSS", copy=False).select(
            alias(exp.Max(this=col("m", "s")), "m"), copy=False)
        back = ctx.fetch("score_stats", Query(stats, (*cs.STATS_COLUMNS, Column("m", "number"))))
        if back is None:
            return ctx.placeholder("nbuckets")
        n, _, _, q1, q3, m = (v or 0.0 for v in cs.floats(back[0]))
        return exp.Literal.number(cs.freedman_diaconis(n, 2 * m, q1, q3))


def _option_problems(options: Any) -> Iterable[str]:
    if options is None:
        return
    if not isinstance(options, dict):
        yield f'expected a JSON object like {{"DATA_SPLIT_METHOD": "NO_SPLIT"}}, got {options!r}'
        return
    for key, value in options.items():
        allowed = MODEL_OPTIONS.get(str(key).upper())
        if allowed is None:
            yield (f"option {key!r} is not supported (ordinary least squares on every row; accepted: "
                   f"{', '.join(MODEL_OPTIONS)})")
        elif str(value).upper() not in allowed:
            yield f"{key} {value!r} is not supported; accepted: {', '.join(allowed)}"
