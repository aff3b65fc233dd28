from __future__ import annotations

from sqlglot import exp

from wareflow.components.base import BuildContext, Param
from wareflow.components.library._rings import (
    DECAYS,
    GridStatistic,
    cells_step,
    div,
    grid_of,
    mul,
    ring_step,
    sub,
)
from wareflow.components.library.localmoransi import stats_step, weighted_lags
from wareflow.components.registry import component
from wareflow.sql.relation import Column, Query, Rel, alias, col


@component("native.moransi", title="Moran's I", category="Statistics")
class MoransI(GridStatistic):
    """Global Moran's I on an H3 (hex string) or quadbin (integer) grid: one row, ``morans_i``.

    I = n / S0 * sum_i z_i sum_j w_ij z_j / sum_i z_i^2, z = x - mean, with the weights of
    `native.localmoransi`: the cells within `size` rings of i that are in the input, i itself excluded,
    w(d) = 1, 1/d, 1/d^2 or exp(-d) (uniform, inverse, inverse_square, exponential), row-standardised;
    S0 = the sum of all weights = the number of cells with a neighbour present. Reproduces CARTO's
    MORANS_I_QUADBIN doc example (-0.2966571382680862) and PySAL esda's ``Moran(y, w, transformation="r").I``.

    Decisions where CARTO is silent: the output column name ``morans_i`` (CARTO's table procedure is not
    documented); rows with a NULL index or value are dropped first; a constant grid, or one where no cell
    has a neighbour, gives NULL; the grid is told by the column's type (text: H3, integer: quadbin).
    CARTO's MORANS_I_H3 doc example (three cells 8 to 17 rings apart, none a neighbour of another, printed
    0.0722) cannot be reproduced by any weighting of those cells: Wareflow gives NULL there."""

    indexcol = Param.column(parent="source")
    valuecol = Param.column(parent="source", requires="number")
    size = Param("integer", default=3, ge=1, le=10, variables=True)
    decay = Param.selection(DECAYS, default="uniform")

    def build(self, ctx: BuildContext, source: Rel) -> Query:  # type: ignore[override]
        size = ctx.constant(self.size, "size")
        index = source.resolve(self.indexcol)
        grid = grid_of(ctx, source, index)
        cells = cells_step(ctx, source, index, [(source.resolve(self.valuecol), "value")], grid)
        stats = stats_step(ctx, cells)
        ring = ring_step(ctx, cells, grid, size)
        weighted = weighted_lags(ctx, cells, ring, stats, self.decay)
        # each cell's deviation and row-standardised lag (NULL for a cell without neighbours)
        lagged = ctx.step("lagged", Query(exp.select(
            alias(sub(exp.column("value", "c"), exp.column("mean", "s")), "dev"),
            alias(div(exp.column("swd", "w"), exp.column("sw", "w")), "lag"),
            alias(exp.column("n", "s"), "n"),
        ).from_(cells.table("c"), copy=False).join(
            weighted.table("w"), on=exp.EQ(this=exp.column("index", "c"), expression=exp.column("index", "w")),
            join_type="LEFT", copy=False).join(stats.table("s"), join_type="CROSS", copy=False),
            (Column("dev", "number"), Column("lag", "number"), Column("n", "number"))))
        # I = n / S0 * Σ z·lag / Σ z², S0 = the cells with a lag (their weights sum to 1)
        s0 = exp.Cast(this=exp.Count(this=col("lag")), to=ctx.type("number"))
        moran = div(mul(div(exp.Max(this=col("n")), s0), exp.Sum(this=mul(col("dev"), col("lag")))),
                    exp.Sum(this=mul(col("dev"), col("dev"))))
        return ctx.finish(Query(exp.select(alias(moran, "morans_i")).from_(lagged.table(), copy=False),
                                (Column("morans_i", "number"),)))
