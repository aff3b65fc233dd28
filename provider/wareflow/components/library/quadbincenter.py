from __future__ import annotations

from wareflow.components.base import BuildContext, Component, Param
from wareflow.components.library._grid import TILE_COLUMNS, tile_center, tile_step, with_column_first
from wareflow.components.registry import component
from wareflow.sql import ops
from wareflow.sql.relation import Query, Rel, col


@component("native.quadbincenter", title="Quadbin Center", category="Spatial indexes")
class QuadbinCenter(Component):
    """The centre of each quadbin cell's Web Mercator tile, as a new first column ``<quadbincol>_center``."""

    operations_used = (ops.POINT,)
    quadbincol = Param.column(parent="source")

    def build(self, ctx: BuildContext, source: Rel) -> Query:  # type: ignore[override]
        name = f"{source.resolve(self.quadbincol)}_center"
        tiles = tile_step(ctx, source, self.quadbincol)
        center = tile_center(ctx, col("_wf_x"), col("_wf_y"), col("_wf_z"))
        return ctx.finish(with_column_first(ctx, tiles, center, name, "geography", "quadbincol",
                                            scratch=TILE_COLUMNS))

