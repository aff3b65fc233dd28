from __future__ import annotations

from sqlglot import exp

from wareflow.components.base import BuildContext, Component, Param
from wareflow.components.library._grid import TILE_COLUMNS, bits, explode_into, quadbin_resolution
from wareflow.components.library._sql import check_new_column
from wareflow.components.registry import component
from wareflow.sql import ops, quadbin
from wareflow.sql.relation import Column, Query, Rel, alias, col


@component("native.quadbintochildren", title="Quadbin To Children", category="Spatial indexes")
class QuadbinToChildren(Component):
    """One row per descendant of each quadbin cell at a finer resolution, in a new last column
    ``<quadbincol>_child`` (none where the cell is finer than the resolution asked)."""

    operations_used = (ops.INT_RANGE,)
    explodes = True
    quadbincol = Param.column(parent="source")
    resolution = quadbin_resolution(default=12)

    def build(self, ctx: BuildContext, source: Rel) -> Query:  # type: ignore[override]
        cell = source.resolve(self.quadbincol)
        name = f"{cell}_child"
        check_new_column(ctx, source, name, "quadbincol")
        r = ctx.constant(self.resolution, "resolution")
        b = bits(ctx)
        z = quadbin.resolution(b, source.col(cell))
        step = exp.select(*source.star(), alias(z, "_wf_z")).from_(source.table(), copy=False)
        with_z = ctx.step("resolution", Query(step, None if source.columns is None else (
            *source.columns, Column("_wf_z", "number"))))
        # the children are the first child plus every combination of the levels z+1..r below it
        levels = exp.Sub(this=quadbin.number(r), expression=col("_wf_z"))
        count = exp.Case().when(exp.LTE(this=col("_wf_z"), expression=quadbin.number(r)), exp.Sub(
            this=exp.Paren(this=b.power(exp.Mul(this=quadbin.number(2), expression=exp.Paren(this=levels)))),
            expression=quadbin.number(1))).else_(quadbin.number(-1))
        query = exp.select(*with_z.star(exclude=set(TILE_COLUMNS))).from_(with_z.table(), copy=False)
        offset = explode_into(ctx, query, ctx.fn(ops.INT_RANGE, low=quadbin.number(0), high=count), name, "integer")
        child = b.or_(exp.Paren(this=quadbin.children_base(b, col(cell), col("_wf_z"), r)),
                      b.shl(offset.copy(), 52 - 2 * r))
        query.selects[-1].set("this", child)
        columns = None if source.columns is None else (*source.columns, Column(name, "number"))
        return ctx.finish(Query(query, columns))

