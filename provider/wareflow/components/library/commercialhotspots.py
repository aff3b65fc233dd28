from __future__ import annotations

import math
from collections.abc import Iterator

from sqlglot import exp

from wareflow.components.base import BuildContext, Param
from wareflow.components.library._rings import (
    GridStatistic,
    add,
    cells_step,
    grid_of,
    index_type,
    mul,
    number,
    ring_step,
)
from wareflow.components.library.getisord import gi_star, kernel_weight
from wareflow.components.registry import component
from wareflow.sql.relation import Column, Query, Rel, alias, col
from wareflow.sql.stats import two_tailed_p


def read_weights(text: str | None, count: int) -> tuple[list[float] | None, str | None]:
    """The weights "0.3, 0.7" normalised to sum 1 (1/count each when blank), or a problem to report."""
    if text is None or not str(text).strip():
        return [1.0 / count] * count if count else [], None
    parts = [p.strip() for p in str(text).strip().strip("[]").split(",")]
    values: list[float] = []
    for part in parts:
        try:
            value = float(part.strip("'\""))
        except ValueError:
            return None, f"expected numbers like '0.3, 0.7', got {part!r}"
        if math.isnan(value) or math.isinf(value):
            return None, f"expected numbers like '0.3, 0.7', got {part!r}"
        if value < 0:
            return None, f"weights must not be negative, got {part!r}"
        values.append(value)
    if len(values) != count:
        return None, f"expected {count} weights, one per input variable, got {len(values)}"
    total = sum(values)
    if total <= 0:
        return None, "the weights add up to 0; give at least one a positive value"
    return [v / total for v in values], None


@component("native.commercialhotspots", title="Commercial Hotspots", category="Statistics")
class CommercialHotspots(GridStatistic):
    """Hotspots of several variables at once on an H3 (hex string) or quadbin (integer) grid: the
    weighted average of each variable's Getis-Ord Gi* (uniform kernel, k-ring `kring`, the cell itself
    included), keeping the cells whose two-tailed p-value is <= `pvaluethresh`. Output ``index``,
    ``combined_gi``, ``p_value``.

    combined_gi_i = sum_k w_k gi_k,i with gi_k exactly `native.getisord`'s uniform Gi* of variable k
    (n, mean and population S of variable k over the input cells), w_k = the `weights` normalised to sum 1
    (1/m each when none are given). p_value = 2 (1 - Phi(|combined_gi|)).

    Decisions where CARTO is silent: how variables combine (the weighted average of the per-variable Gi*,
    the reading of CARTO's "weights for the weighted average"); a two-tailed p-value; rows with a NULL
    index or any NULL variable dropped first (so every variable has the same n); a variable that is
    constant gives NULL, and the cell is left out; the grid is told by the column's type."""

    indexcol = Param.column(parent="source")
    variablecolumns = Param.columns(parent="source", requires="number")
    weights = Param.string(default="")
    kring = Param("integer", default=3, ge=1, variables=True)
    pvaluethresh = Param.number(default=0.05, ge=0, le=1, variables=True)

    def problems(self) -> Iterator[tuple[str, str]]:
        if self.variablecolumns:
            problem = read_weights(self.weights, len(self.variablecolumns))[1]
            if problem:
                yield "weights", problem

    def build(self, ctx: BuildContext, source: Rel) -> Query:  # type: ignore[override]
        size = ctx.constant(self.kring, "kring")
        weights, problem = read_weights(self.weights, len(self.variablecolumns))
        if weights is None:
            raise ctx.fail("WF203", problem or "bad weights", "weights")
        index = source.resolve(self.indexcol)
        grid = grid_of(ctx, source, index)
        names = [f"v{k}" for k in range(len(self.variablecolumns))]
        cells = cells_step(ctx, source, index, [(source.resolve(c), name) for c, name in
                                                zip(self.variablecolumns, names, strict=True)], grid)
        # n, and each variable's mean and population standard deviation
        stats = ctx.step("stats", Query(exp.select(
            alias(exp.Cast(this=exp.Count(this=exp.Star()), to=ctx.type("number")), "n"),
            *(alias(exp.Avg(this=col(v)), f"mean_{v}") for v in names),
            *(alias(exp.StddevPop(this=col(v)), f"sd_{v}") for v in names)).from_(cells.table(), copy=False),
            (Column("n", "number"), *(Column(f"{p}_{v}", "number") for p in ("mean", "sd") for v in names))))
        ring = ring_step(ctx, cells, grid, size)
        # one pass over the neighbourhoods (itself included): Σw, Σw² and Σw·x for every variable
        weight = kernel_weight("uniform", exp.column("distance", "r"), size)
        sums = exp.select(
            alias(exp.column("index", "r"), "index"),
            alias(exp.Sum(this=weight), "sw"),
            alias(exp.Sum(this=mul(weight.copy(), weight.copy())), "sww"),
            *(alias(exp.Sum(this=mul(weight.copy(), exp.column(v, "c"))), f"swx_{v}") for v in names),
        ).from_(ring.table("r"), copy=False).join(
            cells.table("c"), on=exp.EQ(this=exp.column("kring_index", "r"), expression=exp.column("index", "c")),
            join_type="INNER", copy=False).group_by(exp.column("index", "r"), copy=False)
        weighted = ctx.step("weighted", Query(sums, (
            Column("index", index_type(grid)), Column("sw", "number"), Column("sww", "number"),
            *(Column(f"swx_{v}", "number") for v in names))))
        # gi_k exactly as native.getisord's, from the same neighbourhood sums
        combined: exp.Expr | None = None
        for v, w in zip(names, weights, strict=True):
            gi = gi_star(exp.column("n", "s"), exp.column(f"mean_{v}", "s"), exp.column(f"sd_{v}", "s"),
                         exp.column(f"swx_{v}", "w"), exp.column("sw", "w"), exp.column("sww", "w"))
            term = mul(number(w), gi)
            combined = term if combined is None else add(combined, term)
        assert combined is not None
        scored = ctx.step("scored", Query(exp.select(
            exp.column("index", "w"), alias(combined, "combined_gi")).from_(weighted.table("w"), copy=False).join(
            stats.table("s"), join_type="CROSS", copy=False),
            (Column("index", index_type(grid)), Column("combined_gi", "number"))))
        tested = ctx.step("tested", Query(exp.select(
            col("index"), col("combined_gi"), alias(two_tailed_p(col("combined_gi")), "p_value")).from_(
            scored.table(), copy=False), (Column("index", index_type(grid)), Column("combined_gi", "number"),
                                          Column("p_value", "number"))))
        result = exp.select(col("index"), col("combined_gi"), col("p_value")).from_(tested.table(), copy=False).where(
            exp.LTE(this=col("p_value"), expression=ctx.value(self.pvaluethresh)), copy=False)
        return ctx.finish(Query(result, (Column("index", index_type(grid)), Column("combined_gi", "number"),
                                         Column("p_value", "number"))))
