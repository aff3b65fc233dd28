from __future__ import annotations

from sqlglot import exp

from wareflow.components.base import BuildContext, Param
from wareflow.components.library._rings import (
    DECAYS,
    GridStatistic,
    add,
    cells_step,
    decay_weight,
    div,
    grid_of,
    index_type,
    mul,
    number,
    ring_step,
    sub,
)
from wareflow.components.registry import component
from wareflow.sql import quadbin
from wareflow.sql.relation import Column, Query, Rel, alias, col
from wareflow.sql.stats import two_tailed_p


def weighted_lags(ctx: BuildContext, cells: Rel, ring: Rel, stats: Rel, decay: str) -> Rel:
    """Step ``weighted``: per cell with a neighbour present (the cell itself excluded), Σw, Σw² and
    Σw·(x_j - mean), w = the decay of the ring distance (shared with `native.moransi`)."""
    weight = decay_weight(decay, exp.column("distance", "r"))
    deviation = sub(exp.column("value", "c"), exp.column("mean", "s"))
    query = exp.select(
        alias(exp.column("index", "r"), "index"),
        alias(exp.Sum(this=weight), "sw"),
        alias(exp.Sum(this=mul(weight.copy(), weight.copy())), "sww"),
        alias(exp.Sum(this=mul(weight.copy(), deviation)), "swd"),
    ).from_(ring.table("r"), copy=False).join(
        cells.table("c"), on=exp.EQ(this=exp.column("kring_index", "r"), expression=exp.column("index", "c")),
        join_type="INNER", copy=False).join(stats.table("s"), join_type="CROSS", copy=False).where(
        exp.GT(this=exp.column("distance", "r"), expression=exp.Literal.number(0)), copy=False).group_by(
        exp.column("index", "r"), copy=False)
    return ctx.step("weighted", Query(query, (
        Column("index", cells.type_of("index")), Column("sw", "number"), Column("sww", "number"),
        Column("swd", "number"))))


def stats_step(ctx: BuildContext, cells: Rel) -> Rel:
    """Step ``stats``: n (as a number) and the mean of the values."""
    return ctx.step("stats", Query(exp.select(
        alias(exp.Cast(this=exp.Count(this=exp.Star()), to=ctx.type("number")), "n"),
        alias(exp.Avg(this=col("value")), "mean")).from_(cells.table(), copy=False),
        (Column("n", "number"), Column("mean", "number"))))


