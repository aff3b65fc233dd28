from __future__ import annotations

from sqlglot import exp

from wareflow.components.base import BuildContext, Param
from wareflow.components.library._grid import select_all
from wareflow.components.library._rings import GridStatistic, grid_of, index_type, ring_step
from wareflow.components.library._trend import TIME_INTERVALS, calendar, fields, step_number, week_start
from wareflow.components.library.getisord import KERNELS, gi_star, kernel_weight
from wareflow.components.registry import component
from wareflow.sql.relation import Column, Query, Rel, alias, col
from wareflow.sql.stats import two_tailed_p


def _not_null(*columns: exp.Expr) -> exp.Expr:
    return exp.and_(*(exp.Not(this=exp.Is(this=c, expression=exp.Null())) for c in columns))


@component("native.getisordspacetime", title="Getis-Ord Space-Time", category="Statistics")
class GetisOrdSpaceTime(GridStatistic):
    """Space-time Getis-Ord Gi* on an H3 (hex string) or quadbin (integer) grid: for each cell and time
    step, the weighted sum of the values of the cells within `size` rings over the `bandwidth` steps
    before and after, against what the whole cube predicts. Output ``index``, ``date`` (the first instant
    of the step), ``gi``, ``p_value`` (two-tailed); one row per cell and step present in the input.

    A row's step is its date truncated to `timeinterval` (year, quarter, month, week, day, hour, minute,
    second); the step distance |t - u| counts whole intervals (calendar months for month, quarter and
    year; whole weeks between week starts). Weeks start on Sunday when the workflow was exported from
    BigQuery (its ``DATE_TRUNC(..., WEEK)``), on Monday otherwise. The neighbours of (i, t) are the rows
    (j, u) with ring distance d(i, j) <= size and |t - u| <= bandwidth, past and future, (i, t) itself
    included; w = K_space(d / (size + 1)) * K_time(|t - u| / (bandwidth + 1)), each kernel one of uniform 1,
    triangular 1 - u, quadratic 1 - u^2, quartic (1 - u^2)^2, gaussian exp(-u^2 / 2);
    gi = (sum w x - mean * W) / (S * sqrt((n * sum w^2 - W^2) / (n - 1))), W = sum w, with n, the mean and
    S (population standard deviation) over every (cell, step) row; p_value = 2 (1 - Phi(|gi|)).

    Decisions where CARTO is silent: rows with a NULL index, date or value are dropped first; several
    rows of one cell in one step are summed into one (CARTO expects one row per cell and step); absent
    (cell, step) rows are skipped, not zero; S = 0 gives NULL; the grid is told by the index column's
    type (text: H3, integer: quadbin)."""

    indexcol = Param.column(parent="source")
    datecol = Param.column(parent="source", requires="date")
    valuecol = Param.column(parent="source", requires="number")
    kernel = Param.selection(KERNELS, default="uniform")
    kerneltime = Param.selection(KERNELS, default="uniform")
    size = Param("integer", default=3, ge=1, le=10, variables=True)
    bandwidth = Param("integer", default=3, ge=1, le=10, variables=True)
    timeinterval = Param.selection(TIME_INTERVALS, default="week")

    def build(self, ctx: BuildContext, source: Rel) -> Query:  # type: ignore[override]
        size, bandwidth = ctx.constant(self.size, "size"), ctx.constant(self.bandwidth, "bandwidth")
        index, date, value = (source.resolve(self.indexcol), source.resolve(self.datecol),
                              source.resolve(self.valuecol))
        grid = grid_of(ctx, source, index)
        if source.type_of(date) not in ("date", "timestamp", "datetime", "unknown"):
            raise ctx.fail("WF203", f"column '{date}' holds {source.type_of(date)} values, not dates or timestamps",
                           "datecol")
        cell_type = index_type(grid)
        integer = ctx.type("integer")
        # step 1: one row per (cell, time step), the values of a step summed
        interval, first_day = self.timeinterval, week_start(ctx.source_dialect)
        rows = exp.select(alias(source.col(index), "index"), alias(exp.Cast(
            this=source.col(value), to=ctx.type("number")), "value"), *fields(exp.Cast(
                this=source.col(date), to=ctx.type("timestamp")), interval, integer)).from_(
            source.table(), copy=False).where(_not_null(source.col(index), source.col(date), source.col(value)),
                                              copy=False)
        stepped = exp.select(col("index"), col("value"), alias(exp.Cast(
            this=step_number(interval, first_day), to=integer.copy()), "step")).from_(
            exp.Subquery(this=rows, alias=exp.TableAlias(this=exp.to_identifier("_wf_fields"))), copy=False)
        series = ctx.step("series", Query(
            exp.select(col("index"), col("step"), alias(exp.Sum(this=col("value")), "value")).from_(
                exp.Subquery(this=stepped, alias=exp.TableAlias(this=exp.to_identifier("_wf_steps"))), copy=False)
            .group_by(col("index"), col("step"), copy=False),
            (Column("index", cell_type), Column("step", "integer"), Column("value", "number"))))
        # step 2: n, the mean and the population standard deviation over every (cell, step)
        stats = ctx.step("stats", Query(exp.select(
            alias(exp.Count(this=exp.Star()), "n"), alias(exp.Avg(this=col("value")), "mean"),
            alias(exp.StddevPop(this=col("value")), "sd")).from_(series.table(), copy=False),
            (Column("n", "number"), Column("mean", "number"), Column("sd", "number"))))
        # step 3: the cells, and each one's ring with the ring distance (kept whole, not inlined: every
        # (cell, step) pair reads it, and the distance is costly where H3 is a stand-in or quadbin arithmetic)
        cells = ctx.step("cells", Query(exp.select(col("index")).distinct().from_(series.table(), copy=False),
                                        (Column("index", cell_type),)))
        ring = ring_step(ctx, cells, grid, size, reused=True)
        # step 4: each (cell, step) with the cells of its ring and their weight in space (kept whole: a
        # planner that inlined it could join the series to itself on the time condition alone)
        reach = ctx.step("reach", Query(exp.select(
            exp.column("index", "a"), exp.column("step", "a"), exp.column("kring_index", "r"),
            alias(kernel_weight(self.kernel, exp.column("distance", "r"), size), "space_weight"),
        ).from_(series.table("a"), copy=False).join(
            ring.table("r"), on=exp.EQ(this=exp.column("index", "r"), expression=exp.column("index", "a")),
            join_type="INNER", copy=False), (
            Column("index", cell_type), Column("step", "integer"), Column("kring_index", cell_type),
            Column("space_weight", "number"))), shape="fanout", reused=True)
        # step 5: the weighted sums over the (cell, step) neighbours present
        lag = exp.Abs(this=exp.Sub(this=exp.column("step", "b"), expression=exp.column("step", "a")))
        weight = exp.Mul(this=exp.column("space_weight", "a"),
                         expression=exp.Paren(this=kernel_weight(self.kerneltime, lag.copy(), bandwidth)))
        sums = exp.select(
            alias(exp.column("index", "a"), "index"), alias(exp.column("step", "a"), "step"),
            alias(exp.Sum(this=exp.Mul(this=exp.Paren(this=weight), expression=exp.column("value", "b"))), "swx"),
            alias(exp.Sum(this=weight.copy()), "sw"),
            alias(exp.Sum(this=exp.Mul(this=exp.Paren(this=weight.copy()), expression=exp.Paren(this=weight.copy()))),
                  "sww"),
        ).from_(reach.table("a"), copy=False).join(
            series.table("b"), on=exp.and_(
                exp.EQ(this=exp.column("index", "b"), expression=exp.column("kring_index", "a")),
                exp.LTE(this=lag.copy(), expression=exp.Literal.number(bandwidth))),
            join_type="INNER", copy=False).group_by(exp.column("index", "a"), exp.column("step", "a"), copy=False)
        weighted = ctx.step("weighted", Query(sums, (
            Column("index", cell_type), Column("step", "integer"), Column("swx", "number"), Column("sw", "number"),
            Column("sww", "number"))), shape="fanout")
        # step 6: each step's first instant
        dates = ctx.step("dates", Query(
            calendar(exp.Subquery(this=exp.select(col("step")).distinct().from_(series.table(), copy=False),
                                  alias=exp.TableAlias(this=exp.to_identifier("_wf_steps"))),
                     interval, first_day, integer.copy(), ctx.type("string"), ctx.type("timestamp")),
            (Column("step", "integer"), Column("date", "timestamp"))))
        gi = gi_star(exp.column("n", "s"), exp.column("mean", "s"), exp.column("sd", "s"), exp.column("swx", "w"),
                     exp.column("sw", "w"), exp.column("sww", "w"))
        scored = ctx.step("scored", Query(
            exp.select(exp.column("index", "w"), exp.column("date", "d"), alias(gi, "gi"))
            .from_(weighted.table("w"), copy=False)
            .join(dates.table("d"), on=exp.EQ(this=exp.column("step", "d"), expression=exp.column("step", "w")),
                  join_type="INNER", copy=False)
            .join(stats.table("s"), join_type="CROSS", copy=False),
            (Column("index", cell_type), Column("date", "timestamp"), Column("gi", "number"))))
        result = select_all(scored).select(alias(two_tailed_p(col("gi")), "p_value"), copy=False)
        return ctx.finish(Query(result, (Column("index", cell_type), Column("date", "timestamp"),
                                         Column("gi", "number"), Column("p_value", "number"))))
