from __future__ import annotations

from wareflow.components.base import BuildContext, Component, Param
from wareflow.components.library._grid import quadbin_ring
from wareflow.components.library._sql import check_new_column
from wareflow.components.registry import component
from wareflow.sql import ops
from wareflow.sql.relation import Column, Query, Rel


@component("native.quadbinkring", title="Quadbin KRing", category="Spatial indexes")
class QuadbinKRing(Component):
    """One row per cell within `size` tiles of each quadbin cell (itself included; columns wrap around
    the antimeridian, rows stop at the poles), in ``kring_index``; with `includedistance`, the ring it is
    on (the larger of the column and row offsets) in ``distance``. Without `includecols` only the origin
    cell column and these are kept."""

    operations_used = (ops.INT_RANGE,)
    explodes = True
    quadbin = Param.column(parent="source")
    size = Param("integer", default=1, ge=0, le=100, variables=True)
    includecols = Param.boolean(default=False)
    includedistance = Param.boolean(default=False)

    def build(self, ctx: BuildContext, source: Rel) -> Query:  # type: ignore[override]
        origin = source.resolve(self.quadbin)
        for name in ("kring_index", *(("distance",) if self.includedistance else ())):
            check_new_column(ctx, source, name, "quadbin")
        k = ctx.constant(self.size, "size")
        ring = quadbin_ring(ctx, source, origin, k, keep=None if self.includecols else (origin,))
        query = ring.expression
        if not self.includedistance:
            query.set("expressions", query.expressions[:-1])
        added = [Column("kring_index", "number"), *((Column("distance", "number"),) if self.includedistance else ())]
        if source.columns is None:
            return ctx.finish(Query(query, None))
        kept = source.columns if self.includecols else tuple(c for c in source.columns if c.name == origin)
        return ctx.finish(Query(query, (*kept, *added)))