@component("native.localmoransi", title="Local Moran's I", category="Statistics")
class LocalMoransI(GridStatistic):
    """Local Moran's I (LISA) on an H3 (hex string) or quadbin (integer) grid: for each cell, its
    deviation times the weighted mean deviation of its k-ring. Output ``index``, ``value``, ``psim``,
    ``eic``, ``vic``, ``ei``, ``vi``, ``quad`` (CARTO's columns, lower case).

    Weights: the cells within `size` rings of i that are in the input, i itself excluded, w(d) = 1
    (uniform), 1/d (inverse), 1/d^2 (inverse_square) or exp(-d) (exponential), d the ring distance (H3 grid
    distance; quadbin: the larger of the column and row offsets), row-standardised (w_ij / sum_j w_ij).
    With z_i = x_i - mean and m2 = sum z^2 / (n - 1) (CARTO's doc example is reproduced with n - 1, and so
    is PySAL esda 2.9's ``Moran_Local.Is``): value_i = z_i / m2 * sum_j w_ij z_j. A cell with no neighbour
    present has value 0.

    eic, vic (conditional randomisation) and ei, vi (total randomisation) are the moments of Sokal et al.
    (1998) as esda's ``Moran_Local`` computes them: they are moments of value_i * n / (n - 1) (Anselin's
    scaling, m2 = sum z^2 / n). quad is CARTO's code: 1 HH, 2 LL, 3 LH, 4 HL (high = above the mean;
    the lag is high when the weighted mean deviation of the neighbours is > 0).

    Decision where CARTO differs: CARTO's psim is a permutation (random) pseudo p-value; Wareflow's psim is
    deterministic, the analytic one-sided p-value 1 - Phi(|z|) with z = (value * n / (n - 1) - ei) / sqrt(vi)
    (total randomisation; the normal-approximation analogue of esda's folded p_sim), NULL where vi is 0
    (cells without neighbours). `permutations` is accepted and ignored. Rows with a NULL index or value
    are dropped first; a constant grid gives NULL values; the grid is told by the column's type."""

    indexcol = Param.column(parent="source")
    valuecol = Param.column(parent="source", requires="number")
    size = Param("integer", default=3, ge=1, le=10, variables=True)
    decay = Param.selection(DECAYS, default="uniform")
    permutations = Param("integer", default=1, ge=1, le=1000, required=False)

    def build(self, ctx: BuildContext, source: Rel) -> Query:  # type: ignore[override]
        size = ctx.constant(self.size, "size")
        index = source.resolve(self.indexcol)
        grid = grid_of(ctx, source, index)
        cells = cells_step(ctx, source, index, [(source.resolve(self.valuecol), "value")], grid)
        stats = stats_step(ctx, cells)
        # m2 and m4 of the deviations over n (esda's kurtosis b2 = m4 / m2^2 is scale-free)
        deviation = sub(exp.column("value", "c"), exp.column("mean", "s"))
        moments = ctx.step("moments", Query(exp.select(
            alias(exp.Avg(this=mul(deviation, deviation.copy())), "m2"),
            alias(exp.Avg(this=mul(deviation.copy(), deviation.copy(), deviation.copy(), deviation.copy())), "m4"),
        ).from_(cells.table("c"), copy=False).join(stats.table("s"), join_type="CROSS", copy=False),
            (Column("m2", "number"), Column("m4", "number"))))
        ring = ring_step(ctx, cells, grid, size)
        weighted = weighted_lags(ctx, cells, ring, stats, self.decay)
        # per cell: the statistic and the pieces of its moments (islands: lag 0, wi = wi2 = 0)
        n, m2 = exp.column("n", "s"), exp.column("m2", "m")
        present = exp.Not(this=exp.Is(this=exp.column("sw", "w"), expression=exp.Null()))
        lag = exp.Coalesce(this=div(exp.column("swd", "w"), exp.column("sw", "w")),
                           expressions=[number(0.0)])
        zi = sub(exp.column("value", "c"), exp.column("mean", "s"))
        local = ctx.step("local", Query(exp.select(
            alias(exp.column("index", "c"), "index"),
            alias(div(mul(zi, lag, sub(n, number(1.0))), mul(n.copy(), m2)), "value"),
            alias(zi.copy(), "dev"), alias(lag.copy(), "lag"),
            alias(exp.Case(ifs=[exp.If(this=present, true=number(1.0))], default=number(0.0)), "wi"),
            alias(exp.Coalesce(this=div(exp.column("sww", "w"), mul(exp.column("sw", "w"), exp.column("sw", "w"))),
                               expressions=[number(0.0)]), "wi2"),
            alias(div(mul(zi.copy(), zi.copy()), m2.copy()), "zz"),
            alias(n.copy(), "n"),
            alias(div(exp.column("m4", "m"), mul(m2.copy(), m2.copy())), "b2"),
        ).from_(cells.table("c"), copy=False).join(
            weighted.table("w"), on=exp.EQ(this=exp.column("index", "c"), expression=exp.column("index", "w")),
            join_type="LEFT", copy=False).join(stats.table("s"), join_type="CROSS", copy=False).join(
            moments.table("m"), join_type="CROSS", copy=False),
            (Column("index", index_type(grid)), *(Column(c, "number") for c in (
                "value", "dev", "lag", "wi", "wi2", "zz", "n", "b2")))))
        scored = ctx.step("scored", Query(self._moments(local), (
            Column("index", index_type(grid)), *(Column(c, "number") for c in (
                "value", "eic", "vic", "ei", "vi", "z", "quad")))))
        psim = exp.Mul(this=number(0.5), expression=two_tailed_p(col("z")))
        result = exp.select(col("index"), col("value"), alias(psim, "psim"), col("eic"), col("vic"), col("ei"),
                            col("vi"), alias(exp.Cast(this=col("quad"), to=ctx.type("integer")), "quad")).from_(
            scored.table(), copy=False)
        return ctx.finish(Query(result, (Column("index", index_type(grid)), *(Column(c, "number") for c in (
            "value", "psim", "eic", "vic", "ei", "vi")), Column("quad", "integer"))))

    @staticmethod
    def _moments(local: Rel) -> exp.Select:
        """Sokal et al. (1998) A7/A8 (conditional) and A3/A4* (total) as in esda's Moran_Local (z
        standardised by the population deviation, so its m2 is 1), the z-score and CARTO's quad code."""
        n, wi, wi2, zz, b2 = col("n"), col("wi"), col("wi2"), col("zz"), col("b2")
        n1 = sub(n, number(1.0))
        n2 = sub(n.copy(), number(2.0))
        eic = exp.Neg(this=div(mul(zz, wi), n1))
        vic = mul(div(mul(zz.copy(), n.copy()), n2), sub(wi2, div(mul(wi.copy(), wi.copy()), n1.copy())),
                  sub(number(1.0), div(zz.copy(), n1.copy())))
        ei = exp.Neg(this=div(wi.copy(), n1.copy()))
        vi = sub(add(div(mul(wi2.copy(), sub(n.copy(), b2)), n1.copy()),
                     div(mul(sub(mul(wi.copy(), wi.copy()), wi2.copy()),
                             sub(mul(number(2.0), b2.copy()), n.copy())), mul(n1.copy(), n2.copy()))),
                 div(mul(wi.copy(), wi.copy()), mul(n1.copy(), n1.copy())))
        anselin = div(mul(col("value"), n.copy()), n1.copy())
        z = div(sub(anselin, ei.copy()), exp.Sqrt(this=quadbin.greatest(vi.copy(), number(0.0))))
        high, lag_high = (exp.GT(this=col("dev"), expression=number(0.0)),
                          exp.GT(this=col("lag"), expression=number(0.0)))
        quad = exp.Case(ifs=[
            exp.If(this=exp.and_(high, lag_high), true=exp.Literal.number(1)),
            exp.If(this=exp.and_(exp.Not(this=high.copy()), exp.Not(this=lag_high.copy())), true=exp.Literal.number(2)),
            exp.If(this=lag_high.copy(), true=exp.Literal.number(3))], default=exp.Literal.number(4))
        return exp.select(col("index"), col("value"), alias(eic, "eic"), alias(vic, "vic"), alias(ei, "ei"),
                          alias(vi, "vi"), alias(z, "z"), alias(quad, "quad")).from_(local.table(), copy=False)
