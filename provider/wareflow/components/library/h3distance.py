from __future__ import annotations

from wareflow.components.base import BuildContext, Component, Param
from wareflow.components.library._grid import with_column_first
from wareflow.components.registry import component
from wareflow.sql import ops
from wareflow.sql.relation import Query, Rel


@component("native.h3distance", title="H3 Grid Distance", category="Spatial indexes")
class H3Distance(Component):
    """The grid distance between two H3 cells of a row, as a new first column ``h3_distance`` (NULL where
    the warehouse cannot tell: different resolutions, too far apart, across a pentagon)."""

    operations_used = (ops.H3_DISTANCE,)
    h3_1 = Param.column(parent="source")
    h3_2 = Param.column(parent="source")

    def build(self, ctx: BuildContext, source: Rel) -> Query:  # type: ignore[override]
        distance = ctx.fn(ops.H3_DISTANCE, a=source.col(self.h3_1), b=source.col(self.h3_2))
        return with_column_first(ctx, source, distance, "h3_distance", "number", "h3_1")
