from __future__ import annotations

from wareflow.components.base import BuildContext, Component, Param
from wareflow.components.library._grid import with_column_first
from wareflow.components.registry import component
from wareflow.sql import ops
from wareflow.sql.relation import Query, Rel


@component("native.h3center", title="H3 Center", category="Spatial indexes")
class H3Center(Component):
    """The centre point of each H3 cell, as a new first column ``<h3col>_center``."""

    operations_used = (ops.H3_CENTER,)
    h3col = Param.column(parent="source")

    def build(self, ctx: BuildContext, source: Rel) -> Query:  # type: ignore[override]
        name = f"{source.resolve(self.h3col)}_center"
        return with_column_first(ctx, source, ctx.fn(ops.H3_CENTER, cell=source.col(self.h3col)), name,
                                 "geography", "h3col")
