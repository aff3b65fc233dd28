from __future__ import annotations

from wareflow.components.base import BuildContext, Component, Param
from wareflow.components.library._grid import h3_resolution, with_column_first
from wareflow.components.registry import component
from wareflow.sql import ops
from wareflow.sql.relation import Query, Rel


@component("native.h3frompoint", title="H3 from GeoPoint", category="Spatial indexes")
class H3FromPoint(Component):
    """The H3 cell (hex string) of each point at a resolution, as a new first column ``h3``."""

    operations_used = (ops.H3_FROM_POINT,)
    pointscol = Param.column(parent="source", requires="geography")
    resolution = h3_resolution()

    def build(self, ctx: BuildContext, source: Rel) -> Query:  # type: ignore[override]
        cell = ctx.fn(ops.H3_FROM_POINT, geo=source.col(self.pointscol), resolution=ctx.value(self.resolution))
        return with_column_first(ctx, source, cell, "h3", "string", "pointscol")
