from __future__ import annotations

from sqlglot import exp

from wareflow.components.base import BuildContext, Param
from wareflow.components.library._grid import select_all
from wareflow.components.library._rings import GridStatistic, cells_step, grid_of, index_type, ring_step
from wareflow.components.registry import component
from wareflow.sql import quadbin
from wareflow.sql.relation import Column, Query, Rel, alias, col
from wareflow.sql.stats import two_tailed_p

KERNELS = ("uniform", "triangular", "quadratic", "quartic", "gaussian")


def kernel_weight(kernel: str, distance: exp.Expr, size: int) -> exp.Expr:
    """K(d) with u = d / (size + 1): uniform 1, triangular 1 - u, quadratic 1 - u², quartic (1 - u²)²,
    gaussian exp(-u²/2) (Wareflow's decision where CARTO does not document the bandwidth)."""
    u = exp.Div(this=exp.Cast(this=distance, to=exp.DataType.build("DOUBLE")),
                expression=exp.Literal.number(f"{size + 1}.0"))
    one = exp.Literal.number("1.0")
    square = exp.Mul(this=exp.Paren(this=u), expression=exp.Paren(this=u.copy()))
    return {
        "uniform": one,
        "triangular": exp.Sub(this=one.copy(), expression=u),
        "quadratic": exp.Sub(this=one.copy(), expression=square),
        "quartic": exp.Mul(this=exp.Paren(this=exp.Sub(this=one.copy(), expression=square)),
                           expression=exp.Paren(this=exp.Sub(this=one.copy(), expression=square.copy()))),
        "gaussian": exp.Exp(this=exp.Div(this=exp.Neg(this=square), expression=exp.Literal.number("2.0"))),
    }[kernel]


@component("native.getisord", title="Getis-Ord", category="Statistics")
class GetisOrd(GridStatistic):
    """Getis-Ord Gi* hotspots on an H3 (hex string) or quadbin (integer) grid: for each cell, the
    weighted sum of the values in its k-ring (itself included; absent cells skipped) against what the
    whole grid predicts. Output ``index``, ``gi``, ``p_value`` (two-tailed).

    gi_i = (sum_j w_ij x_j - mean * W_i) / (S * sqrt((n * sum_j w_ij^2 - W_i^2) / (n - 1))), W_i = sum_j w_ij,
    over the cells j within `size` rings of i that are in the input (i itself included, w_ii = K(0) = 1);
    n, the mean and S (the population standard deviation) over every input row with an index and a value.
    w_ij = K(d_ij), d the ring distance (H3 grid distance; quadbin: the larger of the column and row
    offsets), u = d / (size + 1): uniform 1, triangular 1 - u, quadratic 1 - u^2, quartic (1 - u^2)^2,
    gaussian exp(-u^2 / 2). p_value = 2 (1 - Phi(|gi|)), Phi from an erfc approximation (|error| < 1.5e-7).

    Decisions where CARTO is silent: the bandwidth size + 1 (CARTO does not document it: with h = size the
    outer ring would weigh 0); a two-tailed p-value (CARTO's published examples are one-tailed, its
    current docs two-tailed); rows with a NULL index or value dropped first; S = 0 gives NULL; the grid is
    told by the column's type (text: H3, integer: quadbin). Agrees with PySAL esda's
    ``G_Local(star=True, transform="B")`` for the uniform kernel."""

    indexcol = Param.column(parent="source")
    valuecol = Param.column(parent="source", requires="number")
    kernel = Param.selection(KERNELS, default="uniform")
    size = Param("integer", default=3, ge=1, le=10, variables=True)

    def build(self, ctx: BuildContext, source: Rel) -> Query:  # type: ignore[override]
        size = ctx.constant(self.size, "size")
        index = source.resolve(self.indexcol)
        grid = grid_of(ctx, source, index)
        # step 1: the cells with a value (rows with a NULL index or value dropped first)
        cells = cells_step(ctx, source, index, [(source.resolve(self.valuecol), "value")], grid)
        # step 2: n, the mean and the population standard deviation over every cell
        stats = ctx.step("stats", Query(exp.select(
            alias(exp.Count(this=exp.Star()), "n"), alias(exp.Avg(this=col("value")), "mean"),
            alias(exp.StddevPop(this=col("value")), "sd")).from_(cells.table(), copy=False),
            (Column("n", "number"), Column("mean", "number"), Column("sd", "number"))))
        # step 3: each cell's ring, with the ring distance
        ring = ring_step(ctx, cells, grid, size)
        # step 4: the weighted sums over the neighbours present
        weight = kernel_weight(self.kernel, exp.column("distance", "r"), size)
        sums = exp.select(
            alias(exp.column("index", "r"), "index"),
            alias(exp.Sum(this=exp.Mul(this=exp.Paren(this=weight), expression=exp.column("value", "c"))), "swx"),
            alias(exp.Sum(this=weight.copy()), "sw"),
            alias(exp.Sum(this=exp.Mul(this=exp.Paren(this=weight.copy()), expression=exp.Paren(this=weight.copy()))),
                  "sww"),
        ).from_(ring.table("r"), copy=False).join(
            cells.table("c"), on=exp.EQ(this=exp.column("kring_index", "r"), expression=exp.column("index", "c")),
            join_type="INNER", copy=False).group_by(exp.column("index", "r"), copy=False)
        weighted = ctx.step("weighted", Query(sums, (Column("index", index_type(grid)), Column("swx", "number"),
                                                     Column("sw", "number"), Column("sww", "number"))))
        gi = gi_star(exp.column("n", "s"), exp.column("mean", "s"), exp.column("sd", "s"), exp.column("swx", "w"),
                     exp.column("sw", "w"), exp.column("sww", "w"))
        scored = ctx.step("scored", Query(
            exp.select(exp.column("index", "w"), alias(gi, "gi")).from_(weighted.table("w"), copy=False).join(
                stats.table("s"), join_type="CROSS", copy=False),
            (Column("index", index_type(grid)), Column("gi", "number"))))
        result = select_all(scored).select(alias(two_tailed_p(col("gi")), "p_value"), copy=False)
        return ctx.finish(Query(result, (Column("index", index_type(grid)), Column("gi", "number"),
                                         Column("p_value", "number"))))


def gi_star(n: exp.Expr, mean: exp.Expr, sd: exp.Expr, swx: exp.Expr, sw: exp.Expr, sww: exp.Expr) -> exp.Expr:
    """Gi* from a cell's weighted sums: (Σwx - x̄·Σw) / (S·√((n·Σw² - (Σw)²) / (n - 1))), NULL where S or the
    spread is 0 (n, x̄, S over the whole grid)."""
    spread = exp.Div(this=exp.Paren(this=exp.Sub(
        this=exp.Mul(this=n, expression=sww), expression=exp.Mul(this=sw, expression=sw.copy()))),
        expression=exp.Nullif(this=exp.Sub(this=n.copy(), expression=exp.Literal.number(1)),
                              expression=exp.Literal.number(0)))
    denominator = exp.Nullif(this=exp.Mul(this=sd, expression=exp.Sqrt(
        this=quadbin.greatest(spread, exp.Literal.number("0.0")))), expression=exp.Literal.number(0))
    return exp.Div(this=exp.Paren(this=exp.Sub(this=swx, expression=exp.Mul(this=mean, expression=sw.copy()))),
                   expression=denominator)
