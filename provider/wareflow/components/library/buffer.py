from __future__ import annotations

from sqlglot import exp

from wareflow.components.base import BuildContext, Component, Param, Templated
from wareflow.components.library._sql import check_new_column, keep_ordering, select
from wareflow.components.registry import component
from wareflow.sql import ops
from wareflow.sql.relation import Column, Query, Rel, alias, columns_plus

METERS_PER_UNIT = {"Meters": 1.0, "Kilometers": 1000.0, "Miles": 1609.344, "Feet": 0.3048}


@component("native.buffer", title="ST Buffer", category="Spatial operations")
class Buffer(Component):
    """Buffer each geometry by a distance on the ground; the new column ``<geo>_buffer`` comes first."""

    operations_used = (ops.BUFFER,)
    costly = True
    preserves_order = True
    geo = Param.column(parent="source", requires="geography")
    distance = Param.number(default=10, gt=0, variables=True)
    units = Param.selection(tuple(METERS_PER_UNIT), default="Meters")

    def build(self, ctx: BuildContext, source: Rel) -> Query:  # type: ignore[override]
        name = f"{source.resolve(self.geo)}_buffer"
        check_new_column(ctx, source, name, "geo")
        factor = METERS_PER_UNIT[self.units]
        if isinstance(self.distance, Templated):
            meters: exp.Expr = ctx.value(self.distance)
            if factor != 1.0:
                meters = exp.Mul(this=meters, expression=exp.Literal.number(repr(factor)))
        else:
            meters = ctx.value(self.distance * factor)
        buffered = alias(ctx.fn(ops.BUFFER, geo=source.col(self.geo), meters=meters), name)
        columns = columns_plus(source, Column(name, "geography"), first=True)
        return Query(select(source, buffered, *source.star()), columns, keep_ordering(source, columns))
