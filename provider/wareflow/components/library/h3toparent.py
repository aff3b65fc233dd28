from __future__ import annotations

from wareflow.components.base import BuildContext, Component, Param
from wareflow.components.library._grid import h3_resolution, with_column_first
from wareflow.components.registry import component
from wareflow.sql import ops
from wareflow.sql.relation import Query, Rel


@component("native.h3toparent", title="H3 To Parent", category="Spatial indexes")
class H3ToParent(Component):
    """The ancestor of each H3 cell at a coarser resolution, as a new first column ``<h3col>_parent``
    (NULL where the cell is coarser than the resolution asked)."""

    operations_used = (ops.H3_TOPARENT,)
    h3col = Param.column(parent="source")
    resolution = h3_resolution(default=7)

    def build(self, ctx: BuildContext, source: Rel) -> Query:  # type: ignore[override]
        name = f"{source.resolve(self.h3col)}_parent"
        parent = ctx.fn(ops.H3_TOPARENT, cell=source.col(self.h3col), resolution=ctx.value(self.resolution))
        return with_column_first(ctx, source, parent, name, "string", "h3col")
