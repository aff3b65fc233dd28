from __future__ import annotations

import math
from collections.abc import Iterable

import numpy as np
from sqlglot import exp

from wareflow.components.base import BuildContext, ColumnName, Component, Param
from wareflow.components.library import _composite as cs
from wareflow.components.library._composite import Variable
from wareflow.components.registry import component
from wareflow.sql.relation import Column, Query, Rel, alias, col

METHODS = ("ENTROPY", "CUSTOM_WEIGHTS", "FIRST_PC")
FORMATS = ("NONE", "EQUAL_INTERVALS", "QUANTILES", "JENKS", "RETURN_RANGE")


@component("native.spatialcompositeunsupervised", title="Composite Score Unsupervised", category="Statistics")
class CompositeUnsupervised(Component):
    """A composite score per row from several variables: scaled, weighted and aggregated (CUSTOM_WEIGHTS),
    weighted by their entropy (ENTROPY), or their first principal component (FIRST_PC). Output
    ``<index>``, ``spatial_score``; rows with a NULL variable are dropped.

    Variables: the columns of `weights` (``[["col", weight, reverse], ...]``; numbers and booleans may be
    strings) for every method; when `weights` is absent (the canvas hides it for ENTROPY and FIRST_PC),
    every numeric input column but the index (and `correlationvar`). The weights count for
    CUSTOM_WEIGHTS only, normalised to sum 1; `scaling` and `aggregation` too (as the canvas shows them).

    - CUSTOM_WEIGHTS: s_k the variable scaled by `scaling`: MIN_MAX_SCALER (x - min) / (max - min);
      STANDARD_SCALER (x - mean) / sd (population sd); RANKING PERCENT_RANK() = (rank - 1) / (n - 1), ties
      at their lowest rank; DISTANCE_TO_TARGET_MIN|MAX|AVG x / min|max|mean; PROPORTION x / sum. Reversed:
      (max - x) / (max - min), -s, the percent rank in descending order, 1 - s for the ratio scalings.
      LINEAR score = Σ w_k s_k; GEOMETRIC Π s_k^w_k (0 when some s_k = 0, NULL when some s_k < 0).
    - ENTROPY: s_k min-max scaled (reversed as above); p_ik = s_ik / Σ_i s_ik; e_k = -Σ_i p_ik ln p_ik / ln n;
      w_k = (1 - e_k) / Σ (1 - e_j); score = Σ_k w_k p_ik. Σ s and Σ s ln s come back from the warehouse
      (one aggregate query); the weights are computed in the task and written into the SQL.
    - FIRST_PC: z_k = (x_k - mean_k) / sd_k; score = Σ_k a_k z_k, a the unit eigenvector of the
      correlation matrix with the largest eigenvalue (centred cross-products come back: (k+1)² numbers).
      Its sign makes the score's correlation with `correlationvar` positive (without one: the loadings
      sum > 0). A variable whose |correlation with the score| (loading a_k sqrt(λ1)) is below
      `correlationthr` fails the run (WF408 naming it). `reverse` does not change a principal component.

    `outputformatting`: NONE the score; RETURN_RANGE min-max rescaled to `returnrange` [a, b];
    EQUAL_INTERVALS bucket 1 + floor(nb (score - min) / (max - min)) (the maximum in bucket nb);
    QUANTILES bucket 1 + floor(nb (RANK() - 1) / n) (ties share a bucket); JENKS Fisher's optimal
    classes (minimal within-class sum of squares) on a summary fetched from the warehouse: one
    (value, count) per distinct score when there are at most 1,000 (exact), else 1,000 groups of equal
    size in score order (approximate), a score in bucket j when it is <= the j-th break. With
    `automaticnbuckets` (EQUAL_INTERVALS only) nb follows Freedman-Diaconis: ceil((max - min) /
    (2 IQR n^(-1/3))), at least 2 (Sturges when the IQR is 0), quartiles the lower order statistics.

    Decisions where CARTO is silent: every formula above where it differs from the textbook; no
    ``_lookup_table`` of bucket bounds (one output); fewer distinct scores than buckets give fewer Jenks
    buckets; a zero denominator in a scaling gives NULL scores. CARTO may differ in the sd (population
    here), the ranking of ties, the reverse of the ratio scalings, the FIRST_PC threshold (CARTO may drop
    the variable instead of failing) and the bucket edges."""

    fetches = True
    indexcol = Param.column(parent="source")
    scoringmethod = Param.selection(METHODS, default="ENTROPY")
    weights = Param("json", required=False)
    scaling = Param.selection(cs.SCALINGS, default="MIN_MAX_SCALER")
    aggregation = Param.selection(("LINEAR", "GEOMETRIC"), default="LINEAR")
    correlationvar = Param.column(parent="source", required=False, requires="number")
    correlationthr = Param.number(default=0.2, ge=0, le=1)
    outputformatting = Param.selection(FORMATS, default="NONE")
    returnrange = Param("json", default=[0.0, 1.0])
    automaticnbuckets = Param.boolean(default=False)
    nbuckets = Param("integer", default=5, ge=2, le=1000)

    def problems(self) -> Iterable[tuple[str, str]]:
        try:
            listed = cs.read_weights(self.weights, "weights")
        except ValueError as exc:
            yield "weights", str(exc)
            listed = ()
        if self.scoringmethod == "CUSTOM_WEIGHTS":
            if self.weights is None:
                yield "weights", "CUSTOM_WEIGHTS needs the variables and their weights"
            elif listed and sum(v.weight for v in listed) <= 0:
                yield "weights", "the weights sum to 0; give at least one a positive weight"
        if self.outputformatting == "RETURN_RANGE":
            try:
                cs.read_range(self.returnrange)
            except ValueError as exc:
                yield "returnrange", str(exc)
        if self.correlationvar and str(self.correlationvar).lower() == str(self.indexcol).lower():
            yield "correlationvar", "the correlation variable cannot be the index column"

    # --- the variables -----------------------------------------------------------------------------
    def variables(self, source: Rel, index: str) -> list[Variable]:
        listed = cs.read_weights(self.weights, "weights")
        if listed:
            return [Variable(source.resolve(v.column), v.weight, v.reverse) for v in listed]
        known = source.known_columns("to use every numeric column as a variable (no 'weights' given)")
        skip = {index.lower(), str(self.correlationvar or "").lower()}
        return [Variable(c.name) for c in known if c.type == "number" and c.name.lower() not in skip]

    def build(self, ctx: BuildContext, source: Rel) -> Query:  # type: ignore[override]
        index = source.resolve(self.indexcol)
        variables = self.variables(source, index)
        if not variables:
            raise ctx.fail("WF203", "no numeric variable to score; list them in 'weights'", "weights")
        columns = [v.column for v in variables]
        reference = None
        if self.scoringmethod == "FIRST_PC" and self.correlationvar:
            reference = source.resolve(self.correlationvar)
            if reference.lower() not in {c.lower() for c in columns}:
                columns.append(ColumnName(reference, "correlationvar"))
        rows = cs.rows_step(ctx, source, index, columns)
        if self.scoringmethod == "CUSTOM_WEIGHTS":
            scored = self._custom(ctx, rows, variables)
        elif self.scoringmethod == "ENTROPY":
            scored = self._entropy(ctx, rows, variables)
        else:
            ref = None if reference is None else [c.lower() for c in columns].index(reference.lower())
            scored = self._first_pc(ctx, rows, variables, len(columns), ref)
        return ctx.finish(self._format(ctx, scored, index, source.type_of(index)))

    # --- scoring methods ---------------------------------------------------------------------------
    def _custom(self, ctx: BuildContext, rows: Rel, variables: list[Variable]) -> Rel:
        scaled = cs.scale(ctx, rows, variables, self.scaling)
        sum_w = sum(v.weight for v in variables)
        weights = [cs.number(v.weight / sum_w) for v in variables]
        s = [exp.column(f"s{i + 1}", "c") for i in range(len(variables))]
        if self.aggregation == "LINEAR":
            score = cs.total([exp.Mul(this=w, expression=x) for w, x in zip(weights, s, strict=True)])
        else:
            score = cs.geometric(weights, s)
        return self._scored(ctx, scaled, score)

    def _entropy(self, ctx: BuildContext, rows: Rel, variables: list[Variable]) -> Rel:
        k = len(variables)
        scaled = cs.scale(ctx, rows, variables, "MIN_MAX_SCALER")
        sums = []
        for i in range(k):
            s = col(f"s{i + 1}")
            positive = exp.Case(ifs=[exp.If(this=exp.GT(this=s.copy(), expression=exp.Literal.number(0)),
                                            true=s.copy())])
            slog = exp.Coalesce(this=exp.Mul(this=s.copy(), expression=exp.Ln(this=positive)),
                                expression=exp.Literal.number("0.0"))
            sums += [alias(exp.Sum(this=s), f"total{i + 1}"), alias(exp.Sum(this=slog), f"slog{i + 1}")]
        query = exp.select(alias(exp.Count(this=exp.Star()), "n"), *sums).from_(scaled.table(), copy=False)
        rows_back = ctx.fetch("entropy", Query(query, (Column("n", "number"), *(
            Column(f"{a}{i + 1}", "number") for i in range(k) for a in ("total", "slog")))))
        if rows_back is None:
            weights = [ctx.placeholder(f"weight{i + 1}") for i in range(k)]
            totals = [ctx.placeholder(f"total{i + 1}") for i in range(k)]
        else:
            n, *rest = cs.floats(rows_back[0])
            if not n or n < 2:
                raise ctx.fail("WF408", f"ENTROPY needs at least 2 rows without NULL variables, got {int(n or 0)}",
                               "weights")
            total_values, slogs = rest[0::2], rest[1::2]
            for var, t in zip(variables, total_values, strict=True):
                if not t:
                    raise ctx.fail("WF408", f"variable '{var.column}' is constant over the {int(n)} rows: its "
                                            "entropy weight is undefined; leave it out", "weights")
            w = cs.entropy_weights(n, total_values, slogs)  # type: ignore[arg-type]
            if not np.all(np.isfinite(w)):
                raise ctx.fail("WF408", "the entropy weights are undefined (every variable is evenly spread)",
                               "weights")
            weights = [cs.number(x) for x in w]
            totals = [cs.number(t) for t in total_values]  # type: ignore[arg-type]
        score = cs.total([cs.div(exp.Mul(this=w, expression=exp.column(f"s{i + 1}", "c")), t)
                          for i, (w, t) in enumerate(zip(weights, totals, strict=True))])
        return self._scored(ctx, scaled, score)

    def _first_pc(self, ctx: BuildContext, rows: Rel, variables: list[Variable], width: int, ref: int | None) -> Rel:
        k = len(variables)
        stats = ctx.step("pc_stats", Query(exp.select(
            *(alias(exp.Avg(this=col(f"v{i + 1}")), f"mean{i + 1}") for i in range(width)),
            *(alias(exp.StddevPop(this=col(f"v{i + 1}")), f"sd{i + 1}") for i in range(width)),
        ).from_(rows.table(), copy=False), tuple(Column(f"{a}{i + 1}", "number") for a in ("mean", "sd")
                                                 for i in range(width))))
        centred = [exp.Paren(this=exp.Sub(this=exp.column(f"v{i + 1}", "r"),
                                          expression=exp.column(f"mean{i + 1}", "t"))) for i in range(width)]
        pairs = [(i, j) for i in range(width) for j in range(i, width)]
        query = exp.select(alias(exp.Count(this=exp.Star()), "n"), *(
            alias(exp.Sum(this=exp.Mul(this=centred[i].copy(), expression=centred[j].copy())), f"c{i + 1}_{j + 1}")
            for i, j in pairs)).from_(rows.table("r"), copy=False).join(stats.table("t"), join_type="CROSS", copy=False)
        back = ctx.fetch("moments", Query(query, (Column("n", "number"), *(
            Column(f"c{i + 1}_{j + 1}", "number") for i, j in pairs))))
        if back is None:
            loadings: list[exp.Expr] = [ctx.placeholder(f"loading{i + 1}") for i in range(k)]
        else:
            n, *values = cs.floats(back[0])
            if not n or n < 2:
                raise ctx.fail("WF408", f"FIRST_PC needs at least 2 rows without NULL variables, got {int(n or 0)}",
                               "weights")
            cross = np.zeros((width, width))
            for (i, j), v in zip(pairs, values, strict=True):
                cross[i, j] = cross[j, i] = v or 0.0
            for i, var in enumerate(variables):
                if not cross[i, i] > 0:
                    raise ctx.fail("WF408", f"variable '{var.column}' is constant over the {int(n)} rows: it has "
                                            "no correlation; leave it out", "weights")
            vector, eigenvalue, _ = cs.first_component(cross[:k, :k])
            vector = vector * self._sign(vector, cross, ref, k)
            correlation = vector * math.sqrt(max(eigenvalue, 0.0))
            weak = [(v.column, c) for v, c in zip(variables, correlation, strict=True)
                    if abs(c) < self.correlationthr]
            if weak:
                listed = ", ".join(f"'{name}' ({c:.4f})" for name, c in weak)
                raise ctx.fail("WF408", f"the correlation with the first principal component of {listed} is below "
                                        f"the threshold {self.correlationthr:g}; leave the variable out or lower "
                                        "the threshold", "correlationthr")
            loadings = [cs.number(a) for a in vector]
        terms = [exp.Mul(this=a, expression=cs.div(
            exp.Sub(this=exp.column(f"v{i + 1}", "r"), expression=exp.column(f"mean{i + 1}", "t")),
            cs.nullif_zero(exp.column(f"sd{i + 1}", "t")))) for i, a in enumerate(loadings)]
        query = exp.select(col("cell_id", "r"), alias(cs.total(terms), "score")).from_(
            rows.table("r"), copy=False).join(stats.table("t"), join_type="CROSS", copy=False)
        return ctx.step("scored", Query(query, (rows.columns[0] if rows.columns else Column("cell_id"),
                                                Column("score", "number"))))

    @staticmethod
    def _sign(vector: np.ndarray, cross: np.ndarray, ref: int | None, k: int) -> float:
        """+1 or -1: the score's covariance with the reference variable positive (Σ_k a_k cov(x_k, c) / sd_k),
        else (no reference, or none) the loadings' sum positive."""
        if ref is not None:
            sd = np.sqrt(np.diag(cross)[:k])
            covariance = float(np.sum(vector * cross[:k, ref] / sd))
            if covariance != 0:
                return 1.0 if covariance > 0 else -1.0
        return -1.0 if float(np.sum(vector)) < 0 else 1.0

    @staticmethod
    def _scored(ctx: BuildContext, scaled: Rel, score: exp.Expr) -> Rel:
        query = exp.select(col("cell_id", "c"), alias(score, "score")).from_(scaled.table("c"), copy=False)
        return ctx.step("scored", Query(query, (scaled.columns[0] if scaled.columns else Column("cell_id"),
                                                Column("score", "number"))))

    # --- output formatting -------------------------------------------------------------------------
    def _format(self, ctx: BuildContext, scored: Rel, index: str, index_type: str) -> Query:
        score = exp.column("score", "c")
        query = exp.select(alias(col("cell_id", "c"), index)).from_(scored.table("c"), copy=False)
        formatting = self.outputformatting
        if formatting in ("RETURN_RANGE", "EQUAL_INTERVALS"):
            span = ctx.step("score_range", Query(exp.select(
                alias(exp.Min(this=col("score")), "lo"), alias(exp.Max(this=col("score")), "hi")).from_(
                scored.table(), copy=False), (Column("lo", "number"), Column("hi", "number"))))
            query = query.join(span.table("g"), join_type="CROSS", copy=False)
            lo, hi = exp.column("lo", "g"), exp.column("hi", "g")
            if formatting == "RETURN_RANGE":
                a, b = cs.read_range(self.returnrange)
                share = exp.Coalesce(this=cs.div(cs.sub(score, lo), cs.nullif_zero(cs.sub(hi, lo.copy()))),
                                     expressions=[exp.Literal.number("0.0")])
                value: exp.Expr = exp.Add(this=cs.number(a), expression=exp.Mul(this=cs.number(b - a),
                                                                                expression=share))
            else:
                value = cs.equal_interval_bucket(ctx, score, lo.copy(), cs.sub(hi.copy(), lo.copy()),
                                                 self._nbuckets(ctx, scored))
        elif formatting == "QUANTILES":
            value = cs.quantile_bucket(ctx, score, self.nbuckets)
        elif formatting == "JENKS":
            value = cs.bucket_by_breaks(ctx, score, self._jenks(ctx, scored))
        else:
            value = score
        query.select(alias(value, "spatial_score"), copy=False)
        return Query(query, (Column(index, index_type), Column("spatial_score", "number")))

    def _nbuckets(self, ctx: BuildContext, scored: Rel) -> exp.Expr:
        if not self.automaticnbuckets:
            return exp.Literal.number(self.nbuckets)
        back = ctx.fetch("score_stats", Query(cs.order_statistics(scored), cs.STATS_COLUMNS))
        if back is None:
            return ctx.placeholder("nbuckets")
        n, lo, hi, q1, q3 = (v or 0.0 for v in cs.floats(back[0]))
        return exp.Literal.number(cs.freedman_diaconis(n, hi - lo, q1, q3))

    def _jenks(self, ctx: BuildContext, scored: Rel) -> list[exp.Expr]:
        back = ctx.fetch("jenks", Query(cs.jenks_summary(ctx, scored), tuple(
            Column(c, "number") for c in ("g", "n", "total", "hi"))))
        if back is None:
            return [ctx.placeholder(f"break{j + 1}") for j in range(self.nbuckets - 1)]
        groups = sorted((cs.floats(r) for r in back), key=lambda r: r[0] or 0.0)
        groups = [g for g in groups if g[1]]
        counts = [g[1] for g in groups]
        means = [g[2] / g[1] for g in groups]  # type: ignore[operator]
        ends = cs.jenks_breaks(means, counts, self.nbuckets)  # type: ignore[arg-type]
        return [cs.exact(ctx, groups[e][3]) for e in ends]  # type: ignore[arg-type]
