from __future__ import annotations

from sqlglot import exp

from wareflow.components.base import BuildContext, Component, Param
from wareflow.components.library._grid import explode_into, h3_resolution, select_all
from wareflow.components.library._sql import check_new_column
from wareflow.components.registry import component
from wareflow.sql import ops
from wareflow.sql.dialects.base import WarehouseDialect
from wareflow.sql.relation import Column, Query, Rel

POLYFILL = {"center": ops.H3_POLYFILL, "intersects": ops.H3_POLYFILL_INTERSECTS, "contains": ops.H3_POLYFILL_CONTAINS}
# `contains` where the warehouse has no such mode: the centre cells (a cell inside the polygon has its
# centre inside) whose boundary the polygon covers.
CONTAINS_EMULATED = (ops.H3_POLYFILL, ops.H3_BOUNDARY, ops.COVERS)


@component("native.h3polyfill", title="H3 Polyfill", category="Spatial indexes")
class H3Polyfill(Component):
    """The H3 cells covering each polygon: mode `center` (the cell's centre is inside; an export without a
    mode means this), `intersects` (any overlap) or `contains` (the whole cell inside). Without
    `includecols`, one column ``h3`` of distinct cells; with it, every input column and ``h3`` last, one row
    per (row, cell)."""

    operations_used = (ops.H3_POLYFILL,)  # mode `center`, the default: what the catalog lists
    explodes = True
    geo = Param.column(parent="source", requires="geography")
    resolution = h3_resolution()
    includecols = Param.boolean(default=False)
    mode = Param.selection(tuple(POLYFILL), default="center")

    @classmethod
    def possible_operations(cls) -> tuple[ops.Operation, ...]:
        return (*POLYFILL.values(), *CONTAINS_EMULATED[1:])

    def operations(self) -> tuple[ops.Operation, ...]:
        return (POLYFILL[self.mode],)

    def expressible_in(self, dialect: WarehouseDialect) -> bool:
        if self.mode == "contains" and not dialect.supports(ops.H3_POLYFILL_CONTAINS):
            return self.supported_by(dialect, CONTAINS_EMULATED)
        return super().expressible_in(dialect)

    def build(self, ctx: BuildContext, source: Rel) -> Query:  # type: ignore[override]
        geo = source.col(self.geo)
        if self.includecols:
            check_new_column(ctx, source, "h3", "geo")
        query = (select_all(source) if self.includecols else exp.select().from_(source.table(), copy=False))
        query = query.where(exp.Not(this=exp.Is(this=geo.copy(), expression=exp.Null())), copy=False)
        emulate = self.mode == "contains" and not ctx.dialect.supports(ops.H3_POLYFILL_CONTAINS)
        operation = ops.H3_POLYFILL if emulate else POLYFILL[self.mode]
        cells = ctx.fn(operation, geo=geo.copy(), resolution=ctx.value(self.resolution))
        cell = explode_into(ctx, query, cells, "h3", "string")
        if emulate:
            query = query.where(ctx.fn(ops.COVERS, a=geo.copy(), b=ctx.fn(ops.H3_BOUNDARY, cell=cell.copy())),
                                copy=False)
        if not self.includecols:  # CARTO's shape: the distinct cells of all the polygons
            return Query(query.distinct(copy=False), (Column("h3", "string"),))
        columns = None if source.columns is None else (*source.columns, Column("h3", "string"))
        return Query(query, columns)
