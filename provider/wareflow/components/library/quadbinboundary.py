from __future__ import annotations

from wareflow.components.base import BuildContext, Component, Param
from wareflow.components.library._grid import TILE_COLUMNS, tile_envelope, tile_step, with_column_first
from wareflow.components.registry import component
from wareflow.sql import ops
from wareflow.sql.relation import Query, Rel, col


@component("native.quadbinboundary", title="Quadbin Boundary", category="Spatial indexes")
class QuadbinBoundary(Component):
    """The rectangle of each quadbin cell (lon/lat edges of its Web Mercator tile), as a new first column
    ``<quadbincol>_geo``."""

    operations_used = (ops.ENVELOPE,)
    costly = True
    quadbincol = Param.column(parent="source")

    def build(self, ctx: BuildContext, source: Rel) -> Query:  # type: ignore[override]
        name = f"{source.resolve(self.quadbincol)}_geo"
        tiles = tile_step(ctx, source, self.quadbincol)
        boundary = tile_envelope(ctx, col("_wf_x"), col("_wf_y"), col("_wf_z"))
        return ctx.finish(with_column_first(ctx, tiles, boundary, name, "geography", "quadbincol",
                                            scratch=TILE_COLUMNS))

