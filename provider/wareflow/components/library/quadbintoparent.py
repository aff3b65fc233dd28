from __future__ import annotations

from wareflow.components.base import BuildContext, Component, Param
from wareflow.components.library._grid import bits, quadbin_resolution, with_column_first
from wareflow.components.registry import component
from wareflow.sql import quadbin
from wareflow.sql.relation import Query, Rel


@component("native.quadbintoparent", title="Quadbin To Parent", category="Spatial indexes")
class QuadbinToParent(Component):
    """The ancestor of each quadbin cell at a coarser resolution, as a new first column
    ``<quadbincol>_parent`` (NULL where the cell is coarser than the resolution asked)."""

    quadbincol = Param.column(parent="source")
    resolution = quadbin_resolution(default=5)

    def build(self, ctx: BuildContext, source: Rel) -> Query:  # type: ignore[override]
        name = f"{source.resolve(self.quadbincol)}_parent"
        r = ctx.constant(self.resolution, "resolution")
        return with_column_first(ctx, source, quadbin.parent(bits(ctx), source.col(self.quadbincol), r), name,
                                 "number", "quadbincol")
