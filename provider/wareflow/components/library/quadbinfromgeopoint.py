from __future__ import annotations

from sqlglot import exp

from wareflow.components.base import BuildContext, Component, Param
from wareflow.components.library._grid import bits, quadbin_resolution, with_column_first
from wareflow.components.registry import component
from wareflow.sql import ops, quadbin
from wareflow.sql.relation import Column, Query, Rel, alias, col


@component("native.quadbinfromgeopoint", title="Quadbin from GeoPoint", category="Spatial indexes")
class QuadbinFromGeoPoint(Component):
    """The quadbin cell (a 64-bit integer) of each point at a resolution 0-26, as a new first column
    ``quadbin``: the point's Web Mercator tile (latitudes clamped to ±89), then its bits."""

    operations_used = (ops.X, ops.Y)
    pointscol = Param.column(parent="source", requires="geography")
    resolution = quadbin_resolution()

    def build(self, ctx: BuildContext, source: Rel) -> Query:  # type: ignore[override]
        z = ctx.constant(self.resolution, "resolution")
        geo = source.col(self.pointscol)
        # step 1: the tile of each point; step 2 (the result): its bits, from the tile's two columns
        x = quadbin.tile_x(ctx.fn(ops.X, geo=geo), z)
        y = quadbin.tile_y(ctx.fn(ops.Y, geo=geo.copy()), z)
        tile_query = exp.select(*source.star(), alias(x, "_wf_x"), alias(y, "_wf_y")).from_(source.table(), copy=False)
        tile_columns = None if source.columns is None else (
            *source.columns, Column("_wf_x", "number"), Column("_wf_y", "number"))
        tiles = ctx.step("tile", Query(tile_query, tile_columns), reused=True)
        cell = quadbin.encode(bits(ctx), col("_wf_x"), col("_wf_y"), z)
        return ctx.finish(with_column_first(ctx, tiles, cell, "quadbin", "number", "pointscol",
                                            scratch=frozenset({"_wf_x", "_wf_y"})))


@component("native.quadbinfrompoint", title="Quadbin from GeoPoint", category="Spatial indexes")
class QuadbinFromPoint(QuadbinFromGeoPoint):
    """The same component under the id CARTO's components list also uses."""
