from __future__ import annotations

from sqlglot import exp

from wareflow.components.base import BuildContext, Component, Param
from wareflow.components.library._grid import explode_into, select_all
from wareflow.components.library._sql import check_new_column
from wareflow.components.registry import component
from wareflow.sql import ops
from wareflow.sql.relation import Column, Query, Rel, alias


@component("native.h3kring", title="H3 KRing", category="Spatial indexes")
class H3KRing(Component):
    """One row per cell within `size` steps of each H3 cell (itself included), in ``kring_index``; with
    `includedistance`, its grid distance in ``distance``. Without `includecols` only the origin cell
    column and these are kept."""

    operations_used = (ops.H3_KRING,)
    explodes = True
    h3 = Param.column(parent="source")
    size = Param("integer", default=1, ge=0, le=100, variables=True)
    includecols = Param.boolean(default=False)
    includedistance = Param.boolean(default=False)

    def operations(self) -> tuple[ops.Operation, ...]:
        return (ops.H3_KRING, ops.H3_DISTANCE) if self.includedistance else (ops.H3_KRING,)

    @classmethod
    def possible_operations(cls) -> tuple[ops.Operation, ...]:
        return (ops.H3_KRING, ops.H3_DISTANCE)

    def build(self, ctx: BuildContext, source: Rel) -> Query:  # type: ignore[override]
        origin = source.resolve(self.h3)
        for name in ("kring_index", *(("distance",) if self.includedistance else ())):
            check_new_column(ctx, source, name, "h3")
        query = (select_all(source) if self.includecols
                 else exp.select(source.col(origin)).from_(source.table(), copy=False))
        ring = ctx.fn(ops.H3_KRING, cell=source.col(origin), size=ctx.value(self.size))
        cell = explode_into(ctx, query, ring, "kring_index", "string")
        added = [Column("kring_index", "string")]
        if self.includedistance:
            query.select(alias(ctx.fn(ops.H3_DISTANCE, a=source.col(origin), b=cell.copy()), "distance"), copy=False)
            added.append(Column("distance", "number"))
        if source.columns is None:
            return Query(query, None)
        kept = source.columns if self.includecols else tuple(c for c in source.columns if c.name == origin)
        return Query(query, (*kept, *added))

