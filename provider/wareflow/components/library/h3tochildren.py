from __future__ import annotations

from wareflow.components.base import BuildContext, Component, Param
from wareflow.components.library._grid import explode_into, h3_resolution, select_all
from wareflow.components.library._sql import check_new_column
from wareflow.components.registry import component
from wareflow.sql import ops
from wareflow.sql.relation import Column, Query, Rel


@component("native.h3tochildren", title="H3 To Children", category="Spatial indexes")
class H3ToChildren(Component):
    """One row per descendant of each H3 cell at a finer resolution, in a new last column ``<h3col>_child``
    (none where the cell is finer than the resolution asked)."""

    operations_used = (ops.H3_TOCHILDREN,)
    explodes = True
    h3col = Param.column(parent="source")
    resolution = h3_resolution(default=9)

    def build(self, ctx: BuildContext, source: Rel) -> Query:  # type: ignore[override]
        name = f"{source.resolve(self.h3col)}_child"
        check_new_column(ctx, source, name, "h3col")
        query = select_all(source)
        children = ctx.fn(ops.H3_TOCHILDREN, cell=source.col(self.h3col), resolution=ctx.value(self.resolution))
        explode_into(ctx, query, children, name, "string")
        columns = None if source.columns is None else (*source.columns, Column(name, "string"))
        return Query(query, columns)

